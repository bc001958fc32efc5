// Open Referral HSDS 3.0 read API under /api/hsds, for other directories and referral tools.
// One language per response: ?lang=nl|fr|en, else the Accept-Language header.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import Type from 'typebox';
import type { WebDeps } from '../../http/deps.ts';
import { originOf } from '../../http/request-context.ts';
import { negotiateLocale, translator } from '../../i18n/index.ts';
import { AppError } from '../../shared/errors.ts';
import { isLocale, type Locale } from '../../shared/i18n-text.ts';
import { maxPerPage, pageOf } from '../../shared/pagination.ts';
import {
  ErrorSchema,
  getOrganisation,
  getService,
  getServiceAtLocation,
  getTaxonomy,
  listOrganisationRows,
  listServiceAtLocations,
  listServices,
  listServicesByIds,
  searchServiceIds,
} from '../directory/index.ts';
import {
  hsdsPage,
  type Labels,
  presentLocation,
  presentOrganisation,
  presentOrganisationBase,
  presentService,
  presentServiceBase,
  presentTaxonomies,
  presentThemeTerm,
  vocabularyTerms,
} from './hsds.presenter.ts';
import { documented as apiDocs } from '../../http/api-docs.ts';

const documented = apiDocs('hsds');

const Lang = Type.Optional(
  Type.Unsafe<Locale>({ type: 'string', enum: ['nl', 'fr', 'en'], description: 'Language of the texts.' }),
);
const Paging = {
  page: Type.Integer({ minimum: 1, maximum: 100_000, default: 1 }),
  per_page: Type.Integer({ minimum: 1, maximum: maxPerPage, default: 50 }),
  lang: Lang,
};
const Uuid = Type.String({ format: 'uuid' });
const Id = Type.Object({ id: Type.String({ maxLength: 64 }) });
const LangOnly = Type.Object({ lang: Lang });
/** HSDS objects are validated against the official schemas in the tests; here they pass through as they are. */
const HsdsObject = Type.Object(
  {},
  { additionalProperties: true, description: 'An Open Referral HSDS 3.0 object.' },
);
const HsdsPage = Type.Object(
  {
    total_items: Type.Integer(),
    total_pages: Type.Integer(),
    page_number: Type.Integer(),
    size: Type.Integer(),
    first_page: Type.Boolean(),
    last_page: Type.Boolean(),
    empty: Type.Boolean(),
    contents: Type.Array(HsdsObject),
  },
  { description: 'HSDS Page wrapper.' },
);
const responses = (ok: ReturnType<typeof Type.Object>) => ({ 200: ok, 400: ErrorSchema, 404: ErrorSchema });
/** The schema of each route that answers one object by its id. */
const OneById = { params: Id, querystring: LangOnly, response: responses(HsdsObject) };

