// A bulk change is read a slice of owners at a time, and ends with exactly the documents one read of
// every owner would give.
import { describe, expect, it } from 'vitest';
import type { Executor } from '../../db/client.ts';
import { heapGrowthBoundable, heapGrowthBounded, holdHeapGrowthBound } from '../../shared/heap-growth.ts';
import { SearchIndex } from './engine/search-index.ts';
import { thesaurus } from './engine/thesaurus.ts';
import { otherDoc } from './other-doc.ts';
import { replaceInSlices } from './refresh-slices.ts';
import type { SearchSource } from './search-source.ts';

const doc = (id: string, title: string) =>
  otherDoc({ type: 'question', id, title: { en: title }, text: { en: title }, path: `/questions/${id}` });

function source(titles: Map<string, string>, calls: number[]): SearchSource {
  return {
    name: 'questions',
    documents: async (_db: Executor, owners?: string[]) => {
      calls.push(owners?.length ?? Infinity);
      return (owners ?? [...titles.keys()])
        .filter((id) => titles.has(id))
        .map((id) => doc(id, titles.get(id)!));
    },
  } as unknown as SearchSource;
}

const search = (index: SearchIndex, text: string) =>
  index.search({ text, filters: {}, sort: 'relevance', offset: 0, limit: 1_000 }).hits.map((h) => h.doc.id);

describe('replaceInSlices', () => {
  it('reads at most a slice of owners at once and applies every change', async () => {
    const index = new SearchIndex(thesaurus());
    const titles = new Map(Array.from({ length: 1_050 }, (_, i) => [`q${i}`, `garden ${i}`]));
    const calls: number[] = [];
    await replaceInSlices(index, source(titles, calls), {} as Executor, [...titles.keys()], 250);
    expect(calls).toEqual([250, 250, 250, 250, 50]);
    expect(index.count).toBe(1_050);
    // A second change: some renamed, some gone (no longer read), over several slices.
    for (let i = 0; i < 1_050; i += 3) titles.set(`q${i}`, `kitchen ${i}`);
    for (let i = 1; i < 1_050; i += 3) titles.delete(`q${i}`);
    calls.length = 0;
    await replaceInSlices(
      index,
      source(titles, calls),
      {} as Executor,
      Array.from({ length: 1_050 }, (_, i) => `q${i}`),
      400,
    );
    expect(calls).toEqual([400, 400, 250]);
    expect(index.count).toBe(700);
    expect(search(index, 'kitchen').length).toBe(350);
    expect(search(index, 'garden').length).toBe(350);
  });

  it.skipIf(!heapGrowthBoundable)(
    'bounds the heap growth for an intake of hundreds of owners, not a few',
    async () => {
      const index = new SearchIndex(thesaurus());
      const titles = new Map(Array.from({ length: 300 }, (_, i) => [`q${i}`, `garden ${i}`]));
      const few = [...titles.keys()].slice(0, 20);
      // Released first (a hold of 1 ms), as the process would be once quiet after the test above.
      const release = async () => {
        holdHeapGrowthBound(1)();
        await new Promise((resolve) => setTimeout(resolve, 20));
      };
      await release();
      await replaceInSlices(index, source(titles, []), {} as Executor, few);
      expect(heapGrowthBounded()).toBe(false);
      await replaceInSlices(index, source(titles, []), {} as Executor, [...titles.keys()]);
      expect(heapGrowthBounded()).toBe(true);
      await release();
      // A few owners with thousands of documents: an intake too.
      const many = {
        name: 'questions',
        documents: async () => Array.from({ length: 2_001 }, (_, i) => doc(`m${i}`, `garden ${i}`)),
      } as unknown as SearchSource;
      await replaceInSlices(index, many, {} as Executor, ['a', 'b', 'c']);
      expect(heapGrowthBounded()).toBe(true);
      await release();
      expect(heapGrowthBounded()).toBe(false);
    },
  );
});
