// What analysts learn from referrals over the last 12 full months, never about a person: flows
// between kinds of organisations and themes, and where help fell short (declined for lack of
// capacity or eligibility, not helped, came back) by theme, commune and month. Every table is
// protected against small counts (shared/small-cells.ts); purged referrals count like any other.
import { sql } from 'drizzle-orm';
import { DateTime } from 'luxon';
import { protectTable } from '../../../shared/small-cells.ts';
import type { Database } from '../../../db/client.ts';
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
  from: string;
  to: string;
  /** Sending kind × receiving kind. */
  kindFlows: ProtectedTable;
  /** Theme × receiving kind. */
  themeFlows: ProtectedTable;
  /** Unmet outcomes: theme, commune ("unknown" when not given) and month × kind of shortfall. */
  unmetByTheme: ProtectedTable;
  unmetByCommune: ProtectedTable;
  unmetByMonth: ProtectedTable;
}

/** Counts per (row, column) pair into a table over the given row and column keys. */
function tableOf(
  rows: { r: string; c: string; n: number }[],
  columns: readonly string[],
  rowKeys?: string[],
): ProtectedTable {
  const keys = rowKeys ?? [...new Set(rows.map((x) => x.r))].sort();
  const counts = keys.map((r) => columns.map((c) => rows.find((x) => x.r === r && x.c === c)?.n ?? 0));
  return { rows: keys, columns: [...columns], cells: protectTable(counts) };
}

export async function analyseReferrals(db: Database, now: Date): Promise<ReferralAnalysis> {
  const end = DateTime.fromJSDate(now, { zone: 'Europe/Brussels' }).startOf('month');
  const start = end.minus({ months: 12 });
  const months = Array.from({ length: 12 }, (_, i) => start.plus({ months: i }).toFormat('yyyy-MM'));
  const inPeriod = sql`${referrals.status} <> 'draft' and ${referrals.sentAt} >= ${start.toJSDate()} and ${referrals.sentAt} < ${end.toJSDate()}`;
  const unmet = sql`(${referrals.declineReason} in ('no_capacity', 'not_eligible') or ${referrals.outcome} in ('not_helped', 'came_back'))`;
  const unmetKind = sql`coalesce(${referrals.declineReason}::text, ${referrals.outcome}::text)`;
  const query = async (r: ReturnType<typeof sql>, c: ReturnType<typeof sql>, where: ReturnType<typeof sql>) =>
    (
      await db.execute<{ r: string; c: string; n: number }>(
        sql`select ${r} as r, ${c} as c, count(*)::int as n from ${referrals} where ${where} group by 1, 2`,
      )
    ).rows;

  const [kinds, themes, byTheme, byCommune, byMonth] = await Promise.all([
    query(sql`${referrals.fromKind}`, sql`${referrals.toKind}`, inPeriod),
    query(sql`${referrals.themeCode}`, sql`${referrals.toKind}`, inPeriod),
    query(sql`${referrals.themeCode}`, unmetKind, sql`${inPeriod} and ${unmet}`),
    query(sql`coalesce(${referrals.communeNis}, 'unknown')`, unmetKind, sql`${inPeriod} and ${unmet}`),
    query(
      sql`to_char(${referrals.sentAt} at time zone 'Europe/Brussels', 'YYYY-MM')`,
      unmetKind,
      sql`${inPeriod} and ${unmet}`,
    ),
  ]);
  const kindKeys = [...new Set([...kinds.map((x) => x.r), ...kinds.map((x) => x.c)])].sort();
  return {
    from: months[0]!,
    to: months[11]!,
    kindFlows: tableOf(kinds, kindKeys, kindKeys),
    themeFlows: tableOf(themes, [...new Set(themes.map((x) => x.c))].sort()),
    unmetByTheme: tableOf(byTheme, unmetKinds),
    unmetByCommune: tableOf(byCommune, unmetKinds),
    unmetByMonth: tableOf(byMonth, unmetKinds, months),
  };
}
