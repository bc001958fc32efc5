// The evidence map's page, /{lang}/evidence: public, the same protected cube for everyone (analysts
// included: the "version for analysts" would show nothing more without showing counts
// under 5). Pages for visitors are kept per cube version and address, so the page costs little.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { LRUCache } from 'lru-cache';
import Type from 'typebox';
import type { WebDeps } from '../../../http/deps.ts';
import { pageFor } from '../../../http/request-context.ts';
import { AppError, type FieldProblem } from '../../../shared/errors.ts';
import { getTaxonomy } from '../../directory/index.ts';
import { cacheBytes, defaultPeriod, type FilterInput, parseFilter } from './evidence-filters.ts';
import { type EvidenceFilter, readEvidence } from './evidence-query.ts';
import { type MapLevel, type Measure, presentEvidencePage } from './present-evidence-page.ts';
import { EvidencePage } from './views/evidence.page.tsx';
import { placesSprite } from './views/map-paths.ts';

const text = (maxLength: number) => Type.Optional(Type.String({ maxLength }));
const EvidencePageQuery = Type.Object({
  source: text(20),
  theme: text(64),
  commune: text(10),
  quartier: text(10),
  from: text(20),
  to: text(20),
  measure: text(10),
  level: text(10),
});

export const evidenceWeb: FastifyPluginAsyncTypebox<WebDeps> = async (app, deps) => {
  // As bytes: a cached page is sent as it is, not encoded again.
  const pages = new LRUCache<string, Buffer>({
    max: 500,
    maxSize: cacheBytes,
    sizeCalculation: (html, key) => html.length + 2 * key.length,
  });

  app.get('/evidence', { schema: { hide: true, querystring: EvidencePageQuery } }, async (request, reply) => {
    const published = await deps.services.evidence.current();
    const ctx = await pageFor(request, deps);
    const key = `${published.version}|${ctx.showDemoBanner}|${request.url}`;
    if (!ctx.user) {
      const page = pages.get(key);
      if (page !== undefined) return reply.type('text/html; charset=utf-8').send(page);
    }
    const { measure: m, level: l, ...input } = request.query;
    const measure: Measure = m === 'rate' ? 'rate' : 'count';
    const level: MapLevel = l === 'commune' ? 'commune' : 'quartier';
    let filter: EvidenceFilter;
    let problems: FieldProblem[] = [];
    try {
      filter = parseFilter(input as FilterInput, published.cube, published.currentMonth);
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== 'VALIDATION_FAILED') throw error;
      // The page again with the reasons, showing the default figures.
      problems = error.fields;
      filter = {
        source: null,
        theme: null,
        commune: null,
        quartier: null,
        ...defaultPeriod(published.currentMonth),
      };
    }
    const data = presentEvidencePage(readEvidence(published, filter), {
      locale: ctx.locale,
      themes: (await getTaxonomy(deps.db)).themes,
      measure,
      level,
      currentMonth: published.currentMonth,
      builtAt: published.builtAt,
      unknownName: (commune) => ctx.t.t('signals.evidence.place_unknown', { commune }),
    });
    const html = Buffer.from(await EvidencePage({ ctx, data, problems }));
    if (!ctx.user && !problems.length) pages.set(key, html);
    return reply
      .code(problems.length ? 400 : 200)
      .type('text/html; charset=utf-8')
      .send(html);
  });
};

/** The outlines every evidence map points into, at an address that changes with them. */
export const evidenceSpriteWeb: FastifyPluginAsyncTypebox<WebDeps> = async (app) => {
  app.get(
    '/evidence/places.svg',
    {
      schema: { hide: true, querystring: Type.Object({ v: Type.Optional(Type.String({ maxLength: 20 })) }) },
    },
    async (request, reply) => {
      const sprite = placesSprite();
      // Kept for a year only under its own address: another version's (a process of another release)
      // must not stick.
      const current = sprite.url.endsWith(`?v=${request.query.v}`);
      return reply
        .type('image/svg+xml; charset=utf-8')
        .header('cache-control', current ? 'public, max-age=31536000, immutable' : 'no-cache')
        .send(sprite.svg);
    },
  );
};
