// An admin of a verified organisation vouches, for that organisation, for an informal group it
// knows. Nobody vouches for a group they belong to.
import { AppError } from '../../../shared/errors.ts';
import { isUuid } from '../../../shared/shapes.ts';
import type { UseCaseContext } from '../../../shared/use-case.ts';
import { canManageMembers, findMembership } from '../../access/index.ts';
import { auditAction } from '../../audit/index.ts';
import { vouchFor } from './trust.repo.ts';

export async function vouch(ctx: UseCaseContext, organisationId: string, voucherId: string): Promise<void> {
  // Only an admin of the vouching organisation speaks for it.
  if (!isUuid(voucherId) || !canManageMembers(await findMembership(ctx.db, ctx.actor.userId, voucherId)))
    throw new AppError('FORBIDDEN');
  if (await findMembership(ctx.db, ctx.actor.userId, organisationId)) throw new AppError('OWN_ORGANISATION');
  await ctx.db.transaction(async (tx) => {
    await vouchFor(tx, { voucherId, organisationId, userId: ctx.actor.userId });
    await auditAction(tx, ctx, {
      event: 'organisation.vouched',
      subjectType: 'organisation',
      subjectId: organisationId,
      details: { voucherId },
    });
  });
}
