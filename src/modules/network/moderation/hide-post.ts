// A moderator hides a question or an answer, with a reason: it leaves the pages and the search
// (the question's terms are recomputed in the same transaction) and its open reports are closed.
import { AppError } from '../../../shared/errors.ts';
import { isModerator } from '../../access/index.ts';
import type { NetworkContext } from '../network-context.ts';
import { postLimits } from '../network.vocabulary.ts';
import { refreshQuestionTerms } from '../questions/question-terms.ts';
import { auditPost } from '../questions/questions-audit.ts';
import { setHidden } from '../questions/questions.repo.ts';
import { findPost, type PostKind } from './find-post.ts';
import { resolvePostReports } from './post-reports.repo.ts';

export async function hidePost(
  ctx: NetworkContext,
  post: { kind: PostKind; id: string },
  reasonText: string,
): Promise<{ questionId: string }> {
  if (!isModerator(ctx.actor)) throw new AppError('FORBIDDEN');
  const reason = reasonText.trim();
  if (!reason || reason.length > postLimits.reportMessage)
    throw new AppError('VALIDATION_FAILED', {
      fields: [{ field: 'reason', message: 'reason', code: reason ? 'too_long_1000' : 'required' }],
    });
  return ctx.db.transaction(async (tx) => {
    const { question, id } = await findPost(tx, post.kind, post.id, { lock: true });
    await setHidden(tx, { kind: post.kind, id }, { by: ctx.actor.userId, reason, at: ctx.now });
    await refreshQuestionTerms(tx, question, post.kind === 'question' || question.hiddenAt !== null);
    const closed = await resolvePostReports(
      tx,
      post.kind === 'question' ? { questionId: id } : { answerId: id },
      ctx.actor.userId,
      ctx.now,
    );
    await auditPost(
      tx,
      ctx,
      `${post.kind}_hidden`,
      { type: post.kind, id },
      { reason, reportsClosed: closed },
    );
    return { questionId: question.id };
  });
}
