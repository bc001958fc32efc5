// Statistics about people never show a count under 5 (k-anonymity). Hiding only the small cells is
// not enough when a total is known elsewhere: a column with one hidden cell gives it away by
// subtraction, and two hidden cells summing to 2 must both be 1. Tables here share their columns'
// totals (unmet needs by theme, by commune and by month add up to the same totals per kind), so in
// each column the hidden cells must be at least two and together at least 5; while they are not,
// the smallest count still shown is hidden too (secondary suppression). Row totals are published
// nowhere, so rows need no such care, which keeps the suppression from spreading across a table.
// Where a table's rows nest under other rows that show their sum (quartiers under their commune),
// each such group is protected the same way (protectGroupedTable).

export const smallestShownCount = 5;

/**
 * Rows whose counts add up to a known total: the column's total (`total: null`, known from any
 * table that shares the column) or another row of the same table shown as their sum (a commune
 * above its quartiers).
 */
export interface RowGroup {
  total: number | null;
  members: readonly number[];
}

/** The table with small counts replaced by null. Zeros are shown: they are nobody. */
export function protectTable(counts: readonly (readonly number[])[]): (number | null)[][] {
  return protectGroupedTable(counts, [{ total: null, members: counts.map((_, r) => r) }]);
}

/**
 * The same protection for a table whose rows nest (communes, and under each its quartiers and
 * "quartier not given"): in each column and each group, hidden members must be none, or at least two
 * adding up to 5 or more, while the group's total is shown; while it is hidden, at least one member
 * is hidden too, or the members would add up to it. While a group is not safe, its smallest count
 * still shown is hidden; with none left, its total row is. Repeated until every group holds, since
 * hiding a cell in one group can break the group above it.
 */
export function protectGroupedTable(
  counts: readonly (readonly number[])[],
  groups: readonly RowGroup[],
): (number | null)[][] {
  const table: (number | null)[][] = counts.map((row) =>
    row.map((n) => (n > 0 && n < smallestShownCount ? null : n)),
  );
  const width = table[0]?.length ?? 0;
  for (let changed = true; changed;) {
    changed = false;
    for (let c = 0; c < width; c++) {
      for (const group of groups) {
        while (!groupIsSafe(table, counts, group, c)) {
          const next = smallestShown(table, group.members, c);
          if (next !== undefined) table[next]![c] = null;
          else if (group.total !== null && table[group.total]![c] !== null) table[group.total]![c] = null;
          else break;
          changed = true;
        }
      }
    }
  }
  return table;
}

function groupIsSafe(
  table: (number | null)[][],
  counts: readonly (readonly number[])[],
  group: RowGroup,
  c: number,
): boolean {
  const hidden = group.members.filter((r) => table[r]![c] === null);
  const totalHidden = group.total !== null && table[group.total]![c] === null;
  if (totalHidden) return hidden.length > 0 || group.members.length === 0;
  const hiddenSum = hidden.reduce((sum, r) => sum + counts[r]![c]!, 0);
  return !hidden.length || (hidden.length >= 2 && hiddenSum >= smallestShownCount);
}

/** The smallest count still shown among these rows; a zero only when nothing else is left. */
function smallestShown(table: (number | null)[][], rows: readonly number[], c: number): number | undefined {
  return rows
    .map((r) => ({ r, n: table[r]![c] }))
    .filter((x): x is { r: number; n: number } => x.n !== null)
    .sort((a, b) => (a.n === 0 ? 1 : 0) - (b.n === 0 ? 1 : 0) || a.n - b.n)[0]?.r;
}

/** A one-column list, e.g. counts per month, protected the same way. */
export function protectCounts(counts: readonly number[]): (number | null)[] {
  return protectTable(counts.map((n) => [n])).map((row) => row[0]!);
}
