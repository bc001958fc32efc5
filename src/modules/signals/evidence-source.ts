// What each source of evidence (need signals, survey answers, referral outcomes) hands the evidence
// cube: raw counts at the finest grain, before any protection. Nothing here is ever published as
// is; the cube hides small cells and moves the others a little first (evidence/).
import type { Executor } from '../../db/client.ts';

export const evidenceSources = ['signals', 'surveys', 'referrals'] as const;
export type EvidenceSource = (typeof evidenceSources)[number];

/** The theme code of a row that counts each record once, whatever themes it names ("all themes"). */
export const allThemesCode = '*';

/** How many signals, answers or referrals named one theme (or any: `allThemesCode`) in one place in one month. */
export interface EvidenceCount {
  source: EvidenceSource;
  /** A theme or sub-theme code of the taxonomy, as stored (the cube folds sub-themes into themes), or "*". */
  themeCode: string;
  communeNis: string;
  /** Null when only the commune is known. */
  quartierCode: number | null;
  /** yyyy-MM, in Brussels time. */
  month: string;
  count: number;
  /** The sum of the counted records' keys (`recordKey`, db/record-key.ts), modulo 256: the seed of the cell's noise, never published. */
  keySum: number;
}

/** A source: its counts, each record keyed with `keySecret` (see `recordKey`). */
export type EvidenceQuery = (db: Executor, keySecret: string) => Promise<EvidenceCount[]>;

/**
 * The "all themes" rows of a source whose records name exactly one theme each (survey answers,
 * referrals): the sum of its theme rows per place and month. (Signals name up to three themes and
 * count their records in PostgreSQL, signal-evidence.ts.)
 */
export function withAllThemes(rows: readonly EvidenceCount[]): EvidenceCount[] {
  const all = new Map<string, EvidenceCount>();
  for (const r of rows) {
    if (r.themeCode === allThemesCode) continue;
    const key = `${r.source}|${r.communeNis}|${r.quartierCode ?? ''}|${r.month}`;
    const sum = all.get(key);
    if (sum) {
      sum.count += r.count;
      sum.keySum = (sum.keySum + r.keySum) % 256;
    } else all.set(key, { ...r, themeCode: allThemesCode });
  }
  return [...rows, ...all.values()];
}
