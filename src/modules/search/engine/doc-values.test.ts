// Documents' value ids in one store: each facet's ids read back as given, after removals and the
// compactions they lead to.
import { describe, expect, it } from 'vitest';
import { DocValuesStore } from './doc-values.ts';
import { FacetDictionary } from './index-parts.ts';
import { type SearchDoc, valueFacets } from './search-types.ts';

/** Lays out ids per facet as FacetDictionary.valuesOf does. */
function record(perFacet: readonly (readonly number[])[]): Uint16Array {
  const facets = perFacet.length;
  const values = new Uint16Array(facets + 1 + perFacet.reduce((n, ids) => n + ids.length, 0));
  let at = facets + 1;
  perFacet.forEach((ids, k) => {
    values[k] = at;
    for (const id of ids) values[at++] = id;
  });
  values[facets] = at;
  return values;
}

const idsOf = (store: DocValuesStore, n: number, facets: number) =>
  Array.from({ length: facets }, (_, k) => store.idsOf(n, k));

describe('DocValuesStore', () => {
  it('gives each facet its ids back, empty facets included', () => {
    const store = new DocValuesStore(6);
    const perFacet = [[3], [], [1, 7, 2], [], [65_000], [0, 0]];
    store.set(4, record(perFacet));
    expect(idsOf(store, 4, 6)).toEqual(perFacet);
    expect(store.start[0]).toBe(-1);
    expect(idsOf(store, 0, 6)).toEqual([[], [], [], [], [], []]);
  });

  it('forgets a removed document, replaces a changed one, and keeps every other through compactions', () => {
    const store = new DocValuesStore(2);
    const expected = new Map<number, number[][]>();
    for (let round = 0; round < 40; round++) {
      for (let n = 0; n < 300; n++) {
        if ((n + round) % 3 === 0) {
          store.delete(n);
          expected.delete(n);
        } else {
          const ids = [[round], Array.from({ length: (n + round) % 5 }, (_, i) => n + i)];
          store.set(n, record(ids));
          expected.set(n, ids);
        }
      }
    }
    for (let n = 0; n < 300; n++) expect(idsOf(store, n, 2)).toEqual(expected.get(n) ?? [[], []]);
    // Removed records do not pile up: the array stays within a few times what is live.
    const live = [...expected.values()].reduce((sum, ids) => sum + 3 + ids.flat().length, 0);
    expect(store.data.length).toBeLessThanOrEqual(Math.max(4096, 4 * live));
  });
});

describe('FacetDictionary.valuesOf', () => {
  it('refuses a record longer than its Uint16 starts can say, rather than corrupting the store', () => {
    const dictionary = new FacetDictionary();
    const lists = valueFacets.map((_, k) =>
      k === 0 ? Array.from({ length: 70_000 }, (_, i) => i % 50) : [],
    );
    expect(() => dictionary.valuesOf({} as SearchDoc, lists)).toThrow(/facet values/);
    const fine = dictionary.valuesOf(
      {} as SearchDoc,
      valueFacets.map(() => ['a']),
    );
    expect(fine[valueFacets.length]).toBe(fine.length);
  });
});
