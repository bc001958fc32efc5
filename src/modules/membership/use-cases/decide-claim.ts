// Approving or rejecting a claim: by an admin of the organisation or a moderator. Approved, the
// claimant becomes an admin (an admin can change that afterwards). Two deciders at once: the
// first decides, the second is told it was already decided.
import { AppError } from '../../../shared/errors.ts';
import { findUserById } from '../../accounts/index.ts';
import { recordAudit } from '../../audit/index.ts';
import { getOrganisationBrief } from '../../directory/index.ts';
import type { MembershipContext } from '../membership-context.ts';
import { mailPerson } from '../../notifications/index.ts';
import { nameIn } from '../membership-mail.ts';
import { canManageMembers, isModerator } from '../membership.policy.ts';
import { decideClaimRow, findClaim, findMembership, upsertMembership } from '../membership.repo.ts';
import { isUuid } from '../../../shared/shapes.ts';

export async function decideClaim(ctx: MembershipContext, claimId: string, approve: boolean): Promise<void> {
  if (!isUuid(claimId)) throw new AppError('NOT_FOUND');
  await ctx.db.transaction(async (tx) => {
    const claim = await findClaim(tx, claimId, { lock: true });
    // A claim on another organisation is "not found", not "forbidden": ids reveal nothing.
    if (!claim) throw new AppError('NOT_FOUND');
    const own = await findMembership(tx, ctx.actor.userId, claim.organisationId);
    if (!canManageMembers(own) && !isModerator(ctx.actor)) throw new AppError('NOT_FOUND');
    if (claim.status !== 'pending') throw new AppError('CONFLICT');
    await decideClaimRow(tx, claim.id, {
      status: approve ? 'approved' : 'rejected',
      decidedBy: ctx.actor.userId,
      decidedAt: ctx.now,
    });
    if (approve)
      await upsertMembership(tx, {
        userId: claim.userId,
        organisationId: claim.organisationId,
        roles: ['admin'],
      });
    await recordAudit(tx, {
      event: approve ? 'claim.approved' : 'claim.rejected',
      actorId: ctx.actor.userId,
      actorEmail: ctx.actor.email,
      subjectType: 'organisation',
      subjectId: claim.organisationId,
      ip: ctx.ip,
      details: { claimId: claim.id, claimant: claim.userId },
    });
    const [claimant, org] = await Promise.all([
      findUserById(tx, claim.userId),
      getOrganisationBrief(tx, claim.organisationId),
    ]);
    if (claimant) {
      await mailPerson(tx, ctx.origin, claimant, {
        kind: approve ? 'claim_approved' : 'claim_rejected',
        values: (locale) => ({ organisation: nameIn(org.name, locale) }),
        path: approve ? `/manage/organisations/${org.id}/members` : `/organisations/${org.id}`,
      });
    }
  });
  ctx.mailQueued();
}
