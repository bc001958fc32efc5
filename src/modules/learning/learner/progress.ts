// Where a learner is in a path: the card to go on with (null once finished) and when they last
// finished it. Kept on the account when signed in (learning_progress), else in a signed cookie of
// the browser (learner/progress-cookie.ts): the platform keeps no record of a visitor.
import type { Card } from '../paths/cards.ts';

export interface Progress {
  cardKey: string | null;
  completedAt: Date | null;
}

export const noProgress: Progress = { cardKey: null, completedAt: null };

export type ProgressState =
  | { kind: 'new' }
  | { kind: 'at'; index: number }
  | { kind: 'finished'; completedAt: Date }
  /** The card they were at is no longer in the path (it changed since): they start again. */
  | { kind: 'changed' };

export function progressState(progress: Progress | null, cards: readonly Card[]): ProgressState {
  if (!progress) return { kind: 'new' };
  if (progress.cardKey) {
    const index = cards.findIndex((c) => c.key === progress.cardKey);
    return index < 0 ? { kind: 'changed' } : { kind: 'at', index };
  }
  return progress.completedAt ? { kind: 'finished', completedAt: progress.completedAt } : { kind: 'new' };
}
