// A moderator shows a hidden question or answer again: it is back on the pages and in the search.
import { AppError } from '../../../shared/errors.ts';
import { isModerator } from '../../access/index.ts';
import type { NetworkContext } from '../network-context.ts';
import { refreshQuestionTerms } from '../questions/question-terms.ts';
import { auditPost } from '../questions/questions-audit.ts';
import { setHidden } from '../questions/questions.repo.ts';
import { findPost, type PostKind } from './find-post.ts';

export async function restorePost(
  ctx: NetworkContext,
  post: { kind: PostKind; id: string },
): Promise<{ questionId: string }> {
  if (!isModerator(ctx.actor)) throw new AppError('FORBIDDEN');
  return ctx.db.transaction(async (tx) => {
    const { question, id } = await findPost(tx, post.kind, post.id, { lock: true });
    await setHidden(tx, { kind: post.kind, id }, null);
    await refreshQuestionTerms(tx, question, post.kind === 'answer' && question.hiddenAt !== null);
    await auditPost(tx, ctx, `${post.kind}_restored`, { type: post.kind, id });
    return { questionId: question.id };
  });
}
