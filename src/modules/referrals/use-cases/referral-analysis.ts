// What analysts learn from referrals, never about a person: over the last 12 complete months, flows
// between kinds of organisations and themes, and where help fell short (declined for lack of
// capacity or eligibility, not helped, came back) by theme, commune, quartier and month; and the
// number sent in the month in progress. Every table is protected against small counts
// (shared/small-cells.ts); purged referrals count like any other. The page and the CSV export both
// show this one result, so they hide the same cells.
//
// Why complete months: an analyst who looks every day would otherwise see a cell go up by one and
// learn that one referral of that theme, in that quartier, just ended "not helped". Decisions count
// in the month they were taken and referrals in the month they were sent, so a complete month's
// figures never change afterwards; the twelve-month tables change once a month, by a month's worth
// at once. The month in progress shows only how many were sent so far: it says nothing of where,
// what, or how it ended.
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
  /**
   * First and last complete month, yyyy-MM. Flows count referrals sent in them; where help fell
   * short counts decisions taken in them.
   */
  from: string;
  to: string;
  /**
   * The month in progress (yyyy-MM): only how many referrals were sent so far, one cell protected
   * on its own. When or what was decided shows once the month is over.
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
  // Where help fell short counts in the month it was decided: a month's figures never change later.
  const unmet = sql`(${referrals.declineReason} in ('no_capacity', 'not_eligible') or ${referrals.outcome} in ('not_helped', 'came_back'))
    and ${referrals.closedAt} >= ${start.toJSDate()} and ${referrals.closedAt} < ${end}`;
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
    query(sql`${referrals.themeCode}`, unmetKind, unmet),
    db.execute<{ commune: string; quartier: number | null; c: string; n: number }>(
      sql`select coalesce(${referrals.communeNis}, 'unknown') as commune, ${referrals.quartierCode} as quartier,
            ${unmetKind} as c, count(*)::int as n
          from ${referrals} where ${unmet} group by 1, 2, 3`,
    ),
    query(sql`to_char(${referrals.closedAt} at time zone 'Europe/Brussels', 'YYYY-MM')`, unmetKind, unmet),
    query(sql`'so_far'`, sql`'sent'`, inProgress),
  ]);
  const kindKeys = [...new Set([...kinds.map((x) => x.r), ...kinds.map((x) => x.c)])].sort();
  const places = placeTables(byPlace.rows);
  return {
    from: months[0]!,
    to: months[11]!,
    monthInProgress: {
      month: thisMonth.toFormat('yyyy-MM'),
      totals: tableOf(soFar, ['sent'], ['so_far']),
    },
    kindFlows: tableOf(kinds, kindKeys, kindKeys),
    themeFlows: tableOf(themes, [...new Set(themes.map((x) => x.c))].sort()),
    unmetByTheme: tableOf(byTheme, unmetKinds),
    unmetByCommune: places.communes,
    unmetByQuartier: places.quartiers,
    unmetByMonth: tableOf(byMonth, unmetKinds, months),
  };
}
