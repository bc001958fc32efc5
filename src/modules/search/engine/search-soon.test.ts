// A search spread over several turns of the event loop (SearchIndex.searchSoon, term-steps.ts)
// gives exactly what the same search in one turn gives, on random documents and queries, also when
// the index changes while it runs; and it does give the event loop turns along the way.
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { otherDoc } from '../other-doc.ts';
import { SearchIndex } from './search-index.ts';
import type { IndexQuery, IndexResult } from './search-types.ts';
import { thesaurus } from './thesaurus.ts';

/** A small deterministic generator (mulberry32). */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const vocabulary = [
  'garden',
  'gardening',
  'kitchen',
  'bicycle',
  'bicycles',
  'library',
  'theatre',
  'market',
  'marketing',
  'harbour',
  'orchard',
  'castle',
  'bakery',
  'forest',
  'meadow',
  'housing',
  'household',
  'language',
  'languages',
  'counselling',
];
const types = ['event', 'room', 'offer', 'practice'] as const;
const communes = ['21001', '21004', '21009'];

function docs(count: number, seed: number, prefix: string) {
  const next = random(seed);
  const pick = () => vocabulary[Math.floor(next() * vocabulary.length)]!;
  const text = (n: number) => Array.from({ length: n }, pick).join(' ');
  return Array.from({ length: count }, (_, i) =>
    otherDoc({
      type: types[Math.floor(next() * types.length)]!,
      id: `${prefix}${i}`,
      title: { en: text(1 + Math.floor(next() * 3)) },
      text: { en: text(3 + Math.floor(next() * 12)) },
      ownerName: { en: text(2) },
      communes: [communes[Math.floor(next() * communes.length)]!],
      path: `/network/events/${prefix}${i}`,
    }),
  );
}

/** What people type: words, typos, half-typed last words, several words, with and without filters. */
function queries(count: number, seed: number): IndexQuery[] {
  const next = random(seed);
  const pick = () => vocabulary[Math.floor(next() * vocabulary.length)]!;
  const typo = (w: string) => {
    const i = 1 + Math.floor(next() * (w.length - 2));
    return w.slice(0, i) + w[i + 1] + w[i] + w.slice(i + 2);
  };
  return Array.from({ length: count }, () => {
    const shape = next();
    const words = Array.from({ length: 1 + Math.floor(next() * 3) }, pick);
    if (shape < 0.25) words[0] = typo(words[0]!);
    else if (shape < 0.5) words[words.length - 1] = words[words.length - 1]!.slice(0, 4);
    const filtered = next() < 0.3;
    return {
      text: next() < 0.05 ? '' : words.join(' '),
      filters: filtered ? { commune: communes[0]! } : {},
      sort: 'relevance' as const,
      offset: Math.floor(next() * 3) * 10,
      limit: 10,
    };
  });
}

/** What a result shows, comparable with toEqual; documents by id (numbers are re-used as vacuums free them). */
const shown = (r: IndexResult, index: SearchIndex) => ({
  total: r.total,
  kept: [...r.kept].map((n) => index.documents[n]!.id),
  hits: r.hits.map((h) => [h.doc.id, h.score, h.terms]),
  facets: Object.fromEntries(Object.entries(r.facets).map(([k, v]) => [k, [...v]])),
  concepts: r.concepts.map((c) => c.concept.id),
  partial: r.partial,
});

const now = DateTime.fromISO('2026-12-02T10:00:00', { zone: 'Europe/Brussels' });

function indexOf(seed: number): SearchIndex {
  const index = new SearchIndex(thesaurus());
  index.replace(docs(3_000, seed, 'd'), undefined, 'events');
  return index;
}

describe('a search spread over turns of the event loop', () => {
  it('gives what the same search in one turn gives, on random documents and queries', async () => {
    const oneTurn = indexOf(1);
    const spread = indexOf(1);
    for (const query of queries(150, 2)) {
      const expected = shown(oneTurn.search(query, now), oneTurn);
      // A slice of no time: the event loop gets a turn after every step.
      expect(shown(await spread.searchSoon(query, now, 0), spread)).toEqual(expected);
    }
  });

  it('starts again when the index changes meanwhile, and gives what one turn gives after the change', async () => {
    const oneTurn = indexOf(3);
    const spread = indexOf(3);
    for (const [i, query] of queries(20, 5)
      .filter((q) => q.text)
      .entries()) {
      const soon = spread.searchSoon(query, now, 0);
      await new Promise((resolve) => setImmediate(resolve));
      // Documents are let go of their analysed text once indexed: each index takes its own copies.
      const some = () => docs(100 + ((37 * i) % 400), 4 + i, 'c');
      spread.replace(some(), undefined, 'events');
      oneTurn.replace(some(), undefined, 'events');
      expect(shown(await soon, spread)).toEqual(shown(oneTurn.search(query, now), oneTurn));
    }
  });

  it('gives the event loop turns while matching a broad query and passing over its matches', async () => {
    const index = indexOf(6);
    let turns = 0;
    let running = true;
    const tick = () => {
      turns++;
      if (running) setImmediate(tick);
    };
    setImmediate(tick);
    await index.searchSoon({ text: 'gard', filters: {}, sort: 'relevance', offset: 0, limit: 10 }, now, 0);
    running = false;
    // Matching, the names' run and the pass each yield: many more turns than the one between them.
    expect(turns).toBeGreaterThan(5);
  });
});
