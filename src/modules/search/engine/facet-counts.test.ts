// Facet counts and filters on random documents, against counting straight from the documents: a
// result counts for a facet's value when it passes every filter but that facet's (one array of
// value ids per document, index-parts.ts FacetDictionary, search-run.ts).
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { otherDoc } from '../other-doc.ts';
import { SearchIndex } from './search-index.ts';
import {
  facetValues,
  type IndexedDoc,
  type SearchDoc,
  type SearchFilters,
  valueFacets,
} from './search-types.ts';
import { thesaurus } from './thesaurus.ts';

function random(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1_103_515_245 + 12_345) % 2 ** 31;
    return s / 2 ** 31;
  };
}

const some = <T>(next: () => number, pool: readonly T[], most: number): T[] =>
  pool.filter(() => next() < most / pool.length);

const pools = {
  themes: ['housing', 'housing.search', 'health', 'food', 'work', 'debt', 'youth'],
  communes: ['21001', '21004', '21009', '21012', '21015'],
  quartiers: [1, 2, 3, 40, 41],
  kinds: ['', 'formal', 'self_organisation', 'public'],
  languages: ['nl', 'fr', 'en', 'ar', 'tr'],
  targets: ['youth', 'elderly', 'families'],
  access: ['free', 'no_appointment', 'wheelchair'],
  words: ['advice', 'debt', 'housing', 'meal', 'school', 'legal'],
};

function randomDoc(next: () => number, i: number): SearchDoc {
  const type = (['service', 'organisation', 'event', 'room'] as const)[Math.floor(next() * 4)]!;
  const title = some(next, pools.words, 2).join(' ') || 'help';
  const base = otherDoc({
    type: 'event',
    id: `d${i}`,
    title: { en: title },
    text: { en: `${title} desk` },
    path: `/x/${i}`,
  });
  const start = Math.floor(next() * 10_080);
  return {
    ...base,
    type,
    ownerId: `d${i}`,
    themes: some(next, pools.themes, 3),
    communes: some(next, pools.communes, 2),
    quartiers: some(next, pools.quartiers, 2),
    kind: pools.kinds[Math.floor(next() * pools.kinds.length)]!,
    languages: some(next, pools.languages, 2),
    targetGroups: some(next, pools.targets, 1.5),
    access: some(next, pools.access, 1.5),
    evening: next() < 0.3,
    weekend: next() < 0.3,
    weekly: next() < 0.6 ? [{ start, end: start + 600, validFrom: null, validTo: null }] : [],
  };
}

function randomFilters(next: () => number): SearchFilters {
  const pick = <T>(pool: readonly T[]) => pool[Math.floor(next() * pool.length)]!;
  const filters: SearchFilters = {};
  if (next() < 0.3)
    filters.type = some(next, ['service', 'organisation', 'event', 'room', 'call'] as const, 2);
  if (next() < 0.3) filters.theme = pick(pools.themes);
  if (next() < 0.3) filters.commune = next() < 0.1 ? '99999' : pick(pools.communes);
  if (next() < 0.2) filters.quartier = pick(pools.quartiers);
  if (next() < 0.2) filters.kind = pick(pools.kinds.slice(1));
  if (next() < 0.2) filters.language = pick(pools.languages);
  if (next() < 0.2) filters.target = pick(pools.targets);
  if (next() < 0.3) filters.access = some(next, pools.access, 1.5);
  if (next() < 0.3) filters.open = some(next, ['now', 'evening', 'weekend'] as const, 1.5);
  return filters;
}

