// What each source of evidence (need signals, survey answers, referral outcomes) hands the evidence
// cube: raw counts at the finest grain, before any suppression. Nothing here is ever published as
// is; the cube suppresses small cells first (evidence/).
import type { Executor } from '../../db/client.ts';

export const evidenceSources = ['signals', 'surveys', 'referrals'] as const;
export type EvidenceSource = (typeof evidenceSources)[number];

/** How many signals, answers or referrals named one theme in one place in one month. */
export interface EvidenceCount {
  source: EvidenceSource;
  /** A theme or sub-theme code of the taxonomy, as stored; the cube folds sub-themes into themes. */
  themeCode: string;
  communeNis: string;
  /** Null when only the commune is known. */
  quartierCode: number | null;
  /** yyyy-MM, in Brussels time. */
  month: string;
  count: number;
}

export type EvidenceQuery = (db: Executor) => Promise<EvidenceCount[]>;
