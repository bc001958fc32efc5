// Statistics about people never show a count under 5 (k-anonymity). Hiding only the small cells is
// not enough when totals are known elsewhere: a row with one hidden cell gives it away by
// subtraction. So a row or column with exactly one hidden cell hides its next smallest cell too
// (secondary suppression), until no line has a lone hidden cell.

export const smallestShownCount = 5;

/** The table with small counts replaced by null. Zeros are shown: they are nobody. */
export function protectTable(counts: readonly (readonly number[])[]): (number | null)[][] {
  const table: (number | null)[][] = counts.map((row) =>
    row.map((n) => (n > 0 && n < smallestShownCount ? null : n)),
  );
  const lines = (): { cells: [number, number][] }[] => {
    const rows = table.map((row, r) => ({ cells: row.map((_, c) => [r, c] as [number, number]) }));
    const width = table[0]?.length ?? 0;
    const columns = Array.from({ length: width }, (_, c) => ({
      cells: table.map((_, r) => [r, c] as [number, number]),
    }));
    return [...rows, ...columns];
  };
  let changed = true;
  while (changed) {
    changed = false;
    for (const line of lines()) {
      const hidden = line.cells.filter(([r, c]) => table[r]![c] === null);
      if (hidden.length !== 1) continue;
      const shown = line.cells
        .filter(([r, c]) => table[r]![c] !== null)
        .sort(([r1, c1], [r2, c2]) => table[r1]![c1]! - table[r2]![c2]!);
      const next = shown.find(([r, c]) => table[r]![c]! > 0) ?? shown[0];
      if (!next) continue;
      table[next[0]]![next[1]] = null;
      changed = true;
    }
  }
  return table;
}

/** A one-column list, e.g. counts per month, protected the same way. */
export function protectCounts(counts: readonly number[]): (number | null)[] {
  return protectTable(counts.map((n) => [n])).map((row) => row[0]!);
}
