// Statistics about people never show a count under 5 (k-anonymity). Hiding only the small cells is
// not enough when a total is known elsewhere: a column with one hidden cell gives it away by
// subtraction, and two hidden cells summing to 2 must both be 1. Tables here share their columns'
// totals (unmet needs by theme, by commune and by month add up to the same totals per kind), so in
// each column the hidden cells must be at least two and together at least 5; while they are not,
// the smallest count still shown is hidden too (secondary suppression). Row totals are published
// nowhere, so rows need no such care, which keeps the suppression from spreading across a table.

export const smallestShownCount = 5;

/** The table with small counts replaced by null. Zeros are shown: they are nobody. */
export function protectTable(counts: readonly (readonly number[])[]): (number | null)[][] {
  const table: (number | null)[][] = counts.map((row) =>
    row.map((n) => (n > 0 && n < smallestShownCount ? null : n)),
  );
  const width = table[0]?.length ?? 0;
  for (let c = 0; c < width; c++) {
    for (;;) {
      const hidden = table
        .map((row, r) => ({ r, n: counts[r]![c]! }))
        .filter(({ r }) => table[r]![c] === null);
      const hiddenSum = hidden.reduce((sum, h) => sum + h.n, 0);
      const safe = !hidden.length || (hidden.length >= 2 && hiddenSum >= smallestShownCount);
      if (safe) break;
      // The smallest count still shown goes too; a zero only when nothing else is left.
      const next = table
        .map((row, r) => ({ r, n: row[c] }))
        .filter((x): x is { r: number; n: number } => x.n !== null)
        .sort((a, b) => (a.n === 0 ? 1 : 0) - (b.n === 0 ? 1 : 0) || a.n - b.n)[0];
      if (!next) break;
      table[next.r]![c] = null;
    }
  }
  return table;
}

/** A one-column list, e.g. counts per month, protected the same way. */
export function protectCounts(counts: readonly number[]): (number | null)[] {
  return protectTable(counts.map((n) => [n])).map((row) => row[0]!);
}
