// No longer following a question. Always allowed for one's own follow, even of a question hidden
// since; a question not followed stays not followed.
import { auditAction } from '../../audit/index.ts';
import type { NetworkContext } from '../network-context.ts';
import { requireQuestionId } from './follows.policy.ts';
import { unfollowQuestion } from './follows.repo.ts';

export async function unfollowQuestionAsReader(
  ctx: NetworkContext,
  questionId: string,
): Promise<{ questionId: string; removed: boolean }> {
  const id = requireQuestionId(questionId);
  return ctx.db.transaction(async (tx) => {
    const removed = await unfollowQuestion(tx, ctx.actor.userId, id);
    if (removed)
      await auditAction(tx, ctx, {
        event: 'network.question_unfollowed',
        subjectType: 'question',
        subjectId: id,
      });
    return { questionId: id, removed };
  });
}
