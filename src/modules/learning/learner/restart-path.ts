// A learner starts a path (again) at its first card; when they finished it before stays known.
import { AppError } from '../../../shared/errors.ts';
import type { LearnerContext } from '../learning-context.ts';
import type { PathRow } from '../paths/paths.repo.ts';
import { saveProgress } from './progress.repo.ts';
import type { Progress } from './progress.ts';

export async function restartPath(
  ctx: LearnerContext,
  path: PathRow,
  before: Progress | null,
): Promise<Progress> {
  const first = path.cards[0];
  if (!first) throw new AppError('LEARNING_CARD_NOT_FOUND');
  const progress: Progress = { cardKey: first.key, completedAt: before?.completedAt ?? null };
  if (ctx.actor) {
    const { userId } = ctx.actor;
    await ctx.db.transaction((tx) => saveProgress(tx, userId, path.id, progress, ctx.now));
  }
  return progress;
}
