// Referrals where help fell short ("not helped", "came back", declined for lack of capacity), from
// the referrals module, as evidence. Only months that are over (see referrals/referral-evidence.ts).
import { DateTime } from 'luxon';
import { countReferralShortfalls } from '../../referrals/index.ts';
import type { EvidenceQuery } from '../evidence-source.ts';

/** The referrals source as of `now`: months before the one in progress. */
export function referralEvidence(now: () => Date): EvidenceQuery {
  return async (db) => {
    const monthStart = DateTime.fromJSDate(now(), { zone: 'Europe/Brussels' }).startOf('month').toJSDate();
    const rows = await countReferralShortfalls(db, monthStart);
    return rows.map((r) => ({
      source: 'referrals',
      themeCode: r.themeCode,
      communeNis: r.communeNis ?? '',
      quartierCode: r.quartierCode,
      month: r.month,
      count: r.count,
    }));
  };
}
