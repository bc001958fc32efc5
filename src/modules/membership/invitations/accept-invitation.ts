// Following the link in an invitation, logged in with the invited address: the person joins the
// organisation with the roles the admin chose.
import { AppError } from '../../../shared/errors.ts';
import { hashToken, isWellFormedToken } from '../../../shared/tokens.ts';
import { recordAudit } from '../../audit/index.ts';
import { type MembershipContext, requireConfirmedAddress } from '../membership-context.ts';
import { findUsableInvitation, markInvitation } from '../membership.repo.ts';
import { findMembersOf, upsertMembership } from '../../access/index.ts';
import { withdrawOwnVouches } from '../vouching/withdraw-own-vouches.ts';

export async function acceptInvitation(ctx: MembershipContext, token: unknown): Promise<string> {
  if (!isWellFormedToken(token)) throw new AppError('TOKEN_INVALID');
  requireConfirmedAddress(ctx.actor);
  return ctx.db.transaction(async (tx) => {
    const invitation = await findUsableInvitation(tx, hashToken(token), ctx.now);
    if (!invitation) throw new AppError('TOKEN_INVALID');
    if (invitation.email !== ctx.actor.email) throw new AppError('INVITATION_OTHER_ADDRESS');
    // Joining waits for any decision on the organisation's members under way (findMembersOf).
    await findMembersOf(tx, invitation.organisationId, { lock: true });
    await upsertMembership(tx, {
      userId: ctx.actor.userId,
      organisationId: invitation.organisationId,
      roles: invitation.roles,
    });
    await withdrawOwnVouches(tx, ctx, invitation.organisationId, ctx.actor.userId);
    await markInvitation(tx, invitation.id, { acceptedAt: ctx.now });
    await recordAudit(tx, {
      event: 'membership.joined',
      actorId: ctx.actor.userId,
      actorEmail: ctx.actor.email,
      subjectType: 'organisation',
      subjectId: invitation.organisationId,
      ip: ctx.ip,
      details: { invitationId: invitation.id, roles: invitation.roles },
    });
    return invitation.organisationId;
  });
}
