// Rooms through the API: rooms and when they are free are public (bookings are in
// bookings/bookings.api.ts, with an organisation's token).
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { DateTime } from 'luxon';
import Type from 'typebox';
import type { WebDeps } from '../../http/deps.ts';
import { localeOf, originOf } from '../../http/request-context.ts';
import { AppError, type FieldProblem } from '../../shared/errors.ts';
import { ErrorSchema, I18nTextSchema } from '../directory/index.ts';
import { readMoment } from './bookings/check-booking.ts';
import { documented, Moment, PeriodSchema, period } from './spaces-api-common.api.ts';
import { inDateWindow } from './availability/date-window.ts';
import type { RoomView } from './presenters/page-data.ts';
import { defaultRadiusKm, findRooms } from './rooms/find-rooms.ts';
import { getRoom, roomCalendar } from './rooms/room-queries.ts';
import { roomTimeZone } from './spaces.vocabulary.ts';

/** The longest stretch one availability request covers. */
const maxAvailabilityDays = 31;

const RoomSchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  organisation_id: Type.String({ format: 'uuid' }),
  organisation_name: I18nTextSchema,
  location_id: Type.Union([Type.String({ format: 'uuid' }), Type.Null()]),
  address: Type.Union([Type.String(), Type.Null()]),
  postcode: Type.Union([Type.String(), Type.Null()]),
  commune: Type.Union([Type.String({ description: 'NIS code.' }), Type.Null()]),
  name: I18nTextSchema,
  description: I18nTextSchema,
  capacity: Type.Integer(),
  floor_area: Type.Union([Type.Integer({ description: 'Square metres.' }), Type.Null()]),
  accessibility: Type.Array(Type.String()),
  equipment: Type.Array(Type.String()),
  hourly_price_cents: Type.Integer({ description: 'Euro cents an hour; 0 is free.' }),
  conditions: Type.Array(Type.String()),
  conditions_note: I18nTextSchema,
  who_may_ask: Type.String(),
  monthly_quota_hours: Type.Union([Type.Integer(), Type.Null()]),
  min_minutes: Type.Integer(),
  max_minutes: Type.Integer(),
  notice_hours: Type.Integer(),
  confirmation: Type.String({ description: '"at_once" or "approval".' }),
  is_demo: Type.Boolean(),
  photos: Type.Array(
    Type.Object({
      id: Type.String({ format: 'uuid' }),
      url: Type.String({
        description: 'The image (PNG, JPEG or WebP, at most 1,600 px on its longest side); never changes.',
      }),
      small_url: Type.String({ description: 'The same image at most 480 px on its longest side.' }),
      width: Type.Integer(),
      height: Type.Integer(),
      caption: I18nTextSchema,
    }),
    { description: 'In their order, at most 6; the first is the one search results show.' },
  ),
});
// The same page shape as /api/v1/services and /api/v1/search.
const RoomList = Type.Object({
  data: Type.Array(
    Type.Object({
      ...RoomSchema.properties,
      distance_km: Type.Union([Type.Number(), Type.Null()], { description: 'From `near`, when given.' }),
    }),
  ),
  meta: Type.Object({
    page: Type.Integer(),
    per_page: Type.Integer(),
    total: Type.Integer(),
    total_pages: Type.Integer(),
  }),
});
const room = (r: RoomView, origin: string) => ({
  id: r.id,
  organisation_id: r.organisationId,
  organisation_name: r.organisationName,
  location_id: r.place?.id ?? null,
  address: r.place?.address ?? null,
  postcode: r.place?.postcode ?? null,
  commune: r.place?.communeNis ?? null,
  name: r.name,
  description: r.description,
  capacity: r.capacity,
  floor_area: r.floorArea,
  accessibility: r.accessibility,
  equipment: r.equipment,
  hourly_price_cents: r.hourlyPriceCents,
  conditions: r.conditions,
  conditions_note: r.conditionsNote,
  who_may_ask: r.whoMayAsk,
  monthly_quota_hours: r.monthlyQuotaHours,
  min_minutes: r.minMinutes,
  max_minutes: r.maxMinutes,
  notice_hours: r.noticeHours,
  confirmation: r.confirmation,
  is_demo: r.isDemo,
  photos: r.photos.map((p) => ({
    id: p.id,
    url: `${origin}/room-photos/${p.id}`,
    small_url: `${origin}/room-photos/${p.id}?size=small`,
    width: p.width,
    height: p.height,
    caption: p.caption,
  })),
});

