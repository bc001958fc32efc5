// The directory's JSON API under /api/v1: multilingual fields as { nl, fr, en } objects.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { WebDeps } from '../../http/deps.ts';
import {
  ErrorSchema,
  IdParams,
  MapQuery,
  MapSchema,
  OrganisationSchema,
  OrganisationSummarySchema,
  PageQuery,
  paged,
  ServiceSchema,
  TaxonomySchema,
} from './directory.schemas.ts';
import { getMapPoints, getOrganisation, getService, getTaxonomy } from './directory.service.ts';
import { LRUCache } from 'lru-cache';
import { directoryEditionOf } from './directory-edition.ts';
import { indexListsOf } from './lists/index-lists.ts';
import { listOrganisationsPage, listServicesPage } from './lists/lists.service.ts';
import {
  presentMap,
  presentOrganisation,
  presentOrganisationSummary,
  presentPage,
  presentService,
} from './presenters/api-v1.ts';
import { documented as apiDocs } from '../../http/api-docs.ts';

const errors = { 400: ErrorSchema, 404: ErrorSchema };

const documented = apiDocs('directory');

export const directoryApi: FastifyPluginAsyncTypebox<WebDeps> = async (app, { db, services }) => {
  // Lists: order and totals from this process's search index, the page's rows by id (lists/).
  const lists = indexListsOf(services.search);
  // A list's answer is the same for every caller: kept while the list (the index's version) and its
  // rows (the directory's edition, read before them) stay, so a page asked again costs one read.
  const answers = new LRUCache<string, object>({ max: 2_000, ttl: 60_000 });
  const keptAnswer = async <T extends object>(url: string, make: () => Promise<T>): Promise<T> => {
    if (!lists.ready) return make();
    const key = JSON.stringify([lists.version, await directoryEditionOf(db), url]);
    const kept = answers.get(key);
    if (kept) return kept as T;
    const answer = await make();
    answers.set(key, answer);
    return answer;
  };

  app.get(
    '/organisations',
    documented('List organisations, filtered and paginated', {
      querystring: PageQuery,
      response: { 200: paged(OrganisationSummarySchema), ...errors },
    }),
    async (request) =>
      keptAnswer(request.url, async () => {
        const { page, per_page, ...filters } = request.query;
        const { page: result } = await listOrganisationsPage(
          db,
          lists,
          filters,
          { page, perPage: per_page },
          'fr',
        );
        return presentPage(result, presentOrganisationSummary, '/api/v1/organisations', filters);
      }),
  );

  app.get(
    '/organisations/:id',
    documented('One organisation with its locations, contacts and services', {
      params: IdParams,
      response: { 200: OrganisationSchema, ...errors },
    }),
    async (request) => presentOrganisation(await getOrganisation(db, request.params.id)),
  );

  app.get(
    '/services',
    documented('List services, filtered and paginated', {
      querystring: PageQuery,
      response: { 200: paged(ServiceSchema), ...errors },
    }),
    async (request) =>
      keptAnswer(request.url, async () => {
        const { page, per_page, ...filters } = request.query;
        const result = await listServicesPage(db, lists, filters, { page, perPage: per_page });
        return presentPage(result, presentService, '/api/v1/services', filters);
      }),
  );

  app.get(
    '/services/:id',
    documented('One service with its hours, locations and contacts', {
      params: IdParams,
      response: { 200: ServiceSchema, ...errors },
    }),
    async (request) => presentService(await getService(db, request.params.id)),
  );

  app.get(
    '/taxonomy',
    documented('The welfare theme taxonomy: themes and their sub-themes', {
      response: { 200: TaxonomySchema },
    }),
    async () => {
      const { themes } = await getTaxonomy(db);
      return {
        data: themes.map((t) => ({
          id: t.id,
          code: t.code,
          name: t.name,
          children: t.children.map((c) => ({ id: c.id, code: c.code, name: c.name })),
        })),
      };
    },
  );

  app.get(
    '/map',
    documented('Every located organisation as GeoJSON points, for maps', {
      querystring: MapQuery,
      response: { 200: MapSchema, 400: ErrorSchema },
    }),
    async (request, reply) => {
      reply.type('application/geo+json');
      const { with_services: withServices, ...filters } = request.query;
      return presentMap(await getMapPoints(db, { ...filters, withServices }));
    },
  );
};
