// The referrals module's public surface: the only file other modules may import.
// Its routes and jobs are in module.ts.
/** Referrals where help fell short, as anonymous counts by theme, place and month, for the evidence map. */
export { countReferralShortfalls, type ReferralShortfallCount } from './referral-evidence.ts';
