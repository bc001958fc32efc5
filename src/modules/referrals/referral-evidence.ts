// Referrals where help fell short, as anonymous counts for the evidence map (signals module): those
// that ended "not helped" or "came back", and declines for lack of capacity, by theme, place and
// the month they were decided (Brussels time). Only months that are over, as in the analysis
// (use-cases/referral-analysis.ts): a count that moved by one during the month would tell the theme,
// place and outcome of a single referral to anyone who looked before and after.
import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { referrals } from './referrals.schema.ts';

export interface ReferralShortfallCount {
  themeCode: string;
  /** Null when only the quartier was given (its commune is the quartier's). */
  communeNis: string | null;
  quartierCode: number | null;
  /** yyyy-MM */
  month: string;
  count: number;
  /** The sum, modulo 256, of the referrals' keys: a number 0..255 per referral from `keySecret` and its id. */
  keySum: number;
}

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
  const result = await db.execute<{
    theme: string;
    commune: string | null;
    quartier: number | null;
    month: string;
    n: number;
    k: number;
  }>(sql`
    select ${referrals.themeCode} as theme, ${referrals.communeNis} as commune, ${referrals.quartierCode} as quartier,
           ${month} as month, count(*)::int as n,
           (sum(('x' || substr(md5(${keySecret} || ${referrals.id}::text), 1, 2))::bit(8)::int) % 256)::int as k
      from ${referrals}
     where (${referrals.outcome} in ('not_helped', 'came_back')
            or (${referrals.status} = 'declined' and ${referrals.declineReason} = 'no_capacity'))
       and ${referrals.closedAt} < ${before}
       and (${referrals.communeNis} is not null or ${referrals.quartierCode} is not null)
     group by 1, 2, 3, 4`);
  return result.rows.map((r) => ({
    themeCode: r.theme,
    communeNis: r.commune,
    quartierCode: r.quartier,
    month: r.month,
    count: r.n,
    keySum: r.k,
  }));
}
