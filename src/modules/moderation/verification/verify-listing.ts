// A moderator marks a listing verified (or not), after checking it is who it says. Never for an
// organisation she belongs to or has asked to manage: another moderator decides that. The check is
// here, in moderation, because a pending claim is membership's, which the directory cannot see.
import { AppError } from '../../../shared/errors.ts';
import type { UseCaseContext } from '../../../shared/use-case.ts';
import { canModerate, findMembership } from '../../access/index.ts';
import { auditAction } from '../../audit/index.ts';
import { getOrganisationBrief, setVerification } from '../../directory/index.ts';
import { findPendingClaim } from '../../membership/index.ts';
import { requireModerator } from '../moderation.policy.ts';

export async function verifyListing(
  ctx: UseCaseContext,
  organisationId: string,
  verified: boolean,
): Promise<void> {
  requireModerator(ctx.actor);
  const org = await getOrganisationBrief(ctx.db, organisationId);
  await ctx.db.transaction(async (tx) => {
    const [membership, claim] = [
      await findMembership(tx, ctx.actor.userId, org.id),
      await findPendingClaim(tx, org.id, ctx.actor.userId),
    ];
    if (!canModerate(ctx.actor, membership, Boolean(claim))) throw new AppError('OWN_ORGANISATION');
    await setVerification(tx, org.id, verified, ctx.now);
    await auditAction(tx, ctx, {
      event: verified ? 'organisation.verified' : 'organisation.unverified',
      subjectType: 'organisation',
      subjectId: org.id,
    });
  });
}
