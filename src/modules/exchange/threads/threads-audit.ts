// Every message written in a thread goes to the audit log (who, which thread; never the text).
import type { Executor } from '../../../db/client.ts';
import type { Actor } from '../../../shared/actor.ts';
import { auditAction } from '../../audit/index.ts';

export function auditThread(
  tx: Executor,
  ctx: { actor: Actor; ip: string | null },
  event: 'thread_started' | 'message_written',
  threadId: string,
  details: Record<string, unknown>,
): Promise<void> {
  return auditAction(tx, ctx, {
    event: `exchange.${event}`,
    subjectType: 'exchange_thread',
    subjectId: threadId,
    details,
  });
}
