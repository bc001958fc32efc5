// A member follows a published call for one of their organisations (its members are reminded 14 and
// 3 days before the deadline), or stops following it. Following twice changes nothing.
import { AppError } from '../../../shared/errors.ts';
import type { ExchangeContext } from '../exchange-context.ts';
import { exchangeReaderOf } from '../posts/posts.policy.ts';
import { auditCall } from './calls-audit.ts';
import { actingFor } from './calls.policy.ts';
import { deleteFollow, findCall, insertFollow } from './calls.repo.ts';

export async function followCall(
  ctx: ExchangeContext,
  id: string,
  organisationId: string | undefined,
  follow: boolean,
): Promise<{ id: string }> {
  const reader = await exchangeReaderOf(ctx.db, ctx.actor);
  const call = await findCall(ctx.db, id);
  if (!call || (call.status !== 'published' && follow)) throw new AppError('EXCHANGE_CALL_NOT_FOUND');
  const organisation = actingFor(ctx.actor, reader, organisationId);
  return ctx.db.transaction(async (tx) => {
    const changed = follow
      ? await insertFollow(tx, {
          callId: call.id,
          organisationId: organisation,
          followedBy: ctx.actor.userId,
          now: ctx.now,
        })
      : await deleteFollow(tx, call.id, organisation);
    if (changed)
      await auditCall(tx, ctx, follow ? 'call_followed' : 'call_unfollowed', call.id, { organisation });
    return { id: call.id };
  });
}
