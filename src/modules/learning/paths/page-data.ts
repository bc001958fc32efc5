// What the learning pages are given: a path as it is stored (its texts, state and cards), and a
// published one as the list shows it.
import type { I18nText } from '../../../shared/i18n-text.ts';
import type { learningPaths } from '../learning.schema.ts';

export type PathRow = typeof learningPaths.$inferSelect;

/** A published path as the list shows it: no cards, only how many. */
export interface PathSummary {
  id: string;
  slug: string;
  title: I18nText;
  summary: I18nText;
  isDemo: boolean;
  cardCount: number;
}
