// Editing an organisation's listing (profile and services) by its admins and editors, or by
// moderators; its history for members and moderators; rollback of a change by moderators.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import Type from 'typebox';
import type { WebDeps } from '../../http/deps.ts';
import { pageContext } from '../../http/request-context.ts';
import { sendHtml } from '../../http/send-html.ts';
import { isUuid } from '../../shared/shapes.ts';
import { AppError } from '../../shared/errors.ts';
import { type I18nText, locales } from '../../shared/i18n-text.ts';
import { requireSignedIn } from '../../http/signed-in.ts';
import { findUsersByIds } from '../accounts/index.ts';
import { recordAudit } from '../audit/index.ts';
import {
  accessConditions,
  canRollBack,
  createService,
  addException,
  deleteContact,
  deleteException,
  findUpcomingExceptions,
  deleteLocation,
  findWeeklyHours,
  hasSpecialHours,
  setWeeklyHours,
  type WeekInput,
  editOrganisation,
  editService,
  findVersion,
  findVersionsOfOrganisation,
  getOrganisation,
  getOrganisationBrief,
  getService,
  getTaxonomy,
  markConfirmed,
  organisationKinds,
  removeLogo,
  rollBackVersion,
  saveContact,
  saveLocation,
  type ServiceInput,
  serviceStatuses,
  serviceTextFields,
  prepareLogo,
  setLogo,
  targetGroups,
} from '../directory/index.ts';
import { actorOf } from '../../shared/actor.ts';
import {
  ContactsPage,
  LocationsPage,
  HoursPage,
  EditOrganisationPage,
  EditServicePage,
  type FormValues,
  HistoryPage,
  ServicesListPage,
  type VersionView,
} from './views/listing-pages.tsx';
import { MultiLineText } from '../../shared/schema-text.ts';
import { canEditListing, canSeeMembers, isModerator, findMembership } from '../access/index.ts';

const text = Type.Optional(Type.String({ maxLength: 10_000 }));
const many = Type.Optional(
  Type.Union([
    Type.String({ maxLength: 100 }),
    Type.Array(Type.String({ maxLength: 100 }), { maxItems: 50 }),
  ]),
);
const longText = Type.Optional(MultiLineText({ maxLength: 10_000 }));
const textFields = (names: readonly string[], long: readonly string[] = []) =>
  Object.fromEntries(
    names.flatMap((n) => locales.map((l) => [`${n}.${l}`, long.includes(n) ? longText : text])),
  );
const OrganisationBody = Type.Object({
  ...textFields(['name', 'description'], ['description']),
  kind: text,
  kbo_number: text,
  email: text,
  website: text,
});
const ServiceBody = Type.Object({
  // The texts shown as text areas (listing-pages.tsx): all but the name.
  ...textFields(
    serviceTextFields,
    serviceTextFields.filter((f) => f !== 'name'),
  ),
  status: text,
  target_groups: many,
  access_conditions: many,
  themes: many,
  languages: text,
  email: text,
  url: text,
});
const IdParams = Type.Object({ id: Type.String({ maxLength: 64 }) });
const SavedQuery = Type.Object({ done: Type.Optional(Type.Literal('saved')) });

const list = (v: unknown): string[] =>
  v === undefined ? [] : Array.isArray(v) ? v.map(String) : [String(v)];
const textOf = (body: Record<string, unknown>, name: string): I18nText =>
  Object.fromEntries(
    locales.map((l) => [l, typeof body[`${name}.${l}`] === 'string' ? body[`${name}.${l}`] : undefined]),
  ) as I18nText;
const spread = (name: string, value: I18nText | null): FormValues =>
  Object.fromEntries(locales.map((l) => [`${name}.${l}`, value?.[l] ?? '']));

function profileValues(org: Awaited<ReturnType<typeof getOrganisation>>): FormValues {
  return {
    ...spread('name', org.name),
    ...spread('description', org.description),
    kind: org.kind,
    kbo_number: org.kboNumber ?? '',
    email: org.email ?? '',
    website: org.website ?? '',
  };
}

