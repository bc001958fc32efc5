// Every change to a funding call, and every follow, goes to the audit log.
import type { Executor } from '../../../db/client.ts';
import type { Actor } from '../../../shared/actor.ts';
import { auditAction } from '../../audit/index.ts';

export function auditCall(
  tx: Executor,
  ctx: { actor: Actor; ip: string | null },
  event: string,
  callId: string,
  details: Record<string, unknown> = {},
): Promise<void> {
  return auditAction(tx, ctx, {
    event: `exchange.${event}`,
    subjectType: 'exchange_call',
    subjectId: callId,
    details,
  });
}
