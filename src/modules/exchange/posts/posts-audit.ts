// Every change to an offer or a request goes to the audit log.
import type { Executor } from '../../../db/client.ts';
import type { Actor } from '../../../shared/actor.ts';
import { auditAction } from '../../audit/index.ts';

export function auditPost(
  tx: Executor,
  ctx: { actor: Actor; ip: string | null },
  event: string,
  postId: string,
  details: Record<string, unknown> = {},
): Promise<void> {
  return auditAction(tx, ctx, {
    event: `exchange.${event}`,
    subjectType: 'exchange_post',
    subjectId: postId,
    details,
  });
}
