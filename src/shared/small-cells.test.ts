import { describe, expect, it } from 'vitest';
import { protectCounts, protectTable } from './small-cells.ts';

describe('protectTable', () => {
  it('hides every count from 1 to 4 and shows zeros and counts of 5 or more', () => {
    expect(protectTable([[0, 5, 12, 4, 4]])).toEqual([[0, 5, 12, null, null]]);
  });

  it('hides a second cell where one hidden cell could be worked out from a total', () => {
    // Row 0 has one small cell: the next smallest (6) goes too; column 1 then has one hidden
    // cell in row 0, so its next smallest (7) goes as well, and row 1 follows.
    const protectedTable = protectTable([
      [3, 6, 20],
      [9, 7, 30],
    ]);
    for (const line of [...protectedTable, ...[0, 1, 2].map((c) => protectedTable.map((row) => row[c]))])
      expect(line.filter((cell) => cell === null).length).not.toBe(1);
    expect(protectedTable[0]![0]).toBeNull();
    expect(protectedTable[0]![1]).toBeNull();
  });

  it('leaves a table without small counts as it is', () => {
    expect(
      protectTable([
        [5, 6],
        [0, 9],
      ]),
    ).toEqual([
      [5, 6],
      [0, 9],
    ]);
  });

  it('protects a single list so that its total does not give a small count away', () => {
    expect(protectCounts([40, 2, 17, 9])).toEqual([40, null, 17, null]);
    expect(protectCounts([])).toEqual([]);
  });
});
