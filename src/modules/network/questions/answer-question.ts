// A signed-in member answers a question they can see (not a hidden one), for one of their
// organisations, perhaps pointing to services and organisations of the directory. The answer and
// the question's new search terms are written in one transaction, with the question locked.
import { AppError, type FieldProblem } from '../../../shared/errors.ts';
import { isUuid } from '../../../shared/shapes.ts';
import { followQuestion } from '../follows/follows.repo.ts';
import type { NetworkContext } from '../network-context.ts';
import { checkAnswerText } from './answer-links.ts';
import { isPostLanguage, refuseIf } from './check-post.ts';
import { auditPost } from './questions-audit.ts';
import { findQuestion, insertAnswer, lockQuestion } from './questions.repo.ts';
import { maySee, readerOf, writingFor } from './questions.policy.ts';
import { refreshQuestionTerms } from './question-terms.ts';

export interface AnswerInput {
  body: string;
  /** Links to services and organisations, besides those in the text. */
  links: string;
  language: string;
  organisationId?: string;
}

export async function answerQuestion(
  ctx: NetworkContext,
  questionId: string,
  input: AnswerInput,
): Promise<{ id: string; questionId: string }> {
  const id = questionId.toLowerCase();
  const question = isUuid(id) ? await findQuestion(ctx.db, id) : undefined;
  const reader = await readerOf(ctx.db, ctx.actor);
  // A hidden question takes no answers, even from a moderator.
  if (!question || question.hiddenAt || !maySee(reader, question)) throw new AppError('QUESTION_NOT_FOUND');
  const organisationId = await writingFor(ctx.db, ctx.actor, input.organisationId);
  const problems: FieldProblem[] = [];
  const { body, links } = await checkAnswerText(ctx.db, input, ctx.origin, problems);
  const language = isPostLanguage(input.language) ? input.language : question.language;
  refuseIf(problems);
  return ctx.db.transaction(async (tx) => {
    const locked = await lockQuestion(tx, id);
    if (!locked || locked.hiddenAt) throw new AppError('QUESTION_NOT_FOUND');
    const answerId = await insertAnswer(tx, {
      questionId: id,
      authorId: ctx.actor.userId,
      organisationId,
      body,
      language,
      serviceIds: links.serviceIds,
      organisationIds: links.organisationIds,
      now: ctx.now,
    });
    await refreshQuestionTerms(tx, locked, false);
    // Whoever answers hears of the answers after theirs.
    await followQuestion(tx, ctx.actor.userId, id);
    await auditPost(tx, ctx, 'answer_written', { type: 'answer', id: answerId }, { question: id });
    return { id: answerId, questionId: id };
  });
}
