// The rooms' pages: an organisation's rooms and the requests to them (a tab of its management
// pages), publishing and changing a room with its weekly hours, photos and closures, and a room's
// public page with its week of free and taken time.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import Type from 'typebox';
import { DateTime } from 'luxon';
import type { WebDeps } from '../../../http/deps.ts';
import { submitForm } from '../../../http/form-route.ts';
import { IdParams } from '../../../http/params.ts';
import { doneNotice, pageFor } from '../../../http/request-context.ts';
import { sendHtml } from '../../../http/send-html.ts';
import { signedInContext } from '../../../http/use-case-context.ts';
import { type FormValues, list, one } from '../../../shared/form-values.ts';
import { type I18nText, locales, pickText } from '../../../shared/i18n-text.ts';
import { getOrganisation } from '../../directory/index.ts';
import { ownRoomsPage } from '../bookings/booking-pages.web.ts';
import { asPerson } from '../space-context.ts';
import { roomTimeZone } from '../spaces.vocabulary.ts';
import { RoomFormPage, type RoomFormData } from '../views/room-form.page.tsx';
import type { RoomInput, WeekInput } from './check-room.ts';
import { addClosure, removeClosure } from './room-closures.ts';
import { addRoomPhoto } from './add-room-photo.ts';
import { moveRoomPhotoFirst } from './move-room-photo.ts';
import { removeRoomPhoto } from './remove-room-photo.ts';
import { hoursOf, listOwnRooms, roomToEdit } from './room-queries.ts';
import { removeRoom } from './remove-room.ts';
import { saveRoom } from './save-room.ts';
import { roomPageData } from './room-page-data.ts';
import { RoomPage } from '../views/room.page.tsx';

const Body = Type.Record(
  Type.String({ maxLength: 60 }),
  Type.Union([
    Type.String({ maxLength: 5_000 }),
    Type.Array(Type.String({ maxLength: 100 }), { maxItems: 20 }),
  ]),
  {
    maxProperties: 80,
  },
);
const PhotoParams = Type.Object({
  id: Type.String({ maxLength: 64 }),
  photoId: Type.String({ maxLength: 64 }),
});
const DoneQuery = Type.Object({ done: Type.Optional(Type.String({ maxLength: 20 })) });
const RoomQuery = Type.Object({
  done: Type.Optional(Type.String({ maxLength: 20 })),
  week: Type.Optional(Type.String({ maxLength: 10 })),
  asked: Type.Optional(Type.String({ maxLength: 5 })),
  skipped: Type.Optional(Type.String({ maxLength: 5 })),
});

const texts = (values: FormValues, name: string): I18nText =>
  Object.fromEntries(locales.map((l) => [l, one(values[`${name}.${l}`]) ?? '']));

/** The form's fields as the use case takes them. */
export function roomInput(values: FormValues): { input: RoomInput; week: WeekInput } {
  const text = (name: string) => one(values[name]) ?? '';
  const week: WeekInput = {};
  for (let day = 1; day <= 7; day++)
    week[day] = [1, 2].map((w) => ({ opens: text(`d${day}w${w}o`), closes: text(`d${day}w${w}c`) }));
  return {
    week,
    input: {
      name: texts(values, 'name'),
      description: texts(values, 'description'),
      locationId: text('location'),
      capacity: text('capacity'),
      floorArea: text('floor_area'),
      accessibility: list(values.accessibility),
      equipment: list(values.equipment),
      hourlyPrice: text('hourly_price'),
      conditions: list(values.conditions),
      conditionsNote: texts(values, 'conditions_note'),
      whoMayAsk: text('who_may_ask'),
      monthlyQuotaHours: text('monthly_quota_hours'),
      contactName: text('contact_name'),
      contactEmail: text('contact_email'),
      contactPhone: text('contact_phone'),
      minMinutes: text('min_minutes'),
      maxMinutes: text('max_minutes'),
      noticeHours: text('notice_hours'),
      confirmation: text('confirmation'),
    },
  };
}

