// Referrals where help fell short ("not helped", "came back", declined for lack of capacity), from
// the referrals module, as evidence. Only months that are over (see referrals/referral-evidence.ts).
// A referral has one theme: its "all themes" rows are the sums of its theme rows.
import { DateTime } from 'luxon';
import { countReferralShortfalls } from '../../referrals/index.ts';
import { type EvidenceQuery, withAllThemes } from '../evidence-source.ts';

/** The referrals source as of `now`: months before the one in progress. */
export function referralEvidence(now: () => Date): EvidenceQuery {
  return async (db, keySecret) => {
    const monthStart = DateTime.fromJSDate(now(), { zone: 'Europe/Brussels' }).startOf('month').toJSDate();
    const rows = await countReferralShortfalls(db, monthStart, keySecret);
    return withAllThemes(
      rows.map((r) => ({
        source: 'referrals',
        themeCode: r.themeCode,
        communeNis: r.communeNis ?? '',
        quartierCode: r.quartierCode,
        month: r.month,
        count: r.count,
        keySum: r.keySum,
      })),
    );
  };
}