/** The stretch an availability request asks about: a week from today unless it says. */
function stretch(query: { from?: string; to?: string }, now: Date): { from: Date; to: Date } {
  const problems: FieldProblem[] = [];
  const read = (field: 'from' | 'to', text: string) => {
    const moment = readMoment(/^\d{4}-\d{2}-\d{2}$/.test(text) ? `${text}T00:00` : text);
    if (!moment) problems.push({ field, message: 'date_invalid', code: 'date_invalid' });
    return moment;
  };
  const today = DateTime.fromJSDate(now, { zone: roomTimeZone }).startOf('day').toJSDate();
  const from = query.from ? read('from', query.from) : today;
  const to = query.to ? read('to', query.to) : from && new Date(from.getTime() + 7 * 86_400_000);
  // A year back or ahead at most; with the span below, `to` stays near too.
  if (from && !inDateWindow(from, now))
    problems.push({ field: 'from', message: 'date_window', code: 'date_window' });
  else if (from && to && to <= from)
    problems.push({ field: 'to', message: 'date_order', code: 'date_order' });
  else if (from && to && to.getTime() - from.getTime() > maxAvailabilityDays * 86_400_000)
    problems.push({ field: 'to', message: 'availability_span', code: 'availability_span' });
  if (problems.length || !from || !to) throw new AppError('VALIDATION_FAILED', { fields: problems });
  return { from, to };
}

export const spacesApi: FastifyPluginAsyncTypebox<WebDeps> = async (app, deps) => {
  app.get(
    '/rooms',
    documented('Rooms that organisations share', {
      querystring: Type.Object({
        near: Type.Optional(
          Type.String({
            maxLength: 200,
            description:
              'A Brussels commune, postcode, street, railway or metro station: rooms within `radius_km` of it (a commune: rooms in it).',
          }),
        ),
        radius_km: Type.Optional(Type.Number({ exclusiveMinimum: 0, maximum: 50, default: defaultRadiusKm })),
        commune: Type.Optional(Type.String({ maxLength: 10, description: 'NIS code of a commune.' })),
        start: Type.Optional(
          Type.String({
            maxLength: 40,
            description:
              'With `end`: only rooms that can be asked for then and are not booked. Brussels time unless an offset is given.',
          }),
        ),
        end: Type.Optional(Type.String({ maxLength: 40 })),
        people: Type.Optional(
          Type.Integer({ minimum: 1, maximum: 1_000, description: 'Rooms for at least this many.' }),
        ),
        accessibility: Type.Optional(
          Type.Array(Type.String({ maxLength: 30 }), {
            maxItems: 3,
            description: 'step_free, accessible_toilet, hearing_loop: rooms with all of them.',
          }),
        ),
        free: Type.Optional(Type.Boolean({ description: 'true: only rooms free of charge.' })),
        page: Type.Integer({ minimum: 1, maximum: 10_000, default: 1 }),
        per_page: Type.Integer({ minimum: 1, maximum: 100, default: 20 }),
      }),
      response: { 200: RoomList, 400: ErrorSchema },
    }),
    async (request) => {
      const q = request.query;
      const { page, per_page } = q;
      const { rooms, total } = await findRooms(
        deps.db,
        {
          near: q.near,
          radiusKm: q.radius_km,
          commune: q.commune,
          start: q.start,
          end: q.end,
          people: q.people === undefined ? undefined : String(q.people),
          accessibility: q.accessibility,
          freeOnly: q.free,
          page,
          perPage: per_page,
        },
        { locale: localeOf(request), now: new Date() },
      );
      const origin = originOf(request, deps.config);
      return {
        data: rooms.map((r) => ({
          ...room(r.room, origin),
          distance_km: r.distanceKm === null ? null : Math.round(r.distanceKm * 100) / 100,
        })),
        meta: { page, per_page, total, total_pages: Math.max(1, Math.ceil(total / per_page)) },
      };
    },
  );

  app.get(
    '/rooms/:id',
    documented('A room that an organisation shares', {
      params: Type.Object({ id: Type.String({ maxLength: 64 }) }),
      response: { 200: RoomSchema, 404: ErrorSchema },
    }),
    async (request) => room(await getRoom(deps.db, request.params.id), originOf(request, deps.config)),
  );

  app.get(
    '/rooms/:id/availability',
    documented('When a room is open, and which of that time is taken', {
      params: Type.Object({ id: Type.String({ maxLength: 64 }) }),
      querystring: Type.Object({
        from: Type.Optional(
          Type.String({
            maxLength: 40,
            description:
              'A date or a moment, at most a year before or 366 days after today; today by default.',
          }),
        ),
        to: Type.Optional(
          Type.String({ maxLength: 40, description: 'At most 31 days after `from`; a week by default.' }),
        ),
      }),
      response: {
        200: Type.Object({
          room_id: Type.String({ format: 'uuid' }),
          time_zone: Type.String(),
          from: Moment,
          to: Moment,
          open: Type.Array(PeriodSchema, { description: 'When the room is open, closures left out.' }),
          taken: Type.Array(PeriodSchema, { description: 'Confirmed bookings.' }),
        }),
        400: ErrorSchema,
        404: ErrorSchema,
      },
    }),
    async (request) => {
      const { from, to } = stretch(request.query, new Date());
      const calendar = await roomCalendar(deps.db, request.params.id, from, to);
      return {
        room_id: request.params.id.toLowerCase(),
        time_zone: roomTimeZone,
        from: from.toISOString(),
        to: to.toISOString(),
        open: calendar.open.map(period),
        taken: calendar.taken.map(period),
      };
    },
  );
};
