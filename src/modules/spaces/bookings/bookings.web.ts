// Asking for a slot on a room's page, and the owners' decisions on their list of requests (approve,
// decline with a reason, cancel), as forms that work without JavaScript.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import Type from 'typebox';
import type { WebDeps } from '../../../http/deps.ts';
import { errorMessage } from '../../../http/error-handler.ts';
import { submitForm } from '../../../http/form-route.ts';
import { originOf, pageFor } from '../../../http/request-context.ts';
import { organisationFeedPath } from '../calendar/feed-token.ts';
import { sendHtml } from '../../../http/send-html.ts';
import { fieldMessage } from '../../../views/forms.tsx';
import { signedInContext } from '../../../http/use-case-context.ts';
import { list, one } from '../../../shared/form-values.ts';
import { pickText } from '../../../shared/i18n-text.ts';
import { roomPageData } from '../rooms/room-page-data.ts';
import { listOwnRooms } from '../rooms/room-queries.ts';
import { asPerson } from '../space-context.ts';
import { managesRooms } from '../spaces.policy.ts';
import { OwnRoomsPage } from '../views/own-rooms.page.tsx';
import { RoomPage } from '../views/room.page.tsx';
import { reasonPrefix } from '../views/slots.ts';
import { actOnBooking } from './act-on-booking.ts';
import { listBookingsBy, listRequestsTo } from './booking-queries.ts';
import { findBookingRoomOrganisation } from './bookings.repo.ts';
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
      // Back to the list of the organisation that decided, or to the room's page for the one that asked.
      const where = await findBookingRoomOrganisation(db, id);
      return submitForm(reply, () => actOnBooking(ctx, id, action, reason), {
        alsoShown: ['BOOKING_TAKEN', 'BOOKING_STARTED', 'CONFLICT'],
        redirect: (done) =>
          done.by === 'owner'
            ? `/${ctx.locale}/manage/organisations/${done.ownerId}/rooms?done=${action}`
            : `/${ctx.locale}/rooms/${done.roomId}?done=cancelled`,
        refused: async (problems, error) => {
          const page = await pageFor(request, deps);
          // A refusal is only ever of a booking that exists and is the actor's to see.
          const { owner, roomId } = where!;
          const message = problems.length ? undefined : errorMessage(page.t, error);
          if (!(await managesRooms(db, ctx.actor, owner)))
            return RoomPage({
              ctx: page,
              data: await roomPageData(db, request.signedIn?.user.id, roomId, undefined),
              message: message ?? problems.map((p) => fieldMessage(page, p)).join(' '),
            });
          const { organisation, rooms } = await listOwnRooms(ctx, owner);
          return OwnRoomsPage({
            ctx: page,
            organisation: { id: organisation.id, name: pickText(organisation.name, page.locale)?.text ?? '' },
            rooms,
            requests: await listRequestsTo(ctx, organisation.id),
            asked: await listBookingsBy(ctx, organisation.id),
            feedUrl: `${originOf(request, deps.config)}${organisationFeedPath(deps.keys, organisation.id, page.locale)}`,
            refused: { bookingId: id.toLowerCase(), problems },
            done: message,
          });
        },
      });
    },
  );
};
