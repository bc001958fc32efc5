// A moderator, or a member of an organisation the moderators verified, publishes a funding call:
// checked, then stored with its search terms and an audit entry in one transaction.
import type { ExchangeContext } from '../exchange-context.ts';
import { auditCall } from './calls-audit.ts';
import { callReaderOf, publishingFor } from './calls.policy.ts';
import { insertCall } from './calls.repo.ts';
import { type CallInput, checkCall } from './check-call.ts';

export async function createCall(ctx: ExchangeContext, input: CallInput): Promise<{ id: string }> {
  const reader = await callReaderOf(ctx.db, ctx.actor);
  const publisherId = publishingFor(ctx.actor, reader, input.publisherId);
  const checked = checkCall(input, ctx.now);
  return ctx.db.transaction(async (tx) => {
    const id = await insertCall(tx, { ...checked, publisherId, authorId: ctx.actor.userId, now: ctx.now });
    await auditCall(tx, ctx, 'call_published', id, {
      publisher: publisherId,
      funder: checked.funder,
      closesAt: checked.closesAt.toISOString(),
    });
    return { id };
  });
}
