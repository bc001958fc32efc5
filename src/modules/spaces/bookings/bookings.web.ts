// Asking for a slot on a room's page, and the owners' decisions on their list of requests (approve,
// decline with a reason, cancel), as forms that work without JavaScript.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import Type from 'typebox';
import type { WebDeps } from '../../../http/deps.ts';
import { errorMessage } from '../../../http/error-handler.ts';
import { submitForm } from '../../../http/form-route.ts';
import { IdParams } from '../../../http/params.ts';
import { doneNotice, pageFor } from '../../../http/request-context.ts';
import { sendHtml } from '../../../http/send-html.ts';
import { fieldMessage } from '../../../views/forms.tsx';
import { signedInContext } from '../../../http/use-case-context.ts';
import { list, one } from '../../../shared/form-values.ts';
import { roomPageData } from '../rooms/room-page-data.ts';
import { asPerson } from '../space-context.ts';
import { managesRooms } from '../spaces.policy.ts';
import { RoomPage } from '../views/room.page.tsx';
import { reasonPrefix } from '../views/slots.ts';
import { actOnBooking } from './act-on-booking.ts';
import { approveSeries } from './approve-series.ts';
import { renewFeedAddress } from '../calendar/renew-feed-address.ts';
import { ourBookingsPage, ownRoomsPage } from './booking-pages.web.ts';
import { cancelBookingsBetween } from './cancel-bookings-between.ts';
import { findBookingRoomOrganisation } from './bookings.repo.ts';
import { findRoom } from '../rooms/rooms.repo.ts';
import { isUuid } from '../../../shared/shapes.ts';
import { type BookingRequest, planBooking, requestBooking } from './request-booking.ts';

const text = (maxLength: number) => Type.Optional(Type.String({ maxLength }));
const AskBody = Type.Object({
  organisation: text(64),
  date: text(20),
  start: text(20),
  end: text(20),
  attendees: text(20),
  repeat: text(10),
  until: text(20),
  confirm: text(2),
  dates: Type.Optional(
    Type.Union([
      Type.String({ maxLength: 40 }),
      Type.Array(Type.String({ maxLength: 40 }), { maxItems: 60 }),
    ]),
  ),
  purpose: Type.Optional(Type.String({ maxLength: 5_000, 'x-multiline': true })),
});
const RangeBody = Type.Object({
  room: text(64),
  from: text(20),
  to: text(20),
  reason: text(2_000),
});
const ActionParams = Type.Object({
  id: Type.String({ maxLength: 64 }),
  action: Type.Union([Type.Literal('approve'), Type.Literal('decline'), Type.Literal('cancel')]),
});

