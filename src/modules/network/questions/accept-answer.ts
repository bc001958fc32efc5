// The asker accepts one visible answer to their question; accepting another one changes it.
import { AppError } from '../../../shared/errors.ts';
import { isUuid } from '../../../shared/shapes.ts';
import type { NetworkContext } from '../network-context.ts';
import { auditPost } from './questions-audit.ts';
import { findAnswer, lockQuestion, setAcceptedAnswer } from './questions.repo.ts';
import { maySee, readerOf } from './questions.policy.ts';

export async function acceptAnswer(
  ctx: NetworkContext,
  questionId: string,
  answerId: string,
): Promise<{ questionId: string; answerId: string }> {
  const qid = questionId.toLowerCase();
  const aid = answerId.toLowerCase();
  if (!isUuid(qid)) throw new AppError('QUESTION_NOT_FOUND');
  return ctx.db.transaction(async (tx) => {
    const question = await lockQuestion(tx, qid);
    if (!question || question.hiddenAt) throw new AppError('QUESTION_NOT_FOUND');
    // Only the asker accepts; to anyone else there is nothing to accept here. Whoever may not see
    // the question (members only) is not told it exists.
    if (question.authorId !== ctx.actor.userId) {
      if (!maySee(await readerOf(tx, ctx.actor), question)) throw new AppError('QUESTION_NOT_FOUND');
      throw new AppError('FORBIDDEN');
    }
    const answer = isUuid(aid) ? await findAnswer(tx, aid) : undefined;
    if (!answer || answer.questionId !== qid || answer.hiddenAt) throw new AppError('ANSWER_NOT_FOUND');
    await setAcceptedAnswer(tx, qid, aid, ctx.now);
    await auditPost(
      tx,
      ctx,
      'answer_accepted',
      { type: 'question', id: qid },
      {
        answer: aid,
        previous: question.acceptedAnswerId,
      },
    );
    return { questionId: qid, answerId: aid };
  });
}
