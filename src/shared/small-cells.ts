// Statistics about people never show a count under 5 (k-anonymity). Hiding only the small cells is
// not enough when a total is known elsewhere: a column with one hidden cell gives it away by
// subtraction. Tables here share their columns' totals (unmet needs by theme, by commune and by
// month add up to the same totals per kind), so a column with exactly one hidden cell hides its
// next smallest cell too (secondary suppression). Row totals are published nowhere, so rows need
// no such care; that keeps the suppression from spreading across the whole table.

export const smallestShownCount = 5;

/** The table with small counts replaced by null. Zeros are shown: they are nobody. */
export function protectTable(counts: readonly (readonly number[])[]): (number | null)[][] {
  const table: (number | null)[][] = counts.map((row) =>
    row.map((n) => (n > 0 && n < smallestShownCount ? null : n)),
  );
  const width = table[0]?.length ?? 0;
  for (let c = 0; c < width; c++) {
    const column = table.map((row) => row[c]);
    if (column.filter((n) => n === null).length !== 1) continue;
    // The smallest count still shown goes too; a zero only when nothing else is left.
    const shown = column
      .map((n, r) => ({ n, r }))
      .filter((x): x is { n: number; r: number } => x.n !== null)
      .sort((a, b) => (a.n === 0 ? 1 : 0) - (b.n === 0 ? 1 : 0) || a.n - b.n);
    if (shown[0]) table[shown[0].r]![c] = null;
  }
  return table;
}

/** A one-column list, e.g. counts per month, protected the same way. */
export function protectCounts(counts: readonly number[]): (number | null)[] {
  return protectTable(counts.map((n) => [n])).map((row) => row[0]!);
}
