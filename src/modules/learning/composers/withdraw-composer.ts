// A moderator withdraws an organisation's permission to compose: its paths stay as they are (a
// moderator may unpublish them), and its members no longer change them.
import { AppError } from '../../../shared/errors.ts';
import { isUuid } from '../../../shared/shapes.ts';
import { auditLearning } from '../learning-audit.ts';
import type { LearningContext } from '../learning-context.ts';
import { requireModerator } from '../learning.policy.ts';
import { deleteComposer } from './composers.repo.ts';

export function withdrawComposer(ctx: LearningContext, organisationId: string): Promise<{ id: string }> {
  requireModerator(ctx.actor);
  if (!isUuid(organisationId)) throw new AppError('NOT_FOUND');
  const id = organisationId.toLowerCase();
  return ctx.db.transaction(async (tx) => {
    if (!(await deleteComposer(tx, id))) throw new AppError('NOT_FOUND');
    await auditLearning(tx, ctx, 'composer_withdrawn', { type: 'organisation', id });
    return { id };
  });
}
