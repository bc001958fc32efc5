// /api/v1/search and /api/v1/search/suggest.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { keptAnswer } from '../../../http/entity-tag.ts';
import type { WebDeps } from '../../../http/deps.ts';
import { negotiateLocale } from '../../../i18n/index.ts';
import { locales } from '../../../shared/i18n-text.ts';
import { ErrorSchema } from '../directory.schemas.ts';
import { SearchQuery, SearchResultSchema, SuggestQuery, SuggestSchema } from './search.schemas.ts';
import { type SearchOutcome, searchDirectory, suggest } from './search.service.ts';
import { documented as apiDocs } from '../../../http/api-docs.ts';
import type { OrganisationKind } from '../directory.vocabulary.ts';
import { cacheBudget } from '../../../shared/cache-budgets.ts';
import { KeptAnswers } from './search-answers.ts';

const documented = apiDocs('search');

export const searchApi: FastifyPluginAsyncTypebox<WebDeps> = async (app, { services: { search } }) => {
  /**
   * Serialised bodies and their ETags: the search service hands out the same outcome object for
   * the same search in the same language while it holds, so each is serialised and hashed once
   * (the etag plugin hashed every body it sent).
   */
  const bodies = new KeptAnswers<SearchOutcome>(cacheBudget('searchApiAnswers'));

  app.get(
    '/search',
    documented(
      'Search organisations, services, events, questions and everything else the network holds, in nl, fr and en, with filters, facets (type among them) and distance',
      {
        querystring: SearchQuery,
        response: { 200: SearchResultSchema, 400: ErrorSchema },
      },
    ),
    async (request, reply) => {
      const locale = negotiateLocale(request.headers['accept-language']);
      const outcome = await searchDirectory(search, request.query, locale);
      const kept = bodies.answer(`${locale} ${JSON.stringify(request.query)}`, outcome, () =>
        keptAnswer(reply.serialize(searchResponse(outcome)) as string),
      );
      // Already serialised by this route's schema: Fastify sends a Buffer as it is. With its ETag,
      // the etag plugin hashes nothing and still answers 304 to a matching If-None-Match.
      return reply
        .type('application/json; charset=utf-8')
        .header('etag', kept.etag)
        .header('vary', 'Accept-Language')
        .send(kept.body as never);
    },
  );

  app.get(
    '/search/suggest',
    documented('Completions for as-you-type search', {
      querystring: SuggestQuery,
      response: { 200: SuggestSchema, 400: ErrorSchema },
    }),
    async (request, reply) => {
      const locale = request.query.locale ?? negotiateLocale(request.headers['accept-language']);
      if (!request.query.locale) void reply.header('vary', 'Accept-Language');
      const data = await suggest(search, request.query.q, locale);
      return { data: data.map((s) => ({ text: s.text, type: s.type, id: s.id ?? null })) };
    },
  );
};

/** The JSON body of a search, in the shape of SearchResultSchema. */
function searchResponse(outcome: SearchOutcome) {
  return {
    data: outcome.hits.map(resultItem),
    meta: {
      page: outcome.page,
      per_page: outcome.perPage,
      total: outcome.total,
      total_pages: Math.max(1, Math.ceil(outcome.total / outcome.perPage)),
    },
    facets: outcome.facets,
    place: outcome.place,
    place_filter: outcome.placeFilter
      ? {
          label: outcome.placeFilter.label,
          kind: outcome.placeFilter.kind,
          named: outcome.placeFilter.named,
          rest: outcome.placeFilter.rest,
          radius_km: outcome.placeFilter.radiusKm ?? null,
        }
      : null,
    nearest: outcome.nearest.map(resultItem),
    understood: outcome.understood,
    partial: outcome.partial,
    did_you_mean: outcome.didYouMean,
    drop_filters: outcome.dropFilters,
  };
}

/** One result of a search, in the shape of SearchResultSchema's items. */
function resultItem(hit: SearchOutcome['hits'][number]) {
  const { doc, score, terms, distanceKm, openNow } = hit;
  const directory = doc.type === 'service' || doc.type === 'organisation';
  const path = doc.path ?? `/${doc.type === 'service' ? 'services' : 'organisations'}/${doc.id}`;
  return {
    type: doc.type,
    id: doc.id,
    name: doc.name,
    organisation: directory
      ? { id: doc.organisationId, name: doc.organisationName, kind: doc.kind as OrganisationKind }
      : null,
    owner_name: !directory && Object.keys(doc.organisationName).length ? doc.organisationName : null,
    date: doc.date ?? null,
    description: hit.description,
    themes: doc.themes,
    communes: doc.communes,
    languages: doc.languages,
    access_conditions: doc.access,
    residents_of: doc.residentCommunes ?? [],
    verified: doc.verified,
    last_confirmed_at: doc.lastConfirmedAt,
    open_now: openNow,
    distance_km: distanceKm === undefined ? null : Math.round(distanceKm * 100) / 100,
    score: Math.round(score * 1000) / 1000,
    matched_terms: terms,
    links: {
      self: directory ? `/api/v1${path}` : null,
      html: Object.fromEntries(locales.map((l) => [l, `/${l}${path}`])) as Record<'nl' | 'fr' | 'en', string>,
    },
  };
}
