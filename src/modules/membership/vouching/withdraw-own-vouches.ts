// Nobody vouches for a group she belongs to: when she joins one (a claim approved, an invitation
// accepted), the vouch she gave for it before is withdrawn, with an audit entry, inside the joining
// transaction.
import type { Executor } from '../../../db/client.ts';
import { recordAudit } from '../../audit/index.ts';
import { withdrawVouchesBy } from '../../directory/index.ts';

export async function withdrawOwnVouches(
  tx: Executor,
  ctx: { actor: { userId: string; email: string }; ip: string | null },
  organisationId: string,
  userId: string,
): Promise<void> {
  for (const voucherId of await withdrawVouchesBy(tx, organisationId, userId))
    await recordAudit(tx, {
      event: 'organisation.vouch_withdrawn',
      actorId: ctx.actor.userId,
      actorEmail: ctx.actor.email,
      subjectType: 'organisation',
      subjectId: organisationId,
      ip: ctx.ip,
      details: { voucherId, vouchedBy: userId, reason: 'joined' },
    });
}
