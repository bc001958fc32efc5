// A document's value ids in one array: each facet's ids read back as given, and equal ids shared.
import { describe, expect, it } from 'vitest';
import { DocValuesTable, facetIds } from './doc-values.ts';

describe('DocValuesTable', () => {
  it('gives each facet its ids back, empty facets included', () => {
    const table = new DocValuesTable();
    const perFacet = [[3], [], [1, 7, 2], [], [65_000], [0, 0]];
    const values = table.make(perFacet);
    expect(perFacet.map((_, k) => [...facetIds(values, k)])).toEqual(perFacet);
    expect(values.length).toBe(perFacet.length + 1 + 7);
  });

  it('shares one array between documents with the same ids, and not with others', () => {
    const table = new DocValuesTable();
    const a = table.make([[1], [2, 3]]);
    expect(table.make([[1], [2, 3]])).toBe(a);
    // The same numbers split otherwise between the facets are other values.
    expect(table.make([[1, 2], [3]])).not.toBe(a);
    expect(table.make([[], [1, 2, 3]])).not.toBe(a);
  });

  it('keeps at most `limit` arrays for sharing, and still gives right ones after', () => {
    const table = new DocValuesTable(10);
    for (let i = 0; i < 25; i++) expect([...facetIds(table.make([[i], [i + 1]]), 1)]).toEqual([i + 1]);
  });
});
