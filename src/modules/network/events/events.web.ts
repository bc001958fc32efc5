// The events' pages: an organisation's events (a tab of its management pages), publishing, changing
// and calling off an event, and an event's public page.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import Type from 'typebox';
import { DateTime } from 'luxon';
import type { WebDeps } from '../../../http/deps.ts';
import { submitForm } from '../../../http/form-route.ts';
import { IdParams } from '../../../http/params.ts';
import { doneNotice, originOf, pageFor } from '../../../http/request-context.ts';
import { sendHtml } from '../../../http/send-html.ts';
import { translator } from '../../../i18n/index.ts';
import { signedInContext } from '../../../http/use-case-context.ts';
import { type FormValues, list, one } from '../../../shared/form-values.ts';
import { MultiLineText } from '../../../shared/schema-text.ts';
import { type I18nText, locales, textIn } from '../../../shared/i18n-text.ts';
import { commonLanguages, getOrganisation, getTaxonomy } from '../../directory/index.ts';
import { geoReference } from '../../geo/index.ts';
import { cancelEvent } from './cancel-event.ts';
import type { EventInput } from './check-event.ts';
import { eventToManage } from './event-to-manage.ts';
import { eventPageData, listOwnEvents } from './event-queries.ts';
import type { EventRow } from './events.repo.ts';
import { eventTimeZone, repeatOf } from './recurrence.ts';
import { saveEvent } from './save-event.ts';
import { EventFormPage, type EventFormData } from './views/event-form.page.tsx';
import { EventPage } from './views/event.page.tsx';
import { OwnEventsPage } from './views/own-events.page.tsx';

/** The form's fields: one-line texts and lists of codes, but the descriptions, which may hold line breaks. */
const Body = Type.Object(
  Object.fromEntries(
    locales.map((l) => [`description.${l}`, Type.Optional(MultiLineText({ maxLength: 12_000 }))]),
  ),
  {
    additionalProperties: Type.Union([
      Type.String({ maxLength: 1_000 }),
      Type.Array(Type.String({ maxLength: 100 }), { maxItems: 60 }),
    ]),
    maxProperties: 60,
  },
);
const DoneQuery = Type.Object({ done: Type.Optional(Type.String({ maxLength: 20 })) });

const texts = (values: FormValues, name: string): I18nText =>
  Object.fromEntries(locales.map((l) => [l, one(values[`${name}.${l}`]) ?? '']));

/** The form's fields as the use case takes them. */
export function eventInput(values: FormValues): EventInput {
  const text = (name: string) => one(values[name]) ?? '';
  return {
    kind: text('kind'),
    title: texts(values, 'title'),
    description: texts(values, 'description'),
    placeKind: text('place_kind'),
    locationId: text('location'),
    address: text('address'),
    communeNis: text('commune'),
    onlineUrl: text('online_url'),
    startDate: text('start_date'),
    startTime: text('start_time'),
    endDate: text('end_date'),
    endTime: text('end_time'),
    repeat: text('repeat'),
    days: list(values.days),
    ends: text('ends'),
    until: text('until'),
    count: text('count'),
    capacity: text('capacity'),
    whoMayRegister: text('who_may_register'),
    languages: list(values.languages),
    themes: list(values.themes),
  };
}

/** A stored event as the form shows it. */
function storedValues(event: EventRow): FormValues {
  const start = DateTime.fromJSDate(event.startsAt, { zone: eventTimeZone });
  const end = DateTime.fromJSDate(event.endsAt, { zone: eventTimeZone });
  const repeat = repeatOf(event.rule);
  return {
    ...Object.fromEntries(
      locales.flatMap((l) => [
        [`title.${l}`, event.title[l] ?? ''],
        [`description.${l}`, event.description[l] ?? ''],
      ]),
    ),
    kind: event.kind,
    place_kind: event.placeKind,
    location: event.locationId ?? '',
    address: event.address ?? '',
    commune: event.placeKind === 'address' ? (event.communeNis ?? '') : '',
    online_url: event.onlineUrl ?? '',
    start_date: start.toISODate()!,
    start_time: start.toFormat('HH:mm'),
    end_date: end.toISODate() === start.toISODate() ? '' : end.toISODate()!,
    end_time: end.toFormat('HH:mm'),
    ...repeat,
    capacity: event.capacity === null ? '' : String(event.capacity),
    who_may_register: event.whoMayRegister,
    languages: event.languages,
    themes: event.themes,
  };
}

