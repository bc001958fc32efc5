// A moderator undoes one change of a listing (rollback.repo.ts says how); the rollback is itself a
// version, and an entry in the audit log.
import { AppError } from '../../../../shared/errors.ts';
import type { UseCaseContext } from '../../../../shared/use-case.ts';
import { auditAction } from '../../../audit/index.ts';
import { isModerator } from '../../../access/index.ts';
import { findVersion } from '../listing-versions.ts';
import { restoreVersion } from './rollback.repo.ts';

export async function rollBackVersion(
  ctx: UseCaseContext,
  versionId: number,
): Promise<{ organisationId: string }> {
  if (!isModerator(ctx.actor) || !Number.isSafeInteger(versionId) || !(await findVersion(ctx.db, versionId)))
    throw new AppError('NOT_FOUND');
  return ctx.db.transaction(async (tx) => {
    const result = await restoreVersion(tx, versionId, ctx.actor.userId);
    await auditAction(tx, ctx, {
      event: 'listing.rolled_back',
      subjectType: 'organisation',
      subjectId: result.organisationId,
      details: { versionId },
    });
    return result;
  });
}
