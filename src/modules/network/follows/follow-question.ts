// Following a question from its page: the digest then tells of its new answers. Only a question the
// reader may read; following it again changes nothing.
import { auditAction } from '../../audit/index.ts';
import type { NetworkContext } from '../network-context.ts';
import { requireReadableQuestion } from './follows.policy.ts';
import { followQuestion } from './follows.repo.ts';

export async function followQuestionAsReader(
  ctx: NetworkContext,
  questionId: string,
): Promise<{ questionId: string; added: boolean }> {
  return ctx.db.transaction(async (tx) => {
    // Read in the transaction: a question hidden a moment before is not followed.
    const id = await requireReadableQuestion(tx, ctx.actor, questionId);
    const added = await followQuestion(tx, ctx.actor.userId, id);
    if (added)
      await auditAction(tx, ctx, {
        event: 'network.question_followed',
        subjectType: 'question',
        subjectId: id,
      });
    return { questionId: id, added };
  });
}
