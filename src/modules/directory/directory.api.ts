// The directory's JSON API under /api/v1: multilingual fields as { nl, fr, en } objects.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
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
import { type KeptAnswer, keptAnswer as answerOf } from '../../http/entity-tag.ts';
import { LRUCache } from 'lru-cache';
import { DateTime } from 'luxon';
import { zone } from '../../shared/opening-hours.ts';
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
import { cacheBudget } from '../../shared/cache-budgets.ts';

const errors = { 400: ErrorSchema, 404: ErrorSchema };

const documented = apiDocs('directory');

export const directoryApi: FastifyPluginAsyncTypebox<WebDeps> = async (app, { db, services }) => {
  // Lists: order and totals from this process's search index, the page's rows by id (lists/).
  const lists = indexListsOf(services.search);
  // The first edition of the lists made in steps once the index is loaded, not in one turn on the
  // first request (a failure leaves it to that request).
  void services.search.ready.then(() => lists.prepare()).catch(() => {});
  // A list's answer is the same for every caller: kept as serialised (by the route's own response
  // schema) while the list (the index's version) and its rows (the directory's edition, read before
  // them) stay, so a page asked again costs one read and no serialising.
  // Kept as UTF-8 bytes outside V8's heap: tens of megabytes of kept text there made the collector
  // go over the whole heap (the search index's) again and again, and each send encoded it anew.
  const answers = new LRUCache<string, KeptAnswer>({
    maxSize: cacheBudget('directoryApiAnswers'),
    sizeCalculation: ({ body, etag }, key) => body.length + 2 * (etag.length + key.length),
    ttl: 60_000,
  });
  const keptAnswer = async <T extends object>(
    request: FastifyRequest,
    reply: FastifyReply,
    make: () => Promise<T>,
  ): Promise<T> => {
    if (!lists.ready) return make();
    // The clock's minute too: a service's open state changes with it.
    const minute = Math.floor(Date.now() / 60_000);
    const key = JSON.stringify([minute, lists.version, await directoryEditionOf(db), request.url]);
    let kept = answers.get(key);
    if (kept === undefined) {
      answers.set(key, (kept = answerOf(reply.serialize(await make()) as string)));
    }
    // Sent as it is, with its ETag (the etag plugin leaves a set one alone and still answers 304);
    // Fastify's async handlers return the reply once they have sent.
    return reply
      .type('application/json; charset=utf-8')
      .header('etag', kept.etag)
      .send(kept.body) as unknown as T;
  };

  app.get(
    '/organisations',
    documented('List organisations, filtered and paginated', {
      querystring: PageQuery,
      response: { 200: paged(OrganisationSummarySchema), ...errors },
    }),
    async (request, reply) =>
      keptAnswer(request, reply, async () => {
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
    async (request, reply) =>
      keptAnswer(request, reply, async () => {
        const { page, per_page, ...filters } = request.query;
        const result = await listServicesPage(db, lists, filters, { page, perPage: per_page });
        const now = DateTime.now().setZone(zone);
        return presentPage(result, (s) => presentService(s, now), '/api/v1/services', filters);
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
