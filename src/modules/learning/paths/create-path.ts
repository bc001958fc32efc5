// A moderator, or an admin or editor of an allowed organisation, starts a path: its address, its
// title and summary in nl, fr and en. It starts as a draft without cards; cards are added one by one.
import { AppError, type FieldProblem } from '../../../shared/errors.ts';
import { auditLearning } from '../learning-audit.ts';
import type { LearningContext } from '../learning-context.ts';
import { composingFor } from '../learning.policy.ts';
import { checkDetails, type PathDetails, refuseIf } from './check-path.ts';
import { insertPath, slugTaken } from './paths.repo.ts';

export async function createPath(
  ctx: LearningContext,
  input: PathDetails & { organisationId?: string },
): Promise<{ id: string }> {
  const problems: FieldProblem[] = [];
  const details = checkDetails(input, problems);
  const organisationId = await composingFor(ctx.db, ctx.actor, input.organisationId);
  refuseIf(problems);
  return ctx.db.transaction(async (tx) => {
    if (await slugTaken(tx, details.slug)) throw slugRefused();
    const id = await insertPath(tx, {
      ...details,
      organisationId,
      createdBy: ctx.actor.userId,
      now: ctx.now,
    });
    await auditLearning(tx, ctx, 'path_created', { type: 'learning_path', id }, { slug: details.slug });
    return { id };
  });
}

export const slugRefused = () =>
  new AppError('VALIDATION_FAILED', {
    fields: [{ field: 'slug', message: 'learning_slug_taken', code: 'learning_slug_taken' }],
  });
