// Referrals where help fell short, as anonymous counts for the evidence map (signals module): those
// that ended "not helped" or "came back", and declines for lack of capacity, by theme, place and
// the month they were decided (Brussels time). Only months that are over, as in the analysis
// (use-cases/referral-analysis.ts): a count that moved by one during the month would tell the theme,
// place and outcome of a single referral to anyone who looked before and after.
import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { recordKey } from '../../db/record-key.ts';
import { referrals } from './referrals.schema.ts';

// A type rather than an interface: the rows `db.execute` gives must be records.
export type ReferralShortfallCount = {
  themeCode: string;
  /** Null when only the quartier was given (its commune is the quartier's). */
  communeNis: string | null;
  quartierCode: number | null;
  /** yyyy-MM */
  month: string;
  count: number;
  /** The sum, modulo 256, of the referrals' keys: a number 0..255 per referral from `keySecret` and its id. */
  keySum: number;
};

/**
 * Counts of referrals that fell short, decided before `before` (the start of the month in progress).
 * Each referral's key is computed here, in PostgreSQL, so that only sums of keys leave the database
 * (the evidence map's noise, signals/evidence/perturbation.ts).
 */
export async function countReferralShortfalls(
  db: Executor,
  before: Date,
  keySecret: string,
): Promise<ReferralShortfallCount[]> {
  const month = sql`to_char(${referrals.closedAt} at time zone 'Europe/Brussels', 'YYYY-MM')`;
  const result = await db.execute<ReferralShortfallCount>(sql`
    select ${referrals.themeCode} as "themeCode", ${referrals.communeNis} as "communeNis",
           ${referrals.quartierCode} as "quartierCode", ${month} as month, count(*)::int as count,
           (sum(${recordKey(keySecret, referrals.id)}) % 256)::int as "keySum"
      from ${referrals}
     where (${referrals.outcome} in ('not_helped', 'came_back')
            or (${referrals.status} = 'declined' and ${referrals.declineReason} = 'no_capacity'))
       and ${referrals.closedAt} < ${before}
       and (${referrals.communeNis} is not null or ${referrals.quartierCode} is not null)
     group by 1, 2, 3, 4`);
  return result.rows;
}