export const roomsWeb: FastifyPluginAsyncTypebox<WebDeps> = async (app, deps) => {
  const { db } = deps;
  const context = (request: FastifyRequest) => asPerson(signedInContext(request, deps));

  /** The organisation's places to choose from, and what the form edits. */
  async function formData(
    organisationId: string,
    locale: string,
    room?: RoomFormData['room'],
    closures: RoomFormData['closures'] = [],
    photos: RoomFormData['photos'] = [],
  ): Promise<RoomFormData> {
    const org = await getOrganisation(db, organisationId);
    const l = locale as (typeof locales)[number];
    const places = org.locations.map((p) => ({
      id: p.id,
      label: [pickText(p.name, l)?.text, p.address, p.postcode].filter(Boolean).join(', ') || p.id,
    }));
    const organisation = { id: org.id, name: pickText(org.name, l)?.text ?? '' };
    return { organisation, places, room, closures, photos };
  }

  const today = () => DateTime.now().setZone(roomTimeZone).toISODate()!;

  app.get(
    '/manage/organisations/:id/rooms',
    { schema: { hide: true, params: IdParams, querystring: DoneQuery } },
    async (request, reply) => {
      const page = await pageFor(request, deps);
      return sendHtml(
        reply,
        ownRoomsPage(request, deps, context(request), request.params.id, {
          done: doneNotice(page, 'spaces.own.done', request.query.done)?.text,
        }),
      );
    },
  );

  app.get(
    '/manage/organisations/:id/rooms/new',
    { schema: { hide: true, params: IdParams } },
    async (request, reply) => {
      const { organisation } = await listOwnRooms(context(request), request.params.id);
      const page = await pageFor(request, deps);
      const values = {
        min_minutes: '60',
        max_minutes: '240',
        notice_hours: '48',
        who_may_ask: 'any_organisation',
        confirmation: 'approval',
      };
      return sendHtml(
        reply,
        RoomFormPage({ ctx: page, data: await formData(organisation.id, page.locale), values }),
      );
    },
  );

  app.post(
    '/manage/organisations/:id/rooms',
    { schema: { hide: true, params: IdParams, body: Body } },
    async (request, reply) => {
      const page = await pageFor(request, deps);
      const { input, week } = roomInput(request.body);
      return submitForm(reply, () => saveRoom(context(request), request.params.id, null, input, week), {
        redirect: ({ id }) => `/${page.locale}/manage/rooms/${id}?done=published`,
        refused: async (problems) =>
          RoomFormPage({
            ctx: page,
            data: await formData(request.params.id.toLowerCase(), page.locale),
            values: request.body,
            problems,
          }),
      });
    },
  );

  /** The form of an existing room, as stored or as posted and refused. */
  async function editPage(
    request: FastifyRequest & { params: { id: string } },
    extra: Partial<Parameters<typeof RoomFormPage>[0]> = {},
  ) {
    const { room, view, rules } = await roomToEdit(context(request), request.params.id);
    const page = await pageFor(request, deps);
    const hours = hoursOf(rules, today());
    const stored: FormValues = {
      ...Object.fromEntries(
        locales.flatMap((l) => [
          [`name.${l}`, room.name[l] ?? ''],
          [`description.${l}`, room.description[l] ?? ''],
          [`conditions_note.${l}`, room.conditionsNote[l] ?? ''],
        ]),
      ),
      location: room.locationId,
      capacity: String(room.capacity),
      floor_area: room.floorArea === null ? '' : String(room.floorArea),
      accessibility: room.accessibility,
      equipment: room.equipment,
      hourly_price: room.hourlyPriceCents ? (room.hourlyPriceCents / 100).toFixed(2) : '',
      conditions: room.conditions,
      who_may_ask: room.whoMayAsk,
      monthly_quota_hours: room.monthlyQuotaHours === null ? '' : String(room.monthlyQuotaHours),
      contact_name: room.contactName ?? '',
      contact_email: room.contactEmail ?? '',
      contact_phone: room.contactPhone ?? '',
      min_minutes: String(room.minMinutes),
      max_minutes: String(room.maxMinutes),
      notice_hours: String(room.noticeHours),
      confirmation: room.confirmation,
      ...hours.values,
    };
    const data = await formData(
      room.organisationId,
      page.locale,
      { id: room.id, name: room.name },
      hours.closures,
      view.photos,
    );
    return RoomFormPage({ ctx: page, data, values: stored, ...extra });
  }

  app.get(
    '/manage/rooms/:id',
    { schema: { hide: true, params: IdParams, querystring: DoneQuery } },
    async (request, reply) => {
      const page = await pageFor(request, deps);
      return sendHtml(
        reply,
        await editPage(request, { done: doneNotice(page, 'spaces.form.done', request.query.done)?.text }),
      );
    },
  );

  app.post(
    '/manage/rooms/:id',
    { schema: { hide: true, params: IdParams, body: Body } },
    async (request, reply) => {
      const ctx = context(request);
      const { room } = await roomToEdit(ctx, request.params.id);
      const { input, week } = roomInput(request.body);
      return submitForm(reply, () => saveRoom(ctx, room.organisationId, room.id, input, week), {
        redirect: ({ id }) => `/${ctx.locale}/manage/rooms/${id}?done=saved`,
        refused: (problems) => editPage(request, { values: request.body, problems }),
      });
    },
  );

  app.post(
    '/manage/rooms/:id/remove',
    { schema: { hide: true, params: IdParams, body: Body } },
    async (request, reply) => {
      const ctx = context(request);
      const values = request.body;
      return submitForm(reply, () => removeRoom(ctx, request.params.id, one(values.reason) ?? ''), {
        redirect: ({ organisationId }) =>
          `/${ctx.locale}/manage/organisations/${organisationId}/rooms?done=removed`,
        refused: (problems) => editPage(request, { removeValues: values, removeProblems: problems }),
      });
    },
  );

  app.post(
    '/manage/rooms/:id/closures',
    { schema: { hide: true, params: IdParams, body: Body } },
    async (request, reply) => {
      const ctx = context(request);
      const values = request.body;
      const text = (name: string) => one(values[`closure-${name}`]) ?? '';
      const input = { from: text('closed_from'), to: text('closed_to'), note: texts(values, 'closure-note') };
      return submitForm(reply, () => addClosure(ctx, request.params.id, input), {
        redirect: () => `/${ctx.locale}/manage/rooms/${request.params.id.toLowerCase()}?done=closed#closures`,
        refused: (problems) => editPage(request, { closureValues: values, closureProblems: problems }),
      });
    },
  );

  app.post(
    '/manage/rooms/:id/closures/:closureId/delete',
    {
      schema: {
        hide: true,
        params: Type.Object({
          id: Type.String({ maxLength: 64 }),
          closureId: Type.String({ maxLength: 64 }),
        }),
      },
    },
    async (request, reply) => {
      const ctx = context(request);
      await removeClosure(ctx, request.params.id, request.params.closureId);
      return reply.redirect(
        `/${ctx.locale}/manage/rooms/${request.params.id.toLowerCase()}?done=reopened#closures`,
        303,
      );
    },
  );

  /** A photo with its caption, as the upload form sends it (multipart: the file arrives as a Buffer). */
  app.post(
    '/manage/rooms/:id/photos',
    { schema: { hide: true, params: IdParams } },
    async (request, reply) => {
      const ctx = context(request);
      const body =
        request.body && typeof request.body === 'object' ? (request.body as Record<string, unknown>) : {};
      const values: FormValues = Object.fromEntries(
        Object.entries(body).filter((e): e is [string, string] => typeof e[1] === 'string'),
      );
      const upload = Buffer.isBuffer(body.photo) ? body.photo : Buffer.alloc(0);
      const caption = texts(values, 'caption');
      return submitForm(reply, () => addRoomPhoto(ctx, request.params.id, { upload, caption }), {
        redirect: () =>
          `/${ctx.locale}/manage/rooms/${request.params.id.toLowerCase()}?done=photo_added#photos`,
        refused: (problems) => editPage(request, { photoValues: values, photoProblems: problems }),
      });
    },
  );

  for (const [action, run, done] of [
    ['delete', removeRoomPhoto, 'photo_removed'],
    ['first', moveRoomPhotoFirst, 'photo_moved'],
  ] as const)
    app.post(
      `/manage/rooms/:id/photos/:photoId/${action}`,
      { schema: { hide: true, params: PhotoParams } },
      async (request, reply) => {
        const ctx = context(request);
        await run(ctx, request.params.id, request.params.photoId);
        return reply.redirect(
          `/${ctx.locale}/manage/rooms/${request.params.id.toLowerCase()}?done=${done}#photos`,
          303,
        );
      },
    );

  app.get(
    '/rooms/:id',
    { schema: { hide: true, params: IdParams, querystring: RoomQuery } },
    async (request, reply) => {
      const page = await pageFor(request, deps);
      const data = await roomPageData(db, request.signedIn?.user.id, request.params.id, request.query.week);
      const { done, asked, skipped } = request.query;
      const count = (text: string | undefined) => (text && /^\d{1,3}$/.test(text) ? Number(text) : null);
      // A weekly request says how many dates it asked for, and how many were taken meanwhile.
      const weekly = /^weekly_(requested|confirmed)$/.exec(done ?? '');
      const notice =
        weekly && count(asked) !== null
          ? [
              page.t.t(weekly[1] === 'confirmed' ? 'spaces.ask.weekly_confirmed' : 'spaces.ask.weekly_done', {
                count: count(asked)!,
              }),
              count(skipped) ? page.t.t('spaces.ask.weekly_skipped', { count: count(skipped)! }) : '',
            ]
              .filter(Boolean)
              .join(' ')
          : doneNotice(page, 'spaces.ask.done', done)?.text;
      return sendHtml(reply, RoomPage({ ctx: page, data, done: notice }));
    },
  );
};
