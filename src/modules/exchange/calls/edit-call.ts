// The publisher's members (or a moderator) change a published call, checked as when it was
// published, in one transaction with the call locked; a form made before a colleague's change is
// refused (its version). A moved deadline is reminded of again.
import { AppError } from '../../../shared/errors.ts';
import type { ExchangeContext } from '../exchange-context.ts';
import { problem } from '../posts/check-post.ts';
import { auditCall } from './calls-audit.ts';
import { callReaderOf, requireEditor } from './calls.policy.ts';
import { findCall, updateCall } from './calls.repo.ts';
import { type CallInput, checkCall } from './check-call.ts';

export async function editCall(ctx: ExchangeContext, id: string, input: CallInput): Promise<{ id: string }> {
  const reader = await callReaderOf(ctx.db, ctx.actor);
  return ctx.db.transaction(async (tx) => {
    const call = await findCall(tx, id, true);
    if (!call) throw new AppError('EXCHANGE_CALL_NOT_FOUND');
    requireEditor(ctx.actor, reader, call);
    const version = String(call.version);
    if (input.version !== version)
      throw new AppError('VALIDATION_FAILED', {
        fields: [problem('version', 'exchange_changed_meanwhile', { version })],
      });
    const checked = checkCall(input, ctx.now);
    await updateCall(tx, call, checked, ctx.now);
    await auditCall(tx, ctx, 'call_edited', call.id, {
      closesAt: checked.closesAt.toISOString(),
      deadlineMoved: call.closesAt.getTime() !== checked.closesAt.getTime(),
    });
    return { id: call.id };
  });
}