export const eventsWeb: FastifyPluginAsyncTypebox<WebDeps> = async (app, deps) => {
  const { db } = deps;
  // Its people's mails (a date called off or moved) carry their own links, signed with the keys.
  const context = (request: FastifyRequest) => ({ ...signedInContext(request, deps), keys: deps.keys });

  /** The organisation's places and the directory's words to choose from. */
  async function formData(organisationId: string, locale: string, event?: EventRow): Promise<EventFormData> {
    const l = locale as (typeof locales)[number];
    const [org, { themes }] = await Promise.all([getOrganisation(db, organisationId), getTaxonomy(db)]);
    const t = translator(l);
    return {
      organisation: { id: org.id, name: textIn(org.name, l) },
      places: org.locations.map((p) => ({
        id: p.id,
        label: [textIn(p.name, l), p.address, p.postcode].filter(Boolean).join(', ') || p.id,
      })),
      communes: geoReference().communes.map((c) => ({ value: c.nis, label: c.name[l] })),
      languages: commonLanguages.map((code) => ({ value: code, label: t.language(code) })),
      themes: themes.map((th) => ({ value: th.code, label: textIn(th.name, l) })),
      event: event
        ? { id: event.id, title: event.title, cancelled: event.status === 'cancelled' }
        : undefined,
    };
  }

  app.get(
    '/manage/organisations/:id/events',
    { schema: { hide: true, params: IdParams, querystring: DoneQuery } },
    async (request, reply) => {
      const ctx = context(request);
      const { organisation, events } = await listOwnEvents(ctx, request.params.id);
      const page = await pageFor(request, deps);
      return sendHtml(
        reply,
        OwnEventsPage({
          ctx: page,
          organisation: { id: organisation.id, name: textIn(organisation.name, page.locale) },
          events,
          feedUrl: `${originOf(request, deps.config)}/organisations/${organisation.id}/events.ics?lang=${page.locale}`,
          done: doneNotice(page, 'network.event.own.done', request.query.done)?.text,
        }),
      );
    },
  );

  app.get(
    '/manage/organisations/:id/events/new',
    { schema: { hide: true, params: IdParams } },
    async (request, reply) => {
      const { organisation } = await listOwnEvents(context(request), request.params.id);
      const page = await pageFor(request, deps);
      const values = { place_kind: 'place', repeat: 'none', ends: 'until', who_may_register: 'everyone' };
      return sendHtml(
        reply,
        EventFormPage({ ctx: page, data: await formData(organisation.id, page.locale), values }),
      );
    },
  );

  app.post(
    '/manage/organisations/:id/events',
    { schema: { hide: true, params: IdParams, body: Body } },
    async (request, reply) => {
      const ctx = context(request);
      return submitForm(reply, () => saveEvent(ctx, request.params.id, null, eventInput(request.body)), {
        redirect: ({ id }) => `/${ctx.locale}/manage/events/${id}?done=published`,
        refused: async (problems) =>
          EventFormPage({
            ctx: await pageFor(request, deps),
            data: await formData(request.params.id.toLowerCase(), ctx.locale),
            values: request.body,
            problems,
          }),
      });
    },
  );

  /** The form of an existing event, as stored or as posted and refused. */
  async function editPage(
    request: FastifyRequest & { params: { id: string } },
    extra: Partial<Parameters<typeof EventFormPage>[0]> = {},
  ) {
    const event = await eventToManage(context(request), request.params.id);
    const page = await pageFor(request, deps);
    const data = await formData(event.organisationId, page.locale, event);
    return EventFormPage({ ctx: page, data, values: storedValues(event), ...extra });
  }

  app.get(
    '/manage/events/:id',
    { schema: { hide: true, params: IdParams, querystring: DoneQuery } },
    async (request, reply) => {
      const page = await pageFor(request, deps);
      return sendHtml(
        reply,
        await editPage(request, {
          done: doneNotice(page, 'network.event.form.done', request.query.done)?.text,
        }),
      );
    },
  );

  app.post(
    '/manage/events/:id',
    { schema: { hide: true, params: IdParams, body: Body } },
    async (request, reply) => {
      const ctx = context(request);
      const event = await eventToManage(ctx, request.params.id);
      return submitForm(
        reply,
        () => saveEvent(ctx, event.organisationId, event.id, eventInput(request.body)),
        {
          redirect: ({ id, calledOff }) =>
            `/${ctx.locale}/manage/events/${id}?done=${calledOff ? 'saved_called_off' : 'saved'}`,
          refused: (problems) => editPage(request, { values: request.body, problems }),
        },
      );
    },
  );

  app.post(
    '/manage/events/:id/cancel',
    { schema: { hide: true, params: IdParams, body: Body } },
    async (request, reply) => {
      const ctx = context(request);
      const values = request.body;
      return submitForm(
        reply,
        () => cancelEvent(ctx, request.params.id, one(values['cancel-reason']) ?? ''),
        {
          redirect: ({ organisationId }) =>
            `/${ctx.locale}/manage/organisations/${organisationId}/events?done=cancelled`,
          refused: (problems) =>
            editPage(request, {
              cancelValues: { reason: one(values['cancel-reason']) ?? '' },
              cancelProblems: problems,
            }),
        },
      );
    },
  );

  app.get(
    '/events/:id',
    { schema: { hide: true, params: IdParams, querystring: DoneQuery } },
    async (request, reply) => {
      const page = await pageFor(request, deps);
      const data = await eventPageData(db, request.params.id, new Date());
      return sendHtml(reply, EventPage({ ctx: page, data }));
    },
  );
};