export const bookingsWeb: FastifyPluginAsyncTypebox<WebDeps> = async (app, deps) => {
  const { db } = deps;
  const context = (request: FastifyRequest) => asPerson(signedInContext(request, deps));

  app.post(
    '/rooms/:id/bookings',
    { schema: { hide: true, params: Type.Object({ id: Type.String({ maxLength: 64 }) }), body: AskBody } },
    async (request, reply) => {
      const ctx = context(request);
      const page = await pageFor(request, deps);
      const b = request.body;
      const date = (b.date ?? '').trim();
      // A browser's time field cannot say 24:00: an end at 00:00 is that day's midnight.
      const endTime = (b.end ?? '').trim().replace(/^00:00$/, '24:00');
      const weekly = b.repeat === 'weekly';
      const input: BookingRequest = {
        roomId: request.params.id,
        organisationId: one(b.organisation),
        start: `${date}T${(b.start ?? '').trim()}`,
        end: `${date}T${endTime}`,
        attendees: b.attendees ?? '',
        purpose: b.purpose,
        until: weekly ? (b.until ?? '') : undefined,
        onlyStarts: weekly && b.confirm === '1' && list(b.dates).length ? list(b.dates) : undefined,
      };
      const roomPage = async (extra: Partial<Parameters<typeof RoomPage>[0]>) =>
        RoomPage({
          ctx: page,
          data: await roomPageData(db, request.signedIn?.user.id, request.params.id, date || undefined),
          values: b,
          ...extra,
        });
      return submitForm(
        reply,
        // A weekly request shows its dates first; it is sent from that list.
        async () =>
          weekly && b.confirm !== '1'
            ? { plan: await planBooking(ctx, input), outcome: undefined }
            : { plan: undefined, outcome: await requestBooking(ctx, input) },
        {
          alsoShown: ['BOOKING_TAKEN'],
          done: async ({ plan, outcome }) => {
            if (plan) return sendHtml(reply, roomPage({ plan: { dates: plan.dates } }));
            const room = `/${page.locale}/rooms/${request.params.id.toLowerCase()}`;
            return reply.redirect(
              outcome!.seriesId
                ? `${room}?done=weekly_${outcome!.status}&asked=${outcome!.booked.length}&skipped=${outcome!.skipped.length}&week=${date}#week`
                : `${room}?done=${outcome!.status}&week=${date}#week`,
              303,
            );
          },
          refused: async (problems, error) =>
            roomPage({
              problems,
              message: error.code === 'BOOKING_TAKEN' ? errorMessage(page.t, error) : undefined,
            }),
        },
      );
    },
  );

  app.post(
    '/manage/bookings/:id/:action',
    {
      schema: {
        hide: true,
        params: ActionParams,
        body: Type.Optional(
          Type.Record(Type.String({ maxLength: 40 }), Type.String({ maxLength: 2_000 }), {
            maxProperties: 5,
          }),
        ),
      },
    },
    async (request, reply) => {
      const ctx = context(request);
      const { id, action } = request.params;
      const reason = request.body?.[`${reasonPrefix(id.toLowerCase())}-reason`] ?? request.body?.reason ?? '';
      // Back to the list of the side that acted: the owners' requests, or the asker's bookings.
      const where = await findBookingRoomOrganisation(db, id);
      return submitForm(reply, () => actOnBooking(ctx, id, action, reason), {
        alsoShown: ['BOOKING_TAKEN', 'BOOKING_STARTED', 'CONFLICT'],
        redirect: (done) =>
          done.by === 'owner'
            ? `/${ctx.locale}/manage/organisations/${done.ownerId}/rooms?done=${action}`
            : `/${ctx.locale}/manage/organisations/${done.askerId}/bookings?done=cancel`,
        refused: async (problems, error) => {
          const page = await pageFor(request, deps);
          // A refusal is only ever of a booking that exists and is the actor's to see.
          const { owner, asker } = where!;
          const message = problems.length ? undefined : errorMessage(page.t, error);
          if (!(await managesRooms(db, ctx.actor, owner)))
            return ourBookingsPage(request, deps, ctx, asker, {
              done: message ?? problems.map((p) => fieldMessage(page, p)).join(' '),
            });
          return ownRoomsPage(request, deps, ctx, owner, {
            refused: { bookingId: id.toLowerCase(), problems },
            done: message,
          });
        },
      });
    },
  );

  app.post(
    '/manage/bookings/:id/approve-series',
    { schema: { hide: true, params: IdParams } },
    async (request, reply) => {
      const ctx = context(request);
      return submitForm(reply, () => approveSeries(ctx, request.params.id), {
        alsoShown: ['CONFLICT', 'BOOKING_TAKEN'],
        redirect: ({ ownerId, taken }) =>
          `/${ctx.locale}/manage/organisations/${ownerId}/rooms?done=${taken ? 'approve_series_taken' : 'approve_series'}#requests`,
        // Only the owners get this far: others are "not found" or "forbidden" first.
        refused: async (_problems, error) => {
          const page = await pageFor(request, deps);
          const where = await findBookingRoomOrganisation(db, request.params.id);
          return ownRoomsPage(request, deps, ctx, where!.owner, { done: errorMessage(page.t, error) });
        },
      });
    },
  );

  app.post(
    '/manage/organisations/:id/rooms/calendar/renew',
    { schema: { hide: true, params: IdParams } },
    async (request, reply) => {
      const ctx = context(request);
      await renewFeedAddress(ctx, request.params.id);
      return reply.redirect(
        `/${ctx.locale}/manage/organisations/${request.params.id.toLowerCase()}/rooms?done=feed_renewed#calendar-title`,
        303,
      );
    },
  );

  app.get(
    '/manage/organisations/:id/bookings',
    {
      schema: {
        hide: true,
        params: IdParams,
        querystring: Type.Object({ done: Type.Optional(Type.String({ maxLength: 20 })) }),
      },
    },
    async (request, reply) => {
      const page = await pageFor(request, deps);
      return sendHtml(
        reply,
        ourBookingsPage(request, deps, context(request), request.params.id, {
          done: doneNotice(page, 'spaces.ours.done', request.query.done)?.text,
        }),
      );
    },
  );

  app.post(
    '/manage/organisations/:id/bookings/cancel',
    { schema: { hide: true, params: IdParams, body: RangeBody } },
    async (request, reply) => {
      const ctx = context(request);
      const organisationId = request.params.id;
      const b = request.body;
      return submitForm(
        reply,
        () =>
          cancelBookingsBetween(ctx, {
            organisationId,
            roomId: b.room ?? '',
            from: b.from ?? '',
            to: b.to ?? '',
            reason: b.reason,
          }),
        {
          redirect: ({ by }) =>
            by === 'owner'
              ? `/${ctx.locale}/manage/organisations/${organisationId.toLowerCase()}/rooms?done=cancel_range#requests`
              : `/${ctx.locale}/manage/organisations/${organisationId.toLowerCase()}/bookings?done=cancel_range#main`,
          // The form again with what was posted, on the page it was sent from.
          refused: async (problems) => {
            const range = { values: b, problems };
            const roomId = (b.room ?? '').toLowerCase();
            const room = isUuid(roomId) ? await findRoom(db, roomId) : undefined;
            return room?.organisationId === organisationId.toLowerCase()
              ? ownRoomsPage(request, deps, ctx, organisationId, { range })
              : ourBookingsPage(request, deps, ctx, organisationId, { range });
          },
        },
      );
    },
  );
};
