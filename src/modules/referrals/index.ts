// The referrals module's public surface: the only file other modules may import.
export { referralsWeb } from './referrals.web.ts';
export { referralsApi } from './referrals.api.ts';
export { referralBadge } from './referral-badge.web.ts';
export { runReferralDeadlines } from './use-cases/run-referral-deadlines.ts';
export { purgeClosedReferrals } from './use-cases/purge-closed-referrals.ts';
export { rotateEncryptionKey } from './use-cases/rotate-encryption-key.ts';
