// Bookings through the API, with an organisation's token: asking for a slot (once or weekly),
// the owners' decisions and either side's cancelling, and cancelling a room's dates between two
// days; the same rules and errors as the pages.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import type { WebDeps } from '../../../http/deps.ts';
import { documented, errors, PeriodSchema, period, security, tokenAuth } from '../spaces-api-common.api.ts';
import { actOnBooking } from './act-on-booking.ts';
import { cancelBookingsBetween } from './cancel-bookings-between.ts';
import { requestBooking } from './request-booking.ts';

const BookingRequest = Type.Object(
  {
    room_id: Type.String({ maxLength: 64 }),
    start: Type.String({ maxLength: 40, description: 'ISO 8601; Brussels time unless an offset is given.' }),
    end: Type.String({ maxLength: 40 }),
    attendees: Type.Integer({ minimum: 0, maximum: 1_000_000 }),
    purpose: Type.Optional(Type.String({ maxLength: 2_000, description: 'At most 500 characters.' })),
    until: Type.Optional(
      Type.String({
        maxLength: 20,
        description:
          'For a weekly booking, its last day (YYYY-MM-DD), at most a year of weeks: the same time every week; dates that are taken or closed are left out and listed in `skipped`.',
      }),
    ),
  },
  { additionalProperties: false },
);
const BookingResult = Type.Object({
  id: Type.String({ format: 'uuid' }),
  status: Type.Union([
    Type.Literal('requested'),
    Type.Literal('confirmed'),
    Type.Literal('declined'),
    Type.Literal('cancelled'),
  ]),
});

const BookingOutcome = Type.Object({
  ...BookingResult.properties,
  series_id: Type.Union([Type.String({ format: 'uuid' }), Type.Null()], {
    description: 'The weekly booking the dates belong to; null for one date.',
  }),
  booked: Type.Array(Type.Object({ id: Type.String({ format: 'uuid' }), ...PeriodSchema.properties })),
  skipped: Type.Array(
    Type.Object({
      ...PeriodSchema.properties,
      reason: Type.String({
        description: '"taken", "booking_closed", "booking_outside_hours" or "booking_quota".',
      }),
    }),
  ),
});

export const bookingsApi: FastifyPluginAsyncTypebox<WebDeps> = async (app, deps) => {
  const { authenticate, tokenContext } = tokenAuth(deps);

  app.post(
    '/bookings',
    {
      onRequest: authenticate,
      ...documented('Ask for a slot of a room, for the token’s organisation', {
        security,
        body: BookingRequest,
        response: { 201: BookingOutcome, ...errors },
      }),
    },
    async (request, reply) => {
      const ctx = tokenContext(request);
      const b = request.body;
      const result = await requestBooking(ctx, {
        roomId: b.room_id,
        start: b.start,
        end: b.end,
        attendees: String(b.attendees),
        purpose: b.purpose,
        until: b.until,
      });
      return reply.code(201).send({
        id: result.id,
        status: result.status,
        series_id: result.seriesId,
        booked: result.booked.map((d) => ({ id: d.id, ...period(d.period) })),
        skipped: result.skipped.map((d) => ({ ...period(d.period), reason: d.reason })),
      });
    },
  );

  app.post(
    '/bookings/:id/actions/:action',
    {
      onRequest: authenticate,
      ...documented('Approve or decline a request for your room, or cancel a booking', {
        security,
        params: Type.Object({
          id: Type.String({ maxLength: 64 }),
          action: Type.Union([Type.Literal('approve'), Type.Literal('decline'), Type.Literal('cancel')]),
        }),
        body: Type.Optional(
          Type.Object(
            { reason: Type.Optional(Type.String({ maxLength: 2_000, description: 'Needed to decline.' })) },
            { additionalProperties: false },
          ),
        ),
        response: { 200: BookingResult, ...errors },
      }),
    },
    async (request) => {
      const ctx = tokenContext(request);
      return actOnBooking(ctx, request.params.id, request.params.action, request.body?.reason ?? '');
    },
  );

  app.post(
    '/rooms/:id/bookings/cancel',
    {
      onRequest: authenticate,
      ...documented('Cancel every booking of a room between two dates', {
        description:
          'For the room’s organisation: every request and booking of the room (a reason is needed; each group is told). For another organisation: its own. Bookings that have begun stay.',
        security,
        params: Type.Object({ id: Type.String({ maxLength: 64 }) }),
        body: Type.Object(
          {
            from: Type.String({ maxLength: 20, description: 'First day, Brussels date ("2027-07-01").' }),
            to: Type.String({ maxLength: 20, description: 'Last day, included.' }),
            reason: Type.Optional(
              Type.String({
                maxLength: 2_000,
                description: 'At most 500 characters; needed from the room’s organisation.',
              }),
            ),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            room_id: Type.String({ format: 'uuid' }),
            cancelled: Type.Integer(),
            by: Type.String({ description: '"owner" or "asker".' }),
          }),
          ...errors,
        },
      }),
    },
    async (request) => {
      const ctx = tokenContext(request);
      const b = request.body;
      const { actor } = ctx;
      const done = await cancelBookingsBetween(ctx, {
        organisationId: actor.kind === 'token' ? actor.organisationId : '',
        roomId: request.params.id,
        from: b.from,
        to: b.to,
        reason: b.reason,
      });
      return { room_id: done.roomId, cancelled: done.cancelled, by: done.by };
    },
  );
};
