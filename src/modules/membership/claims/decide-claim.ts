// Approving or rejecting a claim: by an admin of the organisation, or by a moderator who does not
// belong to it when it has no admin (membership.policy.ts). Approved, the claimant becomes an admin
// (an admin can change that afterwards). The claimant and the organisation's other admins are told.
// Two deciders at once: the first decides, the second is told it was already decided.
import { AppError } from '../../../shared/errors.ts';
import { findUserById, findUsersByIds } from '../../accounts/index.ts';
import { recordAudit } from '../../audit/index.ts';
import { getOrganisationBrief } from '../../directory/index.ts';
import type { MembershipContext } from '../membership-context.ts';
import { mailPerson } from '../../notifications/index.ts';
import { nameIn } from '../membership-mail.ts';
import { canDecideClaim } from '../membership.policy.ts';
import { decideClaimRow, findClaim, findPendingClaim } from '../membership.repo.ts';
import { isUuid } from '../../../shared/shapes.ts';
import { isModerator, findMembersOf, upsertMembership } from '../../access/index.ts';
import { withdrawOwnVouches } from '../vouching/withdraw-own-vouches.ts';

export async function decideClaim(ctx: MembershipContext, claimId: string, approve: boolean): Promise<void> {
  if (!isUuid(claimId)) throw new AppError('NOT_FOUND');
  await ctx.db.transaction(async (tx) => {
    const claim = await findClaim(tx, claimId, { lock: true });
    // A claim on another organisation is "not found", not "forbidden": ids reveal nothing.
    if (!claim) throw new AppError('NOT_FOUND');
    // Locked: an admin joining or leaving, or another decision, meanwhile changes who may decide.
    const members = await findMembersOf(tx, claim.organisationId, { lock: true });
    const own = members.find((m) => m.userId === ctx.actor.userId);
    const admins = members.filter((m) => m.roles.includes('admin'));
    // A moderator who asked to manage the same listing herself is a party to it.
    const rival = await findPendingClaim(tx, claim.organisationId, ctx.actor.userId);
    if (!canDecideClaim(ctx.actor, claim, own, admins.length > 0, Boolean(rival))) {
      // Who could see the claim learns why; anyone else gets "not found".
      if (claim.userId === ctx.actor.userId) throw new AppError('FORBIDDEN');
      if ((own || rival) && isModerator(ctx.actor) && !admins.length) throw new AppError('OWN_ORGANISATION');
      throw new AppError('NOT_FOUND');
    }
    if (claim.status !== 'pending') throw new AppError('CONFLICT');
    await decideClaimRow(tx, claim.id, {
      status: approve ? 'approved' : 'rejected',
      decidedBy: ctx.actor.userId,
      decidedAt: ctx.now,
    });
    if (approve) {
      await upsertMembership(tx, {
        userId: claim.userId,
        organisationId: claim.organisationId,
        roles: ['admin'],
      });
      await withdrawOwnVouches(tx, ctx, claim.organisationId, claim.userId);
    }
    await recordAudit(tx, {
      event: approve ? 'claim.approved' : 'claim.rejected',
      actorId: ctx.actor.userId,
      actorEmail: ctx.actor.email,
      subjectType: 'organisation',
      subjectId: claim.organisationId,
      ip: ctx.ip,
      details: { claimId: claim.id, claimant: claim.userId },
    });
    const [claimant, org, otherAdmins] = await Promise.all([
      findUserById(tx, claim.userId),
      getOrganisationBrief(tx, claim.organisationId),
      findUsersByIds(
        tx,
        admins.map((a) => a.userId).filter((id) => id !== ctx.actor.userId),
      ),
    ]);
    if (claimant) {
      await mailPerson(tx, ctx.origin, claimant, {
        kind: approve ? 'membership.mail.claim_approved' : 'membership.mail.claim_rejected',
        values: (locale) => ({ organisation: nameIn(org.name, locale) }),
        path: approve ? `/manage/organisations/${org.id}/members` : `/organisations/${org.id}`,
      });
    }
    // The other admins learn who now manages their listing, or that a request was turned down.
    for (const admin of otherAdmins) {
      await mailPerson(tx, ctx.origin, admin, {
        kind: approve ? 'membership.mail.claim_approved_admins' : 'membership.mail.claim_rejected_admins',
        values: (locale) => ({
          organisation: nameIn(org.name, locale),
          person: claimant?.email ?? '',
          decider: ctx.actor.email,
        }),
        path: `/manage/organisations/${org.id}/members`,
      });
    }
  });
  ctx.mailQueued();
}
