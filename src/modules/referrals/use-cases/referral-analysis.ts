// What analysts learn from referrals, never about a person: over the last 12 complete months, flows
// between kinds of organisations and themes, and where help fell short (declined for lack of
// capacity or eligibility, not helped, came back) by theme, commune, quartier and month; and the
// month in progress as totals only. Every table is protected against small counts
// (shared/small-cells.ts); purged referrals count like any other. The page and the CSV export both
// show this one result, so they hide the same cells.
//
// Why complete months, counted as they stood when the month ended: an analyst who looks every day
// would otherwise see a cell go up by one and learn that one referral of that theme, in that
// quartier, just ended "not helped". Figures that change once a month change by a month's worth of
// referrals at once. The month in progress shows only its totals, which tell nothing about where or
// what.
import { sql } from 'drizzle-orm';
import { DateTime } from 'luxon';
import { protectGroupedTable, protectTable, type RowGroup } from '../../../shared/small-cells.ts';
import type { Database } from '../../../db/client.ts';
import { geoReference } from '../../geo/index.ts';
import { referrals } from '../referrals.schema.ts';
import { unmetDeclineReasons, unmetOutcomes } from '../referrals.vocabulary.ts';

/** A protected table: row and column keys, and counts with null where a count is hidden. */
export interface ProtectedTable {
  rows: string[];
  columns: string[];
  cells: (number | null)[][];
}

const unmetKinds = [...unmetDeclineReasons, ...unmetOutcomes] as const;

export interface ReferralAnalysis {
  /** First and last complete month, yyyy-MM: the tables count them as they stood at the end of `to`. */
  from: string;
  to: string;
  /**
   * The month in progress (yyyy-MM), totals only, so far: referrals sent, and those sent this month
   * that already fell short, by kind. One row, protected on its own.
   */
  monthInProgress: { month: string; totals: ProtectedTable };
  /** Sending kind × receiving kind. */
  kindFlows: ProtectedTable;
  /** Theme × receiving kind. */
  themeFlows: ProtectedTable;
  /** Unmet outcomes: theme, commune ("unknown" when not given, "outside") and month × kind of shortfall. */
  unmetByTheme: ProtectedTable;
  unmetByCommune: ProtectedTable;
  /**
   * Unmet outcomes by quartier: "q:<code>" rows, and "n:<nis>" for the commune's referrals without a
   * quartier, so that each commune's rows add up to its row in unmetByCommune; both are protected
   * together, so no hidden cell comes back by subtracting one table from the other.
   */
  unmetByQuartier: ProtectedTable;
  unmetByMonth: ProtectedTable;
}

type Count = { r: string; c: string; n: number };

/** Counts per (row, column) pair into a table over the given row and column keys. */
function countsOf(rows: Count[], columns: readonly string[], keys: string[]): number[][] {
  return keys.map((r) => columns.map((c) => rows.find((x) => x.r === r && x.c === c)?.n ?? 0));
}

function tableOf(rows: Count[], columns: readonly string[], rowKeys?: string[]): ProtectedTable {
  const keys = rowKeys ?? [...new Set(rows.map((x) => x.r))].sort();
  return { rows: keys, columns: [...columns], cells: protectTable(countsOf(rows, columns, keys)) };
}

/**
 * Communes and their quartiers as one table protected as a whole: the communes add up to each
 * column's total, and each commune's quartiers (with "quartier not given") add up to the commune.
 */
function placeTables(rows: { commune: string; quartier: number | null; c: string; n: number }[]) {
  const communeOf = (nis: string) => geoReference().commune(nis);
  const communes = [...new Set(rows.map((x) => x.commune))].sort();
  const children = communes.map((nis) =>
    communeOf(nis)
      ? [
          ...[
            ...new Set(rows.filter((x) => x.commune === nis && x.quartier !== null).map((x) => x.quartier!)),
          ]
            .sort((a, b) => a - b)
            .map((code) => ({ key: `q:${code}`, match: (x: (typeof rows)[number]) => x.quartier === code })),
          { key: `n:${nis}`, match: (x: (typeof rows)[number]) => x.quartier === null },
        ]
      : [],
  );
  const keys = [...communes, ...children.flat().map((k) => k.key)];
  const sum = (match: (x: (typeof rows)[number]) => boolean) =>
    unmetKinds.map((c) => rows.filter((x) => x.c === c && match(x)).reduce((a, x) => a + x.n, 0));
  const counts = [
    ...communes.map((nis) => sum((x) => x.commune === nis)),
    ...communes.flatMap((nis, i) => children[i]!.map((k) => sum((x) => x.commune === nis && k.match(x)))),
  ];
  const groups: RowGroup[] = [{ total: null, members: communes.map((_, i) => i) }];
  let next = communes.length;
  communes.forEach((_, i) => {
    const members = children[i]!.map(() => next++);
    if (members.length) groups.push({ total: i, members });
  });
  const cells = protectGroupedTable(counts, groups);
  // A commune's "quartier not given" row only when it counts, or when one of its zeros is hidden
  // (left out, it would show that zero).
  const quartierRows = keys
    .map((key, i) => ({ key, i }))
    .filter(({ i }) => i >= communes.length)
    .filter(({ i }) => counts[i]!.some((n) => n > 0) || cells[i]!.some((n) => n === null));
  return {
    communes: { rows: communes, columns: [...unmetKinds], cells: cells.slice(0, communes.length) },
    quartiers: {
      rows: quartierRows.map((x) => x.key),
      columns: [...unmetKinds],
      cells: quartierRows.map((x) => cells[x.i]!),
    },
  };
}

