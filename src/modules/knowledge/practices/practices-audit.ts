// Every change to a practice goes to the audit log.
import type { Executor } from '../../../db/client.ts';
import type { Actor } from '../../../shared/actor.ts';
import { auditAction } from '../../audit/index.ts';

export function auditPractice(
  tx: Executor,
  ctx: { actor: Actor; ip: string | null },
  event: string,
  practiceId: string,
  details: Record<string, unknown> = {},
): Promise<void> {
  return auditAction(tx, ctx, {
    event: `knowledge.${event}`,
    subjectType: 'practice',
    subjectId: practiceId,
    details,
  });
}
