// A document's value ids in one array: each facet's ids read back as given, and equal ids shared.
import { describe, expect, it } from 'vitest';
import { type DocValues, DocValuesMemo, DocValuesTable } from './doc-values.ts';

/** The ids of facet `k` of an array laid out as doc-values.ts says. */
const facetIds = (values: DocValues, k: number) => values.subarray(values[k]!, values[k + 1]!);

/** Lays out ids per facet (as FacetDictionary.valuesOf does) and shares the array. */
function make(table: DocValuesTable, perFacet: readonly (readonly number[])[]): DocValues {
  const facets = perFacet.length;
  const values = new Uint16Array(facets + 1 + perFacet.reduce((n, ids) => n + ids.length, 0));
  let at = facets + 1;
  perFacet.forEach((ids, k) => {
    values[k] = at;
    for (const id of ids) values[at++] = id;
  });
  values[facets] = at;
  return table.share(values);
}

describe('DocValuesTable', () => {
  it('gives each facet its ids back, empty facets included', () => {
    const table = new DocValuesTable();
    const perFacet = [[3], [], [1, 7, 2], [], [65_000], [0, 0]];
    const values = make(table, perFacet);
    expect(perFacet.map((_, k) => [...facetIds(values, k)])).toEqual(perFacet);
    expect(values.length).toBe(perFacet.length + 1 + 7);
  });

  it('shares one array between documents with the same ids, and not with others', () => {
    const table = new DocValuesTable();
    const a = make(table, [[1], [2, 3]]);
    expect(make(table, [[1], [2, 3]])).toBe(a);
    // The same numbers split otherwise between the facets are other values.
    expect(make(table, [[1, 2], [3]])).not.toBe(a);
    expect(make(table, [[], [1, 2, 3]])).not.toBe(a);
  });

  it('keeps at most `limit` arrays for sharing, and still gives right ones after', () => {
    const table = new DocValuesTable(10);
    for (let i = 0; i < 25; i++) expect([...facetIds(make(table, [[i], [i + 1]]), 1)]).toEqual([i + 1]);
  });
});

describe('DocValuesMemo', () => {
  it('makes the array once for the same shared lists, and again for any other list or value', () => {
    const memo = new DocValuesMemo();
    let made = 0;
    const make = () => new Uint16Array([made++]);
    const themes = Object.freeze(['a', 'b']);
    const communes = Object.freeze(['21004']);
    const first = memo.of([['service'], themes, communes], make);
    expect(memo.of([['service'], themes, communes], make)).toBe(first);
    expect(made).toBe(1);
    // An equal list that is another object (not shared): made anew, never mistaken for another.
    expect(memo.of([['service'], Object.freeze(['a', 'b']), communes], make)).not.toBe(first);
    expect(memo.of([['event'], themes, communes], make)).not.toBe(first);
    // A list that is not frozen is known by its values, not taken for a shared list's number.
    expect(memo.of([['service'], ['#0'], communes], make)).not.toBe(first);
    expect(made).toBe(4);
  });
});
