// Every change to a path or to who may compose goes to the audit log. A learner's steps do not:
// their choices are counted anonymously (learning_choice_counts) and an audit entry would name them.
import type { Executor } from '../../db/client.ts';
import type { Actor } from '../../shared/actor.ts';
import { auditAction } from '../audit/index.ts';

export function auditLearning(
  tx: Executor,
  ctx: { actor: Actor; ip: string | null },
  event: string,
  subject: { type: 'learning_path' | 'organisation'; id: string },
  details: Record<string, unknown> = {},
): Promise<void> {
  return auditAction(tx, ctx, {
    event: `learning.${event}`,
    subjectType: subject.type,
    subjectId: subject.id,
    details,
  });
}
