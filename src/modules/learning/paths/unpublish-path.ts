// A composer (or any moderator) takes a path back to draft: learners no longer find it. Their
// progress and the choice counts stay, for when it comes back.
import { auditLearning } from '../learning-audit.ts';
import type { LearningContext } from '../learning-context.ts';
import { requireComposerOf } from '../learning.policy.ts';
import { lockPath, updatePath } from './paths.repo.ts';

export function unpublishPath(ctx: LearningContext, pathId: string): Promise<{ id: string }> {
  return ctx.db.transaction(async (tx) => {
    const path = await lockPath(tx, pathId);
    await requireComposerOf(tx, ctx.actor, path);
    if (path.status !== 'draft') await updatePath(tx, path.id, { status: 'draft' }, ctx.now);
    await auditLearning(tx, ctx, 'path_unpublished', { type: 'learning_path', id: path.id });
    return { id: path.id };
  });
}
