// A moderator marks a listing verified (or not), after checking it is who it says. Never for an
// organisation she belongs to: another moderator decides that.
import { AppError } from '../../../shared/errors.ts';
import type { UseCaseContext } from '../../../shared/use-case.ts';
import { canModerate, findMembership, isModerator } from '../../access/index.ts';
import { auditAction } from '../../audit/index.ts';
import { setVerification } from './trust.repo.ts';

export async function verifyListing(
  ctx: UseCaseContext,
  organisationId: string,
  verified: boolean,
): Promise<void> {
  if (!isModerator(ctx.actor)) throw new AppError('NOT_FOUND');
  if (!canModerate(ctx.actor, await findMembership(ctx.db, ctx.actor.userId, organisationId)))
    throw new AppError('OWN_ORGANISATION');
  await ctx.db.transaction(async (tx) => {
    await setVerification(tx, organisationId, verified, ctx.now);
    await auditAction(tx, ctx, {
      event: verified ? 'organisation.verified' : 'organisation.unverified',
      subjectType: 'organisation',
      subjectId: organisationId,
    });
  });
}
