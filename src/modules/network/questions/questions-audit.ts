// Every change to a question or an answer goes to the audit log.
import type { Executor } from '../../../db/client.ts';
import type { Actor } from '../../../shared/actor.ts';
import { auditAction } from '../../audit/index.ts';

export function auditPost(
  tx: Executor,
  ctx: { actor: Actor; ip: string | null },
  event: string,
  subject: { type: 'question' | 'answer' | 'post_report'; id: string },
  details: Record<string, unknown> = {},
): Promise<void> {
  return auditAction(tx, ctx, {
    event: `network.${event}`,
    subjectType: subject.type,
    subjectId: subject.id,
    details,
  });
}
