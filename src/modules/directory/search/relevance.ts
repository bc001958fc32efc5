// Measures search relevance with a relevance set: for each query, where the first expected result
// appears (reciprocal rank) and how many expected results are in the top 5 (precision at 5). Two
// sets: relevance-set.json on the demo data, and real-relevance-set.json on the real organisations
// of the City of Brussels list imported next to it (expected by name). Used by tests (floors) and by
// the benchmark (the figures).
import { readFileSync } from 'node:fs';
import type { Locale } from '../../../shared/i18n-text.ts';
import type { IndexedDoc } from '../../search/index.ts';
import type { SearchOutcome, SearchParams } from './search.service.ts';

export interface RelevanceQuery {
  id: string;
  locale: Locale;
  query: string;
  filters?: Partial<
    Record<'theme' | 'commune' | 'kind' | 'language' | 'target' | 'access' | 'open' | 'near', string>
  > & {
    radius_km?: number;
  };
  /**
   * "organisationKey/serviceKey" or "organisationKey" (any of its services); in the real set, the
   * organisation's name as the imported file writes it.
   */
  relevant: string[];
  kind: string;
}

export interface QueryScore {
  id: string;
  kind: string;
  reciprocalRank: number;
  precisionAt5: number;
  top: string[];
}

export interface RelevanceReport {
  queries: number;
  mrr: number;
  precisionAt5: number;
  byKind: Record<string, { queries: number; mrr: number }>;
  scores: QueryScore[];
}

export function readRelevanceSet(
  file: 'relevance-set.json' | 'real-relevance-set.json' = 'relevance-set.json',
): RelevanceQuery[] {
  return JSON.parse(readFileSync(new URL(`./${file}`, import.meta.url), 'utf8')) as RelevanceQuery[];
}

/** The relevance query as search parameters. */
export function paramsOf(q: RelevanceQuery): SearchParams {
  const f = q.filters ?? {};
  return {
    q: q.query,
    theme: f.theme,
    commune: f.commune,
    kind: f.kind,
    language: f.language,
    target: f.target,
    access: f.access ? [f.access] : undefined,
    open: f.open ? [f.open as 'evening' | 'weekend'] : undefined,
    near: f.near,
    radius_km: f.radius_km,
    page: 1,
    per_page: 10,
  };
}

/**
 * The documents a search offers, in order: its results, or when the place named in the words has
 * none, the nearest results outside it ("logement Molenbeek": none there; nearest: …).
 */
export function rankedDocs(outcome: SearchOutcome): IndexedDoc[] {
  return (outcome.hits.length ? outcome.hits : outcome.nearest).map((h) => h.doc);
}

/**
 * Scores ranked results against the expected keys. `keyOf` turns a document into its demo keys
 * ("org/service" and "org").
 */
export function scoreRelevance(
  set: RelevanceQuery[],
  results: Map<string, IndexedDoc[]>,
  keyOf: (doc: IndexedDoc) => { service: string | null; organisation: string },
): RelevanceReport {
  const scores: QueryScore[] = set.map((q) => {
    const docs = results.get(q.id) ?? [];
    const matches = (doc: IndexedDoc, expected: string) => {
      const key = keyOf(doc);
      return expected.includes('/') ? expected === key.service : expected === key.organisation;
    };
    const firstHit = docs.findIndex((doc) => q.relevant.some((r) => matches(doc, r)));
    const top5 = docs.slice(0, 5);
    // Each expected result counts once, however many services of an expected organisation appear.
    const found = q.relevant.filter((r) => top5.some((doc) => matches(doc, r))).length;
    return {
      id: q.id,
      kind: q.kind,
      reciprocalRank: firstHit === -1 ? 0 : 1 / (firstHit + 1),
      precisionAt5: found / Math.min(5, q.relevant.length),
      top: top5.map((d) => keyOf(d).service ?? keyOf(d).organisation),
    };
  });
  const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);
  const kinds = [...new Set(scores.map((s) => s.kind))];
  return {
    queries: scores.length,
    mrr: mean(scores.map((s) => s.reciprocalRank)),
    precisionAt5: mean(scores.map((s) => s.precisionAt5)),
    byKind: Object.fromEntries(
      kinds.map((k) => {
        const of = scores.filter((s) => s.kind === k);
        return [k, { queries: of.length, mrr: mean(of.map((s) => s.reciprocalRank)) }];
      }),
    ),
    scores,
  };
}
