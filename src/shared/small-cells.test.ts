import { describe, expect, it } from 'vitest';
import { protectCounts, protectGroupedTable, protectTable } from './small-cells.ts';

describe('protectTable', () => {
  it('hides every count from 1 to 4 and shows zeros and counts of 5 or more', () => {
    expect(protectTable([[0, 5, 12, 4, 40]])).toEqual([[0, 5, 12, null, 40]]);
  });

  it('hides a second cell in a column whose one hidden cell could be worked out from its total', () => {
    expect(
      protectTable([
        [3, 6, 20],
        [9, 7, 30],
        [12, 0, 2],
      ]),
    ).toEqual([
      [null, 6, null],
      [null, 7, 30],
      [12, 0, null],
    ]);
  });

  it('leaves columns whose hidden cells are two or more and add up to 5 or more, or none, as they are', () => {
    expect(
      protectTable([
        [2, 6],
        [3, 9],
        [8, 0],
      ]),
    ).toEqual([
      [null, 6],
      [null, 9],
      [8, 0],
    ]);
  });

  it('hides more when the hidden cells add up to less than 5, so they cannot be pinned down', () => {
    // 1 and 1 hidden, with a total of 42 known: both must be 1. The 40 goes too.
    expect(protectTable([[1], [1], [40]])).toEqual([[null], [null], [null]]);
    expect(protectTable([[1], [2], [7], [30]])).toEqual([[null], [null], [null], [30]]);
  });

  it('hides a zero as the partner when nothing else is left in the column', () => {
    expect(protectTable([[2], [0]])).toEqual([[null], [null]]);
  });

  it('protects a single list so that its total does not give a small count away', () => {
    expect(protectCounts([40, 2, 17, 9])).toEqual([40, null, 17, null]);
    expect(protectCounts([])).toEqual([]);
  });
});

describe('protectGroupedTable', () => {
  // Rows: commune X, then its quartiers A and B (X = A + B), all in one column.
  const nested = [
    { total: null, members: [0] },
    { total: 0, members: [1, 2] },
  ];

  it('hides a second quartier when one hidden quartier could be worked out from its commune', () => {
    expect(protectGroupedTable([[7], [5], [2]], nested)).toEqual([[7], [null], [null]]);
  });

  it('leaves a commune and its quartiers alone when nothing can be worked out', () => {
    expect(protectGroupedTable([[12], [5], [7]], nested)).toEqual([[12], [5], [7]]);
  });

  it('hides a quartier when the quartiers would add up to a commune hidden as a partner', () => {
    // Communes X = 6 and Y = 3: Y is small, so X goes with it; X's only quartier A (6) would give
    // X back, so A goes too. "Not given" in X is 0 and stays.
    const rows = [[6], [3], [6], [0]];
    const groups = [
      { total: null, members: [0, 1] },
      { total: 0, members: [2, 3] },
    ];
    expect(protectGroupedTable(rows, groups)).toEqual([[null], [null], [null], [0]]);
  });

  it('is protectTable when the only group is the whole column', () => {
    const counts = [
      [3, 6, 20],
      [9, 7, 30],
      [12, 0, 2],
    ];
    expect(protectGroupedTable(counts, [{ total: null, members: [0, 1, 2] }])).toEqual(protectTable(counts));
  });
});
