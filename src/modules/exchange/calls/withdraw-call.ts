// A published call taken out of the calendar by its publisher's members or a moderator (the audit
// entry says which). Following organisations are no longer reminded of it.
import { AppError } from '../../../shared/errors.ts';
import type { ExchangeContext } from '../exchange-context.ts';
import { auditCall } from './calls-audit.ts';
import { callReaderOf, isPublisher, requireChanger } from './calls.policy.ts';
import { findCall, markWithdrawn } from './calls.repo.ts';

export async function withdrawCall(ctx: ExchangeContext, id: string): Promise<{ id: string }> {
  const reader = await callReaderOf(ctx.db, ctx.actor);
  return ctx.db.transaction(async (tx) => {
    const call = await findCall(tx, id, true);
    if (!call) throw new AppError('EXCHANGE_CALL_NOT_FOUND');
    requireChanger(ctx.actor, reader, call);
    await markWithdrawn(tx, call.id, ctx.actor.userId, ctx.now);
    await auditCall(tx, ctx, 'call_withdrawn', call.id, { byModerator: !isPublisher(reader, call) });
    return { id: call.id };
  });
}