function serviceInputOf(body: Record<string, string | string[] | undefined>): ServiceInput {
  return {
    texts: Object.fromEntries(serviceTextFields.map((f) => [f, textOf(body, f)])) as ServiceInput['texts'],
    status: String(body.status ?? ''),
    targetGroups: list(body.target_groups),
    accessConditions: list(body.access_conditions),
    languages: String(body.languages ?? '')
      .split(/[\s,;]+/)
      .filter(Boolean),
    email: typeof body.email === 'string' ? body.email : undefined,
    url: typeof body.url === 'string' ? body.url : undefined,
    themes: list(body.themes),
  };
}

/** A stored value as the history page shows it. */
function shown(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (Array.isArray(value)) return value.join(', ') || '—';
  if (typeof value === 'object')
    return Object.entries(value as Record<string, string>)
      .map(([lang, v]) => `${lang}: ${v}`)
      .join(' · ');
  return String(value);
}

export const listingWeb: FastifyPluginAsyncTypebox<WebDeps> = async (app, deps) => {
  const { config, db } = deps;
  const page = async (request: FastifyRequest) => pageContext(request, config, await deps.demoBanner());

  /** The actor, if they may edit this organisation's listing; "not found" for anyone else. */
  async function editorOf(request: FastifyRequest, organisationId: string) {
    const actor = actorOf(requireSignedIn(request));
    const membership = await findMembership(db, actor.userId, organisationId);
    if (!canEditListing(actor, membership)) throw new AppError('NOT_FOUND');
    return actor;
  }

  app.get(
    '/manage/organisations/:id/profile',
    { schema: { hide: true, params: IdParams, querystring: SavedQuery } },
    async (request, reply) => {
      const org = await getOrganisation(db, request.params.id);
      await editorOf(request, org.id);
      const values = profileValues(org);
      return sendHtml(
        reply,
        EditOrganisationPage({
          ctx: await page(request),
          organisationId: org.id,
          name: org.name,
          values,
          saved: request.query.done === 'saved',
          kinds: organisationKinds,
          logoUpdatedAt: org.logoUpdatedAt,
        }),
      );
    },
  );

  app.post(
    '/manage/organisations/:id/profile',
    { schema: { hide: true, params: IdParams, body: OrganisationBody } },
    async (request, reply) => {
      const ctx = await page(request);
      const org = await getOrganisationBrief(db, request.params.id);
      const actor = await editorOf(request, org.id);
      const body = request.body as Record<string, string | undefined>;
      try {
        await db.transaction(async (tx) => {
          await editOrganisation(
            tx,
            org.id,
            {
              name: textOf(body, 'name'),
              description: textOf(body, 'description'),
              kind: body.kind ?? '',
              kboNumber: body.kbo_number,
              email: body.email,
              website: body.website,
            },
            actor.userId,
          );
          // Saving the form, changed or not, says the listing was looked at and is right today.
          await markConfirmed(tx, org.id, new Date());
        });
      } catch (error) {
        if (!(error instanceof AppError) || error.code !== 'VALIDATION_FAILED') throw error;
        return sendHtml(
          reply,
          EditOrganisationPage({
            ctx,
            organisationId: org.id,
            name: org.name,
            values: body,
            problems: error.fields,
            kinds: organisationKinds,
            logoUpdatedAt: org.logoUpdatedAt,
          }),
          400,
        );
      }
      return reply.redirect(`/${ctx.locale}/manage/organisations/${org.id}/profile?done=saved`, 303);
    },
  );

  app.post(
    '/manage/organisations/:id/logo',
    { schema: { hide: true, params: IdParams } },
    async (request, reply) => {
      const ctx = await page(request);
      const org = await getOrganisation(db, request.params.id);
      const actor = await editorOf(request, org.id);
      const body = (request.body ?? {}) as Record<string, unknown>;
      try {
        // Decoded and re-encoded before the transaction: image work holds no database connection.
        const logo =
          body.remove === '1'
            ? undefined
            : await prepareLogo(Buffer.isBuffer(body.logo) ? body.logo : Buffer.alloc(0));
        await db.transaction(async (tx) => {
          if (!logo) await removeLogo(tx, org.id, actor.userId);
          else await setLogo(tx, org.id, logo, actor.userId);
        });
      } catch (error) {
        if (!(error instanceof AppError) || error.code !== 'VALIDATION_FAILED') throw error;
        return sendHtml(
          reply,
          EditOrganisationPage({
            ctx,
            organisationId: org.id,
            name: org.name,
            values: profileValues(org),
            problems: error.fields,
            kinds: organisationKinds,
            logoUpdatedAt: org.logoUpdatedAt,
          }),
          400,
        );
      }
      return reply.redirect(`/${ctx.locale}/manage/organisations/${org.id}/profile?done=saved`, 303);
    },
  );

  app.get(
    '/manage/organisations/:id/services',
    { schema: { hide: true, params: IdParams } },
    async (request, reply) => {
      const org = await getOrganisation(db, request.params.id);
      await editorOf(request, org.id);
      return sendHtml(
        reply,
        ServicesListPage({
          ctx: await page(request),
          organisationId: org.id,
          name: org.name,
          services: org.services,
        }),
      );
    },
  );

  const vocabularies = async () => ({
    statuses: serviceStatuses,
    targetGroups,
    accessConditions,
    themes: (await getTaxonomy(db)).themes,
  });

  app.get(
    '/manage/organisations/:id/services/new',
    { schema: { hide: true, params: IdParams } },
    async (request, reply) => {
      const org = await getOrganisationBrief(db, request.params.id);
      await editorOf(request, org.id);
      const values: FormValues = { status: 'active', languages: '' };
      return sendHtml(
        reply,
        EditServicePage({
          ctx: await page(request),
          organisationId: org.id,
          name: {},
          values,
          vocabularies: await vocabularies(),
        }),
      );
    },
  );

  app.post(
    '/manage/organisations/:id/services/new',
    { schema: { hide: true, params: IdParams, body: ServiceBody } },
    async (request, reply) => {
      const ctx = await page(request);
      const org = await getOrganisationBrief(db, request.params.id);
      const actor = await editorOf(request, org.id);
      const body = request.body as Record<string, string | string[] | undefined>;
      let serviceId: string;
      try {
        serviceId = await db.transaction(async (tx) => {
          const id = await createService(tx, org.id, serviceInputOf(body), actor.userId);
          await markConfirmed(tx, org.id, new Date());
          return id;
        });
      } catch (error) {
        if (!(error instanceof AppError) || error.code !== 'VALIDATION_FAILED') throw error;
        return sendHtml(
          reply,
          EditServicePage({
            ctx,
            organisationId: org.id,
            name: {},
            values: body,
            problems: error.fields,
            vocabularies: await vocabularies(),
          }),
          400,
        );
      }
      return reply.redirect(`/${ctx.locale}/manage/services/${serviceId}?done=saved`, 303);
    },
  );

  app.get(
    '/manage/services/:id',
    { schema: { hide: true, params: IdParams, querystring: SavedQuery } },
    async (request, reply) => {
      const service = await getService(db, request.params.id);
      await editorOf(request, service.organisationId);
      const values: FormValues = {
        ...Object.assign({}, ...serviceTextFields.map((f) => spread(f, service[f]))),
        status: service.status,
        target_groups: service.targetGroups,
        access_conditions: service.accessConditions,
        themes: service.themes.map((t) => t.term.code),
        languages: service.languages.join(', '),
        email: service.email ?? '',
        url: service.url ?? '',
      };
      return sendHtml(
        reply,
        EditServicePage({
          ctx: await page(request),
          serviceId: service.id,
          organisationId: service.organisationId,
          name: service.name,
          values,
          saved: request.query.done === 'saved',
          vocabularies: await vocabularies(),
        }),
      );
    },
  );

  app.post(
    '/manage/services/:id',
    { schema: { hide: true, params: IdParams, body: ServiceBody } },
    async (request, reply) => {
      const ctx = await page(request);
      const service = await getService(db, request.params.id);
      const actor = await editorOf(request, service.organisationId);
      const body = request.body as Record<string, string | string[] | undefined>;
      const input = serviceInputOf(body);
      try {
        await db.transaction(async (tx) => {
          await editService(tx, service.id, input, actor.userId);
          await markConfirmed(tx, service.organisationId, new Date());
        });
      } catch (error) {
        if (!(error instanceof AppError) || error.code !== 'VALIDATION_FAILED') throw error;
        return sendHtml(
          reply,
          EditServicePage({
            ctx,
            serviceId: service.id,
            organisationId: service.organisationId,
            name: service.name,
            values: body,
            problems: error.fields,
            vocabularies: await vocabularies(),
          }),
          400,
        );
      }
      return reply.redirect(`/${ctx.locale}/manage/services/${service.id}?done=saved`, 303);
    },
  );

  app.get(
    '/manage/organisations/:id/contacts',
    { schema: { hide: true, params: IdParams, querystring: SavedQuery } },
    async (request, reply) => {
      const org = await getOrganisation(db, request.params.id);
      await editorOf(request, org.id);
      return sendHtml(
        reply,
        ContactsPage({
          ctx: await page(request),
          organisationId: org.id,
          name: org.name,
          contacts: org.contacts,
          saved: request.query.done === 'saved',
        }),
      );
    },
  );

  app.post(
    '/manage/organisations/:id/contacts',
    {
      schema: {
        hide: true,
        params: IdParams,
        body: Type.Record(Type.String({ maxLength: 100 }), Type.String({ maxLength: 1_000 }), {
          maxProperties: 20,
        }),
      },
    },
    async (request, reply) => {
      const ctx = await page(request);
      const org = await getOrganisation(db, request.params.id);
      const actor = await editorOf(request, org.id);
      const body = request.body;
      const contactId = body.contact_id || null;
      if (contactId && !isUuid(contactId)) throw new AppError('NOT_FOUND');
      // Each form on the page prefixes its fields: the new one "new-", a contact's "c-<id>-".
      const prefix = contactId ? `c-${contactId}-` : 'new-';
      const field = (name: string) => body[`${prefix}${name}`] ?? '';
      const values: FormValues = Object.fromEntries(
        ['contact_name', 'email', 'phone', 'languages', ...locales.map((l) => `title.${l}`)].map((n) => [
          n,
          field(n),
        ]),
      );
      try {
        await db.transaction((tx) =>
          saveContact(
            tx,
            org.id,
            contactId,
            {
              name: field('contact_name'),
              title: Object.fromEntries(locales.map((l) => [l, field(`title.${l}`)])),
              email: field('email'),
              phone: field('phone'),
              languages: field('languages')
                .split(/[\s,;]+/)
                .filter(Boolean),
            },
            actor.userId,
          ),
        );
      } catch (error) {
        if (!(error instanceof AppError) || error.code !== 'VALIDATION_FAILED') throw error;
        return sendHtml(
          reply,
          ContactsPage({
            ctx,
            organisationId: org.id,
            name: org.name,
            contacts: org.contacts,
            problems: error.fields,
            values,
            failedId: contactId ?? 'new',
          }),
          400,
        );
      }
      return reply.redirect(`/${ctx.locale}/manage/organisations/${org.id}/contacts?done=saved`, 303);
    },
  );

  app.post(
    '/manage/organisations/:id/contacts/:contactId/delete',
    {
      schema: {
        hide: true,
        params: Type.Object({
          id: Type.String({ maxLength: 64 }),
          contactId: Type.String({ maxLength: 64 }),
        }),
      },
    },
    async (request, reply) => {
      const ctx = await page(request);
      const org = await getOrganisationBrief(db, request.params.id);
      const actor = await editorOf(request, org.id);
      if (!isUuid(request.params.contactId)) throw new AppError('NOT_FOUND');
      await db.transaction((tx) => deleteContact(tx, org.id, request.params.contactId, actor.userId));
      return reply.redirect(`/${ctx.locale}/manage/organisations/${org.id}/contacts?done=saved`, 303);
    },
  );

  const locationViews = (org: Awaited<ReturnType<typeof getOrganisation>>) => {
    const byLocation = new Map<string, string[]>();
    for (const s of org.services)
      for (const sal of s.serviceAtLocations)
        byLocation.set(sal.locationId, [...(byLocation.get(sal.locationId) ?? []), s.id]);
    return org.locations.map((l) => ({ ...l, serviceIds: byLocation.get(l.id) ?? [] }));
  };

  app.get(
    '/manage/organisations/:id/locations',
    { schema: { hide: true, params: IdParams, querystring: SavedQuery } },
    async (request, reply) => {
      const org = await getOrganisation(db, request.params.id);
      await editorOf(request, org.id);
      return sendHtml(
        reply,
        LocationsPage({
          ctx: await page(request),
          organisationId: org.id,
          name: org.name,
          locations: locationViews(org),
          services: org.services,
          saved: request.query.done === 'saved',
        }),
      );
    },
  );

  app.post(
    '/manage/organisations/:id/locations',
    {
      schema: {
        hide: true,
        params: IdParams,
        body: Type.Record(
          Type.String({ maxLength: 100 }),
          Type.Union([
            Type.String({ maxLength: 1_000 }),
            Type.Array(Type.String({ maxLength: 64 }), { maxItems: 200 }),
          ]),
          { maxProperties: 30 },
        ),
      },
    },
    async (request, reply) => {
      const ctx = await page(request);
      const org = await getOrganisation(db, request.params.id);
      const actor = await editorOf(request, org.id);
      const body = request.body;
      const locationId = typeof body.location_id === 'string' && body.location_id ? body.location_id : null;
      if (locationId && !isUuid(locationId)) throw new AppError('NOT_FOUND');
      const prefix = locationId ? `l-${locationId}-` : 'new-';
      const field = (name: string) => {
        const value = body[`${prefix}${name}`];
        return typeof value === 'string' ? value : '';
      };
      const texts = (name: string) => Object.fromEntries(locales.map((l) => [l, field(`${name}.${l}`)]));
      const serviceIds = list(body[`${prefix}services`]);
      const values: FormValues = {
        ...Object.fromEntries(
          ['name', 'accessibility', 'transport'].flatMap((f) =>
            locales.map((l) => [`${f}.${l}`, field(`${f}.${l}`)]),
          ),
        ),
        ...Object.fromEntries(
          ['address', 'postcode', 'locality', 'latitude', 'longitude'].map((n) => [n, field(n)]),
        ),
        services: serviceIds,
      };
      try {
        await db.transaction(async (tx) => {
          await saveLocation(
            tx,
            org.id,
            locationId,
            {
              name: texts('name'),
              address: field('address'),
              postcode: field('postcode'),
              locality: field('locality'),
              latitude: field('latitude'),
              longitude: field('longitude'),
              accessibility: texts('accessibility'),
              transport: texts('transport'),
              serviceIds,
            },
            actor.userId,
          );
          await markConfirmed(tx, org.id, new Date());
        });
      } catch (error) {
        if (!(error instanceof AppError) || error.code !== 'VALIDATION_FAILED') throw error;
        return sendHtml(
          reply,
          LocationsPage({
            ctx,
            organisationId: org.id,
            name: org.name,
            locations: locationViews(org),
            services: org.services,
            problems: error.fields,
            values,
            failedId: locationId ?? 'new',
          }),
          400,
        );
      }
      return reply.redirect(`/${ctx.locale}/manage/organisations/${org.id}/locations?done=saved`, 303);
    },
  );

  app.post(
    '/manage/organisations/:id/locations/:locationId/delete',
    {
      schema: {
        hide: true,
        params: Type.Object({
          id: Type.String({ maxLength: 64 }),
          locationId: Type.String({ maxLength: 64 }),
        }),
      },
    },
    async (request, reply) => {
      const ctx = await page(request);
      const org = await getOrganisationBrief(db, request.params.id);
      const actor = await editorOf(request, org.id);
      if (!isUuid(request.params.locationId)) throw new AppError('NOT_FOUND');
      await db.transaction((tx) => deleteLocation(tx, org.id, request.params.locationId, actor.userId));
      return reply.redirect(`/${ctx.locale}/manage/organisations/${org.id}/locations?done=saved`, 303);
    },
  );

  const hoursValues = (rows: { weekday: number; opensAt: string; closesAt: string }[]) => {
    const values: Record<string, string> = {};
    const seen: Record<number, number> = {};
    for (const r of rows) {
      const period = (seen[r.weekday] = (seen[r.weekday] ?? 0) + 1);
      if (period > 2) continue;
      values[`d${r.weekday}p${period}o`] = r.opensAt.slice(0, 5);
      values[`d${r.weekday}p${period}c`] = r.closesAt.slice(0, 5);
    }
    return values;
  };

  async function hoursPage(
    request: FastifyRequest,
    reply: FastifyReply,
    service: Awaited<ReturnType<typeof getService>>,
    extra: Partial<Parameters<typeof HoursPage>[0]> & { status?: number } = {},
  ) {
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Brussels' }).format(new Date());
    const [rows, special, exceptions] = await Promise.all([
      findWeeklyHours(db, service.id),
      hasSpecialHours(db, service.id),
      findUpcomingExceptions(db, service.id, today),
    ]);
    const { status = 200, ...rest } = extra;
    return sendHtml(
      reply,
      HoursPage({
        ctx: await page(request),
        serviceId: service.id,
        organisationId: service.organisationId,
        name: service.name,
        values: hoursValues(rows),
        closedOnPublicHolidays: service.closedOnPublicHolidays,
        special,
        exceptions,
        ...rest,
      }),
      status,
    );
  }

  app.get(
    '/manage/services/:id/hours',
    { schema: { hide: true, params: IdParams, querystring: SavedQuery } },
    async (request, reply) => {
      const service = await getService(db, request.params.id);
      await editorOf(request, service.organisationId);
      return hoursPage(request, reply, service, { saved: request.query.done === 'saved' });
    },
  );

  app.post(
    '/manage/services/:id/hours',
    {
      schema: {
        hide: true,
        params: IdParams,
        body: Type.Record(Type.String({ maxLength: 40 }), Type.String({ maxLength: 200 }), {
          maxProperties: 40,
        }),
      },
    },
    async (request, reply) => {
      const ctx = await page(request);
      const service = await getService(db, request.params.id);
      const actor = await editorOf(request, service.organisationId);
      const body = request.body;
      const week: WeekInput = {};
      for (let day = 1; day <= 7; day++)
        week[day] = [1, 2].map((p) => ({
          opensAt: body[`d${day}p${p}o`] ?? '',
          closesAt: body[`d${day}p${p}c`] ?? '',
        }));
      const holidays = body.closed_on_public_holidays === '1';
      try {
        await db.transaction(async (tx) => {
          await setWeeklyHours(tx, service.id, week, holidays, actor.userId);
          await markConfirmed(tx, service.organisationId, new Date());
        });
      } catch (error) {
        if (!(error instanceof AppError) || error.code !== 'VALIDATION_FAILED') throw error;
        return hoursPage(request, reply, service, {
          values: body,
          closedOnPublicHolidays: holidays,
          problems: error.fields,
          status: 400,
        });
      }
      return reply.redirect(`/${ctx.locale}/manage/services/${service.id}/hours?done=saved`, 303);
    },
  );

  app.post(
    '/manage/services/:id/exceptions',
    {
      schema: {
        hide: true,
        params: IdParams,
        body: Type.Record(Type.String({ maxLength: 40 }), Type.String({ maxLength: 300 }), {
          maxProperties: 20,
        }),
      },
    },
    async (request, reply) => {
      const ctx = await page(request);
      const service = await getService(db, request.params.id);
      const actor = await editorOf(request, service.organisationId);
      const body = request.body;
      try {
        await db.transaction(async (tx) => {
          await addException(
            tx,
            service.id,
            {
              startsOn: body.starts_on ?? '',
              endsOn: body.ends_on ?? '',
              closed: body.closed !== '0',
              opensAt: body.opens_at ?? '',
              closesAt: body.closes_at ?? '',
              note: Object.fromEntries(locales.map((l) => [l, body[`note.${l}`] ?? ''])),
            },
            actor.userId,
          );
          await markConfirmed(tx, service.organisationId, new Date());
        });
      } catch (error) {
        if (!(error instanceof AppError) || error.code !== 'VALIDATION_FAILED') throw error;
        return hoursPage(request, reply, service, {
          exceptionValues: body,
          exceptionProblems: error.fields,
          status: 400,
        });
      }
      return reply.redirect(`/${ctx.locale}/manage/services/${service.id}/hours?done=saved`, 303);
    },
  );

  app.post(
    '/manage/services/:id/exceptions/:exceptionId/delete',
    {
      schema: {
        hide: true,
        params: Type.Object({
          id: Type.String({ maxLength: 64 }),
          exceptionId: Type.String({ maxLength: 64 }),
        }),
      },
    },
    async (request, reply) => {
      const ctx = await page(request);
      const service = await getService(db, request.params.id);
      const actor = await editorOf(request, service.organisationId);
      if (!isUuid(request.params.exceptionId)) throw new AppError('NOT_FOUND');
      await db.transaction((tx) => deleteException(tx, service.id, request.params.exceptionId, actor.userId));
      return reply.redirect(`/${ctx.locale}/manage/services/${service.id}/hours?done=saved`, 303);
    },
  );

  app.get(
    '/manage/organisations/:id/history',
    {
      schema: {
        hide: true,
        params: IdParams,
        querystring: Type.Object({ done: Type.Optional(Type.Literal('rolled_back')) }),
      },
    },
    async (request, reply) => {
      const ctx = await page(request);
      const org = await getOrganisation(db, request.params.id);
      const actor = actorOf(requireSignedIn(request));
      if (!canSeeMembers(actor, await findMembership(db, actor.userId, org.id)))
        throw new AppError('NOT_FOUND');
      const versions = await findVersionsOfOrganisation(db, org.id);
      const people = new Map(
        (
          await findUsersByIds(db, [
            ...new Set(versions.map((v) => v.actorId).filter((id): id is string => !!id)),
          ])
        ).map((u) => [u.id, u.name]),
      );
      const serviceNames = new Map(org.services.map((s) => [s.id, s.name]));
      const contactNames = new Map(org.contacts.map((c) => [c.id, c.name]));
      const locationNames = new Map(org.locations.map((l) => [l.id, l.address ?? '']));
      // A removed contact is named by the version that removed it.
      const contactName = (v: {
        recordId: string;
        changes: Record<string, { before: unknown; after: unknown }>;
      }) => contactNames.get(v.recordId) ?? String(v.changes.name?.before ?? v.changes.name?.after ?? '');
      const nameIn = (name: I18nText | undefined) =>
        name ? (name[ctx.locale] ?? Object.values(name)[0] ?? '') : '';
      const views: VersionView[] = versions.map((v) => ({
        id: v.id,
        at: v.at,
        actor: (v.actorId && people.get(v.actorId)) || '—',
        recordType: v.recordType,
        recordName:
          v.recordType === 'service'
            ? nameIn(serviceNames.get(v.recordId))
            : v.recordType === 'contact'
              ? contactName(v)
              : v.recordType === 'location'
                ? (locationNames.get(v.recordId) ??
                  String(v.changes.address?.before ?? v.changes.address?.after ?? ''))
                : nameIn(org.name),
        action: v.action,
        rollbackable: canRollBack(v.action, v.recordType),
        rolledBack: v.rolledBack,
        changes: Object.entries(v.changes).map(([field, c]) => ({
          field,
          before: shown(c.before),
          after: shown(c.after),
        })),
      }));
      const notice = request.query.done ? ctx.t.t('history.rolled_back') : undefined;
      return sendHtml(
        reply,
        HistoryPage({
          ctx,
          organisationId: org.id,
          name: org.name,
          versions: views,
          canRollBack: isModerator(actor),
          notice,
        }),
      );
    },
  );

  app.post(
    '/manage/versions/:id/rollback',
    { schema: { hide: true, params: Type.Object({ id: Type.String({ maxLength: 20 }) }) } },
    async (request, reply) => {
      const ctx = await page(request);
      const actor = actorOf(requireSignedIn(request));
      const versionId = Number(request.params.id);
      if (!isModerator(actor) || !Number.isSafeInteger(versionId) || !(await findVersion(db, versionId)))
        throw new AppError('NOT_FOUND');
      const { organisationId } = await db.transaction(async (tx) => {
        const result = await rollBackVersion(tx, versionId, actor.userId);
        await recordAudit(tx, {
          event: 'listing.rolled_back',
          actorId: actor.userId,
          actorEmail: actor.email,
          subjectType: 'organisation',
          subjectId: result.organisationId,
          ip: request.ip,
          details: { versionId },
        });
        return result;
      });
      return reply.redirect(
        `/${ctx.locale}/manage/organisations/${organisationId}/history?done=rolled_back`,
        303,
      );
    },
  );
};
