// A composer changes a path's address, title or summary, from the version they saw.
import { AppError, type FieldProblem } from '../../../shared/errors.ts';
import { auditLearning } from '../learning-audit.ts';
import type { LearningContext } from '../learning-context.ts';
import { requireComposerOf } from '../learning.policy.ts';
import { checkDetails, type PathDetails, refuseIf } from './check-path.ts';
import { slugRefused } from './create-path.ts';
import { lockPath, slugTaken, updatePath } from './paths.repo.ts';

export async function editPath(
  ctx: LearningContext,
  pathId: string,
  version: number,
  input: PathDetails,
): Promise<{ id: string }> {
  const problems: FieldProblem[] = [];
  const details = checkDetails(input, problems);
  return ctx.db.transaction(async (tx) => {
    const path = await lockPath(tx, pathId);
    await requireComposerOf(tx, ctx.actor, path);
    if (path.version !== version) throw new AppError('CONFLICT');
    refuseIf(problems);
    if (await slugTaken(tx, details.slug, path.id)) throw slugRefused();
    await updatePath(tx, path.id, details, ctx.now);
    await auditLearning(
      tx,
      ctx,
      'path_edited',
      { type: 'learning_path', id: path.id },
      { slug: details.slug },
    );
    return { id: path.id };
  });
}