describe('facet counts', () => {
  it('equal the counts taken straight from the documents, with any filters', () => {
    const next = random(42);
    const docs = Array.from({ length: 600 }, (_, i) => randomDoc(next, i));
    const index = new SearchIndex(thesaurus());
    index.replace(docs.slice(0, 400), undefined, 'a');
    index.replace(docs.slice(400), undefined, 'b');
    // Some documents replaced: their numbers are used again.
    index.replace([randomDoc(next, 1000)], ['d401'], 'b');
    const held = index.documents.filter((d): d is IndexedDoc => d !== undefined);
    const now = DateTime.fromISO('2026-11-04T10:30:00', { zone: 'Europe/Brussels' });
    for (let round = 0; round < 150; round++) {
      const filters = randomFilters(next);
      const text = next() < 0.5 ? '' : pools.words[Math.floor(next() * pools.words.length)]!;
      const result = index.search({ text, filters, sort: 'relevance', offset: 0, limit: 5 }, now);
      // The documents the words match: all of them without words, else those kept with no filter.
      const matched = new Set(
        text === ''
          ? index.documents.flatMap((doc, n) => (doc ? [n] : []))
          : index.search({ text, filters: {}, sort: 'relevance', offset: 0, limit: 1 }, now).kept,
      );
      const candidates = [...matched].map((n) => ({ n, doc: index.documents[n] }));
      // Which filters each candidate fails, by facet (value facets, then "open").
      const failing = (doc: IndexedDoc, n: number): string[] => {
        const out: string[] = [];
        for (const facet of valueFacets) {
          const value = filters[facet];
          const wanted = Array.isArray(value)
            ? value.map(String)
            : value === undefined
              ? []
              : [String(value)];
          if (!wanted.length) continue;
          const have = (facetValues[facet](doc) as readonly (string | number)[]).map(String);
          const ok =
            facet === 'type' ? wanted.some((w) => have.includes(w)) : wanted.every((w) => have.includes(w));
          if (!ok) out.push(facet);
        }
        if (filters.open?.length) {
          const open =
            (!filters.open.includes('now') || index.isOpen(n, now) === true) &&
            (!filters.open.includes('evening') || doc.evening) &&
            (!filters.open.includes('weekend') || doc.weekend);
          if (!open) out.push('open');
        }
        return out;
      };
      const expected: Record<string, Record<string, number>> = {};
      let total = 0;
      for (const { doc, n } of candidates) {
        const fails = failing(doc!, n);
        if (fails.length === 0) total++;
        if (fails.length > 1) continue;
        for (const facet of valueFacets) {
          if (fails.length && fails[0] !== facet) continue;
          for (const v of facetValues[facet](doc!) as readonly (string | number)[]) {
            const counts = (expected[facet] ??= {});
            counts[String(v)] = (counts[String(v)] ?? 0) + 1;
          }
        }
        if (!fails.length || fails[0] === 'open') {
          const open = index.isOpen(n, now) === true;
          for (const [key, on] of [
            ['now', open],
            ['evening', doc!.evening],
            ['weekend', doc!.weekend],
          ] as const) {
            if (!on) continue;
            const counts = (expected.open ??= {});
            counts[key] = (counts[key] ?? 0) + 1;
          }
        }
      }
      const got = Object.fromEntries(
        Object.entries(result.facets)
          .filter(([, counts]) => counts.size > 0)
          .map(([facet, counts]) => [facet, Object.fromEntries(counts)]),
      );
      expect(result.total).toBe(total);
      expect(new Set(result.kept)).toEqual(
        new Set(candidates.filter(({ doc, n }) => failing(doc!, n).length === 0).map(({ n }) => n)),
      );
      expect(got, JSON.stringify({ text, filters })).toEqual(expected);
      expect(held.length).toBe(index.count);
    }
  });

  it('without facets, gives the same results and counts nothing', () => {
    const next = random(7);
    const index = new SearchIndex(thesaurus());
    index.replace(
      Array.from({ length: 500 }, (_, i) => randomDoc(next, i)),
      undefined,
      'a',
    );
    const now = DateTime.fromISO('2026-11-04T10:30:00', { zone: 'Europe/Brussels' });
    let someFiltered = 0;
    for (let round = 0; round < 100; round++) {
      const filters = randomFilters(next);
      const text = next() < 0.5 ? '' : pools.words[Math.floor(next() * pools.words.length)]!;
      const query = { text, filters, sort: 'relevance' as const, offset: 0, limit: 10 };
      const counted = index.search(query, now);
      const bare = index.search({ ...query, facets: false }, now);
      expect(bare.total).toBe(counted.total);
      expect(bare.hits.map((h) => [h.n, h.score])).toEqual(counted.hits.map((h) => [h.n, h.score]));
      expect(new Set(bare.kept)).toEqual(new Set(counted.kept));
      expect(Object.values(bare.facets).every((counts) => counts.size === 0)).toBe(true);
      if (Object.keys(filters).length && counted.total) someFiltered++;
    }
    // The rounds covered filtered searches with results, where the two passes part ways.
    expect(someFiltered).toBeGreaterThan(20);
  });
});
