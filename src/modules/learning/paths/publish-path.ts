// A composer publishes a path: everyone can then follow it. Only a path with cards that holds
// together (checked whole once more) is published.
import { AppError } from '../../../shared/errors.ts';
import { auditLearning } from '../learning-audit.ts';
import type { LearningContext } from '../learning-context.ts';
import { requireComposerOf } from '../learning.policy.ts';
import { checkCards } from './check-path.ts';
import { lockPath, updatePath } from './paths.repo.ts';

export function publishPath(ctx: LearningContext, pathId: string): Promise<{ id: string }> {
  return ctx.db.transaction(async (tx) => {
    const path = await lockPath(tx, pathId);
    await requireComposerOf(tx, ctx.actor, path);
    if (!path.cards.length)
      throw new AppError('VALIDATION_FAILED', {
        fields: [{ field: 'cards', message: 'learning_no_cards', code: 'learning_no_cards' }],
      });
    checkCards(path.cards);
    if (path.status !== 'published')
      await updatePath(tx, path.id, { status: 'published', publishedAt: ctx.now }, ctx.now);
    await auditLearning(tx, ctx, 'path_published', { type: 'learning_path', id: path.id });
    return { id: path.id };
  });
}