export const hsdsApi: FastifyPluginAsyncTypebox<WebDeps> = async (app, { db, config, services }) => {
  const { search } = services;
  const localeOf = (request: FastifyRequest): Locale => {
    const lang = (request.query as { lang?: string } | undefined)?.lang;
    return isLocale(lang) ? lang : negotiateLocale(request.headers['accept-language']);
  };
  const labelsFor = (locale: Locale): Labels => {
    const t = translator(locale);
    return (prefix, code) => {
      const key = `${prefix}.${code}`;
      return t.has(key) ? t.t(key as never) : code;
    };
  };
  app.addHook('onSend', async (request, reply) => {
    reply.header('content-language', localeOf(request));
    reply.header('vary', 'Accept-Language');
  });

  app.get(
    '/',
    { schema: { tags: ['hsds'], summary: 'About this HSDS API', response: { 200: HsdsObject } } },
    async (request) => {
      const origin = originOf(request, config);
      return {
        version: '3.0',
        profile: 'https://docs.openreferral.org/en/3.0/',
        openapi_url: `${origin}/api/docs/json`,
      };
    },
  );

  app.get(
    '/services',
    documented('Services (HSDS service_list)', {
      querystring: Type.Object({
        ...Paging,
        organization_id: Type.Optional(Uuid),
        taxonomy_term_id: Type.Optional(Uuid),
        search: Type.Optional(
          Type.String({
            maxLength: 1000,
            description: 'Words in nl, fr or en; the same engine as /api/v1/search.',
          }),
        ),
      }),
      response: responses(HsdsPage),
    }),
    async (request) => {
      const locale = localeOf(request);
      const { page, per_page, organization_id, taxonomy_term_id, search: text } = request.query;
      const paging = { page, perPage: per_page };
      let theme: string | undefined;
      if (taxonomy_term_id) {
        const { byCode } = await getTaxonomy(db);
        theme = [...byCode.values()].find((t) => t.id === taxonomy_term_id)?.code;
        if (!theme) return hsdsPage(pageOf([], 0, paging), () => ({}));
      }
      const result = text?.trim()
        ? await listServicesByIds(
            db,
            await searchServiceIds(search, text, { theme, organisationId: organization_id }),
            paging,
          )
        : await listServices(db, { organisationId: organization_id, theme }, paging);
      return hsdsPage(result, (s) => presentServiceBase(s, locale, originOf(request, config)));
    },
  );

  app.get('/services/:id', documented('One service with all its related data', OneById), async (request) => {
    const locale = localeOf(request);
    const service = await getService(db, request.params.id);
    return presentService(service, locale, originOf(request, config), labelsFor(locale), (c) =>
      translator(locale).language(c),
    );
  });

  app.get(
    '/organizations',
    documented('Organizations (HSDS organization_list)', {
      querystring: Type.Object(Paging),
      response: responses(HsdsPage),
    }),
    async (request) => {
      const locale = localeOf(request);
      const result = await listOrganisationRows(db, {
        page: request.query.page,
        perPage: request.query.per_page,
      });
      return hsdsPage(result, (o) => presentOrganisationBase(o, locale, originOf(request, config)));
    },
  );

  app.get(
    '/organizations/:id',
    documented('One organization with its locations, contacts and phones', OneById),
    async (request) => {
      const locale = localeOf(request);
      return presentOrganisation(
        await getOrganisation(db, request.params.id),
        locale,
        originOf(request, config),
        labelsFor(locale),
      );
    },
  );

  app.get(
    '/service_at_locations',
    documented('Services at their locations (HSDS service_at_location_list)', {
      querystring: Type.Object({
        ...Paging,
        service_id: Type.Optional(Uuid),
        location_id: Type.Optional(Uuid),
      }),
      response: responses(HsdsPage),
    }),
    async (request) => {
      const locale = localeOf(request);
      const origin = originOf(request, config);
      const { page, per_page, service_id, location_id } = request.query;
      const result = await listServiceAtLocations(
        db,
        { page, perPage: per_page },
        { serviceId: service_id, locationId: location_id },
      );
      return hsdsPage(result, (sal) => ({
        id: sal.id,
        service_id: sal.serviceId,
        location_id: sal.locationId,
        service: presentServiceBase(sal.service, locale, origin),
        location: presentLocation(sal.location, locale),
      }));
    },
  );

  app.get(
    '/service_at_locations/:id',
    documented('One service at one location', OneById),
    async (request) => {
      const locale = localeOf(request);
      const sal = await getServiceAtLocation(db, request.params.id);
      return {
        id: sal.id,
        service_id: sal.serviceId,
        location_id: sal.locationId,
        location: presentLocation(sal.location, locale),
      };
    },
  );

  app.get(
    '/taxonomies',
    documented('The taxonomies in use', {
      querystring: Type.Object(Paging),
      response: responses(HsdsPage),
    }),
    async (request) => {
      const all = presentTaxonomies(localeOf(request));
      const { page, per_page } = request.query;
      return hsdsPage(
        pageOf(all.slice((page - 1) * per_page, page * per_page), all.length, { page, perPage: per_page }),
        (t) => t,
      );
    },
  );

  app.get('/taxonomies/:id', documented('One taxonomy', OneById), async (request) => {
    const found = presentTaxonomies(localeOf(request)).find((t) => t.id === request.params.id);
    if (!found) throw new AppError('NOT_FOUND');
    return found;
  });

  const allTerms = async (locale: Locale) => {
    const { byCode } = await getTaxonomy(db);
    return [
      ...[...byCode.values()].map((t) => presentThemeTerm(t, byCode, locale)),
      ...vocabularyTerms(labelsFor(locale), locale),
    ];
  };

  app.get(
    '/taxonomy_terms',
    documented('Taxonomy terms: welfare themes, organisation kinds, target groups, access conditions', {
      querystring: Type.Object({
        ...Paging,
        taxonomy_id: Type.Optional(Uuid),
        parent_id: Type.Optional(Uuid),
        top_only: Type.Optional(Type.Boolean()),
      }),
      response: responses(HsdsPage),
    }),
    async (request) => {
      const { page, per_page, taxonomy_id, parent_id, top_only } = request.query;
      const terms = (await allTerms(localeOf(request))).filter(
        (t) =>
          (!taxonomy_id || t.taxonomy_id === taxonomy_id) &&
          (!parent_id || ('parent_id' in t && t.parent_id === parent_id)) &&
          (!top_only || !('parent_id' in t && t.parent_id)),
      );
      return hsdsPage(
        pageOf(terms.slice((page - 1) * per_page, page * per_page), terms.length, {
          page,
          perPage: per_page,
        }),
        (t) => t,
      );
    },
  );

  app.get('/taxonomy_terms/:id', documented('One taxonomy term', OneById), async (request) => {
    const found = (await allTerms(localeOf(request))).find((t) => t.id === request.params.id);
    if (!found) throw new AppError('NOT_FOUND');
    return found;
  });
};
