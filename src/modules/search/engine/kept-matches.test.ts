// The word matches a search index keeps between queries stay within their budget in bytes, however
// broad and many the queries, and go as soon as the index changes.
import { describe, expect, it } from 'vitest';
import { collectGarbage } from '../../../shared/collect-garbage.ts';
import { otherDoc } from '../other-doc.ts';
import { keptMatchesBytes, SearchIndex } from './search-index.ts';
import { thesaurus } from './thesaurus.ts';

const words = [
  'garden',
  'kitchen',
  'bicycle',
  'library',
  'theatre',
  'market',
  'harbour',
  'orchard',
  'castle',
  'bakery',
  'forest',
  'meadow',
];
const docs = (count: number, prefix: string) =>
  Array.from({ length: count }, (_, i) =>
    otherDoc({
      type: 'event',
      id: `${prefix}${i}`,
      title: { en: `${words[i % words.length]} evening ${i}` },
      text: { en: words.join(' ') },
      path: `/network/events/${prefix}${i}`,
    }),
  );
const query = (text: string) => ({
  text,
  filters: {},
  sort: 'relevance' as const,
  offset: 0,
  limit: 10,
});

describe('the kept word matches', () => {
  it('never hold more bytes than their budget, and answer the same from it', () => {
    const budget = 200_000;
    const index = new SearchIndex(thesaurus(), budget);
    index.replace(docs(3_000, 'e'), undefined, 'events');
    const queries = words.flatMap((a) => words.filter((b) => b !== a).map((b) => `${a} ${b}`));
    let largest = 0;
    for (const text of queries) {
      const first = index.search(query(text));
      expect(first.total).toBe(3_000);
      expect(index.keptMatchesSize).toBeLessThanOrEqual(budget);
      largest = Math.max(largest, index.keptMatchesSize);
      const again = index.search(query(text));
      expect(again.hits.map((h) => h.doc.id)).toEqual(first.hits.map((h) => h.doc.id));
    }
    // Some were kept: the budget bounds the cache, it does not turn it off.
    expect(largest).toBeGreaterThan(0);
  });

  it('go when the index changes', () => {
    const index = new SearchIndex(thesaurus());
    index.replace(docs(100, 'e'), undefined, 'events');
    index.search(query('garden'));
    expect(index.keptMatchesSize).toBeGreaterThan(0);
    index.replace(docs(50, 'f'), undefined, 'events');
    expect(index.keptMatchesSize).toBe(0);
    expect(index.search(query('garden')).total).toBe(50);
  });

  it('have a budget of a few tens of megabytes by default', () => {
    expect(keptMatchesBytes).toBeLessThanOrEqual(64 * 2 ** 20);
  });

  it('are not held by the hits a caller keeps, which give their descriptions all the same', async () => {
    // Nothing kept by the index itself: what stays in memory is what the hits hold.
    const index = new SearchIndex(thesaurus(), 1);
    index.replace(docs(3_000, 'e'), undefined, 'events');
    const queries = words.flatMap((a) => words.filter((b) => b !== a).map((b) => `${a} ${b}`));
    index.search(query(queries[0]!));
    await new Promise((resolve) => setImmediate(resolve));
    collectGarbage();
    const before = process.memoryUsage().arrayBuffers;
    const kept = queries.map((text) => index.search(query(text)).hits);
    await new Promise((resolve) => setImmediate(resolve));
    collectGarbage();
    // Each query matched all 3,000 documents: their numbers and scores are 36 KB a query, 4.6 MB in
    // all, when a hit's description kept the search's scope (and the matches in it) alive.
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(1_000_000);
    expect(kept).toHaveLength(queries.length);
    expect(
      kept.every((hits) => hits.length === 10 && hits.every((h) => h.description.en === words.join(' '))),
    ).toBe(true);
  });
});
