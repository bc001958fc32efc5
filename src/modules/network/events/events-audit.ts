// Every change to an event goes to the audit log, with who made it.
import type { Executor } from '../../../db/client.ts';
import { auditAction } from '../../audit/index.ts';
import type { NetworkContext } from '../network-context.ts';

export function auditEvent(
  tx: Executor,
  ctx: Pick<NetworkContext, 'actor' | 'ip'>,
  event: 'event_published' | 'event_changed' | 'event_cancelled',
  eventId: string,
  details: Record<string, unknown> = {},
): Promise<void> {
  return auditAction(tx, ctx, {
    event: `network.${event}`,
    subjectType: 'event',
    subjectId: eventId,
    details,
  });
}
