// An admin of a verified organisation vouches, for that organisation, for an informal group it
// knows. Nobody vouches for a group they belong to or have asked to manage: vouching is speaking for
// another group, so it lives here, where claims are known; the vouch itself is the directory's.
import { AppError } from '../../../shared/errors.ts';
import { isUuid } from '../../../shared/shapes.ts';
import type { UseCaseContext } from '../../../shared/use-case.ts';
import { canManageMembers, findMembersOf, findMembership } from '../../access/index.ts';
import { auditAction } from '../../audit/index.ts';
import { vouchFor } from '../../directory/index.ts';
import { findPendingClaim } from '../membership.repo.ts';

export async function vouch(ctx: UseCaseContext, organisationId: string, voucherId: string): Promise<void> {
  if (!isUuid(voucherId) || !isUuid(organisationId)) throw new AppError('FORBIDDEN');
  await ctx.db.transaction(async (tx) => {
    // Only an admin of the vouching organisation speaks for it.
    if (!canManageMembers(await findMembership(tx, ctx.actor.userId, voucherId)))
      throw new AppError('FORBIDDEN');
    // Waits for a claim on the group being decided or an invitation being accepted (findMembersOf);
    // joining later withdraws the vouch (withdraw-own-vouches.ts).
    await findMembersOf(tx, organisationId, { lock: true });
    if (
      (await findMembership(tx, ctx.actor.userId, organisationId)) ||
      (await findPendingClaim(tx, organisationId, ctx.actor.userId))
    )
      throw new AppError('OWN_ORGANISATION');
    await vouchFor(tx, { voucherId, organisationId, userId: ctx.actor.userId });
    await auditAction(tx, ctx, {
      event: 'organisation.vouched',
      subjectType: 'organisation',
      subjectId: organisationId,
      details: { voucherId },
    });
  });
}