export async function analyseReferrals(db: Database, now: Date): Promise<ReferralAnalysis> {
  const thisMonth = DateTime.fromJSDate(now, { zone: 'Europe/Brussels' }).startOf('month');
  const start = thisMonth.minus({ months: 12 });
  const end = thisMonth.toJSDate();
  const months = Array.from({ length: 12 }, (_, i) => start.plus({ months: i }).toFormat('yyyy-MM'));
  const sentBetween = (from: Date, to: Date) =>
    sql`${referrals.status} <> 'draft' and ${referrals.sentAt} >= ${from} and ${referrals.sentAt} < ${to}`;
  const inPeriod = sentBetween(start.toJSDate(), end);
  /** Fell short, by a decision taken before `until`: a later one counts from the next month on. */
  const unmetBy = (until: Date) =>
    sql`(${referrals.declineReason} in ('no_capacity', 'not_eligible') or ${referrals.outcome} in ('not_helped', 'came_back')) and ${referrals.closedAt} < ${until}`;
  const unmet = unmetBy(end);
  const unmetKind = sql`coalesce(${referrals.declineReason}::text, ${referrals.outcome}::text)`;
  const query = async (r: ReturnType<typeof sql>, c: ReturnType<typeof sql>, where: ReturnType<typeof sql>) =>
    (
      await db.execute<Count>(
        sql`select ${r} as r, ${c} as c, count(*)::int as n from ${referrals} where ${where} group by 1, 2`,
      )
    ).rows;

  const inProgress = sentBetween(end, thisMonth.plus({ months: 1 }).toJSDate());
  const [kinds, themes, byTheme, byPlace, byMonth, soFar] = await Promise.all([
    query(sql`${referrals.fromKind}`, sql`${referrals.toKind}`, inPeriod),
    query(sql`${referrals.themeCode}`, sql`${referrals.toKind}`, inPeriod),
    query(sql`${referrals.themeCode}`, unmetKind, sql`${inPeriod} and ${unmet}`),
    db.execute<{ commune: string; quartier: number | null; c: string; n: number }>(
      sql`select coalesce(${referrals.communeNis}, 'unknown') as commune, ${referrals.quartierCode} as quartier,
            ${unmetKind} as c, count(*)::int as n
          from ${referrals} where ${inPeriod} and ${unmet} group by 1, 2, 3`,
    ),
    query(
      sql`to_char(${referrals.sentAt} at time zone 'Europe/Brussels', 'YYYY-MM')`,
      unmetKind,
      sql`${inPeriod} and ${unmet}`,
    ),
    query(sql`'so_far'`, sql`case when ${unmetBy(now)} then ${unmetKind} else 'sent' end`, inProgress),
  ]);
  // Every referral sent so far, and those of them that fell short already.
  const sent = soFar.reduce((a, x) => a + x.n, 0);
  const totals = [...soFar.filter((x) => x.c !== 'sent'), { r: 'so_far', c: 'sent', n: sent }];
  const kindKeys = [...new Set([...kinds.map((x) => x.r), ...kinds.map((x) => x.c)])].sort();
  const places = placeTables(byPlace.rows);
  return {
    from: months[0]!,
    to: months[11]!,
    monthInProgress: {
      month: thisMonth.toFormat('yyyy-MM'),
      totals: tableOf(totals, ['sent', ...unmetKinds], ['so_far']),
    },
    kindFlows: tableOf(kinds, kindKeys, kindKeys),
    themeFlows: tableOf(themes, [...new Set(themes.map((x) => x.c))].sort()),
    unmetByTheme: tableOf(byTheme, unmetKinds),
    unmetByCommune: places.communes,
    unmetByQuartier: places.quartiers,
    unmetByMonth: tableOf(byMonth, unmetKinds, months),
  };
}
