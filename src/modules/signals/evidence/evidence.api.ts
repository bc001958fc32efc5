// GET /api/v1/evidence: the protected evidence cube for a filter, as JSON, CSV or GeoJSON (per
// quartier), chosen with `format`. Public: every number in it is a published cell of the cube (small
// ones hidden, the others moved by up to 2, perturbation.ts) or a sum of them; answers are kept per
// cube version and filter, so repeated asks cost nothing.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { LRUCache } from 'lru-cache';
import Type from 'typebox';
import { documented as apiDocs } from '../../../http/api-docs.ts';
import type { WebDeps } from '../../../http/deps.ts';
import { localeOf } from '../../../http/request-context.ts';
import { translator } from '../../../i18n/index.ts';
import { ErrorSchema } from '../../directory/index.ts';
import { evidenceSources } from '../evidence-source.ts';
import { cacheBytes, parseFilter } from './evidence-filters.ts';
import { evidenceCsv, evidenceGeoJson, evidenceJson } from './evidence-present.ts';
import { readEvidence } from './evidence-query.ts';

const documented = apiDocs('evidence');
const text = (maxLength: number, description: string) =>
  Type.Optional(Type.String({ maxLength, description }));

export const EvidenceQuery = Type.Object({
  source: text(20, `One source: ${evidenceSources.join(', ')}; all when left out.`),
  theme: text(64, 'A theme code of /api/v1/taxonomy (themes, not sub-themes); all when left out.'),
  commune: text(10, 'NIS code of a commune.'),
  quartier: text(10, 'Monitoring des Quartiers code of a quartier.'),
  from: text(7, 'First month, yyyy-MM, from 2000-01; twelve months before `to` when left out.'),
  to: text(7, 'Last month, yyyy-MM, at most the month in progress, which it is when left out.'),
  format: Type.Optional(
    Type.Union([Type.Literal('json'), Type.Literal('csv'), Type.Literal('geojson')], {
      description: 'json (the default), csv (one line per place) or geojson (one feature per quartier).',
    }),
  ),
});

/** What the API says of its numbers, as the page does (signals.evidence.privacy). */
const protection =
  'To protect people, numbers under 5 are hidden and the others are moved by up to 2 at random; totals may therefore differ a little from the sum of their parts.';
const Count = Type.Union([Type.Integer(), Type.Null()], {
  description: `Signals, answers or referrals (a theme counts those naming it; all themes counts each once), moved by up to 2 at random; null when hidden (under 5, or it would let a hidden count be worked out). ${protection}`,
});
const Place = Type.Object({
  level: Type.Union(
    ['quartier', 'unknown', 'commune', 'region'].map((l) => Type.Literal(l)),
    {
      description: '"unknown": the part of a commune whose quartier was not given.',
    },
  ),
  code: Type.String({ description: 'Quartier code, NIS code of the commune, or "region".' }),
  commune: Type.Union([Type.String(), Type.Null()]),
  count: Count,
  residents: Type.Union([Type.Integer(), Type.Null()]),
  rate_per_1000: Type.Union([Type.Number(), Type.Null()], {
    description: 'Null when hidden or under 100 residents.',
  }),
});
const Month = Type.String({ pattern: '^\\d{4}-\\d{2}$' });
const EvidenceSchema = Type.Object({
  data: Type.Object({
    filters: Type.Object({
      source: Type.Union([Type.String(), Type.Null()]),
      theme: Type.Union([Type.String(), Type.Null()]),
      commune: Type.Union([Type.String(), Type.Null()]),
      quartier: Type.Union([Type.Integer(), Type.Null()]),
      from: Month,
      to: Month,
    }),
    periods: Type.Array(Type.String(), {
      description: 'The published cells the period is made of: 2025, 2026-Q1, 2026-04.',
    }),
    smallest_shown: Type.Integer(),
    built_at: Type.String({ format: 'date-time' }),
    total: Place,
    places: Type.Array(Place),
    themes: Type.Array(Type.Object({ theme: Type.String(), count: Count })),
    sources: Type.Array(Type.Object({ source: Type.String(), count: Count })),
    months: Type.Array(Type.Object({ month: Month, count: Count })),
    rising: Type.Object({
      last: Type.Object({ from: Month, to: Month }),
      before: Type.Object({ from: Month, to: Month }),
      communes: Type.Array(
        Type.Object({
          commune: Type.String(),
          rising: Type.Array(
            Type.Object({ theme: Type.String(), last: Type.Integer(), before: Type.Integer() }),
          ),
          not_computable: Type.Array(Type.String(), {
            description: 'Themes where a hidden count leaves it open.',
          }),
        }),
      ),
    }),
  }),
});

const types = {
  json: 'application/json; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  geojson: 'application/geo+json',
};

export const evidenceApi: FastifyPluginAsyncTypebox<WebDeps> = async (app, deps) => {
  // Bounded by size as well as by number: a GeoJSON answer is far larger than a JSON one.
  const answers = new LRUCache<string, string>({
    max: 1_000,
    maxSize: cacheBytes,
    sizeCalculation: (body, key) => 2 * (body.length + key.length),
  });
  app.get(
    '/evidence',
    documented('The evidence map: needs by theme, place and month, small counts hidden', {
      description: `${protection} The same filter always gives the same numbers.`,
      querystring: EvidenceQuery,
      response: {
        200: {
          description:
            'The figures; with format=csv a CSV, with format=geojson a FeatureCollection of quartiers.',
          content: {
            'application/json': { schema: EvidenceSchema },
            'text/csv': { schema: Type.String() },
            'application/geo+json': {
              schema: Type.Object({
                type: Type.Literal('FeatureCollection'),
                features: Type.Array(Type.Any()),
              }),
            },
          },
        },
        400: ErrorSchema,
      },
    }),
    async (request, reply) => {
      const published = await deps.services.evidence.current();
      const { format = 'json', ...input } = request.query;
      const filter = parseFilter(input, published.cube, published.currentMonth);
      const locale = localeOf(request);
      const key = [published.version, format, format === 'json' ? '' : locale, ...Object.values(filter)].join(
        '|',
      );
      let body = answers.get(key);
      if (body === undefined) {
        const figures = readEvidence(published, filter);
        const t = translator(locale);
        body =
          format === 'csv'
            ? evidenceCsv(figures, locale, (commune) => t.t('signals.evidence.place_unknown', { commune }))
            : JSON.stringify(
                format === 'geojson'
                  ? evidenceGeoJson(figures, locale)
                  : evidenceJson(figures, published.builtAt),
              );
        answers.set(key, body);
      }
      if (format === 'csv')
        reply.header(
          'content-disposition',
          `attachment; filename="evidence-${filter.from}-${filter.to}.csv"`,
        );
      return reply.type(types[format]).header('cache-control', 'public, max-age=30').send(body);
    },
  );
};
