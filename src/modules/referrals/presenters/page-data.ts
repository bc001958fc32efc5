// What the referral pages receive, named for the views: views import these, never a use case or
// repository (.dependency-cruiser.cjs). The use cases produce them already presented: decrypted,
// in the reader's language, with small counts hidden.
export type { ReferralList } from '../use-cases/list-referrals.ts';
export type { ReferralDetail, TimelineEntry } from '../use-cases/view-referral.ts';
export type { DirectionFigures, ReferralFigures } from '../use-cases/referral-figures.ts';
export type { ProtectedTable, ReferralAnalysis } from '../use-cases/referral-analysis.ts';
export type { ApiTokenRow as ApiTokenView } from '../use-cases/api-tokens.ts';
