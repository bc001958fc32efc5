// The author of an answer changes it: its text, language and links to the directory (the
// organisation it was written for stays). The question's search terms follow in the same
// transaction, with the question locked, as when an answer is written.
import { AppError, type FieldProblem } from '../../../shared/errors.ts';
import { isUuid } from '../../../shared/shapes.ts';
import { findMembershipsOfUser } from '../../access/index.ts';
import type { NetworkContext } from '../network-context.ts';
import { checkAnswerText } from './answer-links.ts';
import { isPostLanguage, refuseIf } from './check-post.ts';
import { auditPost } from './questions-audit.ts';
import { findAnswer, findQuestion, lockQuestion, updateAnswer } from './questions.repo.ts';
import { requireAuthor } from './questions.policy.ts';
import { refreshQuestionTerms } from './question-terms.ts';

export interface AnswerEdit {
  body: string;
  links: string;
  language: string;
}

export async function editAnswer(
  ctx: NetworkContext,
  answerId: string,
  input: AnswerEdit,
): Promise<{ id: string; questionId: string }> {
  const id = answerId.toLowerCase();
  const answer = isUuid(id) ? await findAnswer(ctx.db, id) : undefined;
  const question = answer ? await findQuestion(ctx.db, answer.questionId) : undefined;
  if (!answer || !question) throw new AppError('ANSWER_NOT_FOUND');
  const mine = await findMembershipsOfUser(ctx.db, ctx.actor.userId);
  requireAuthor(ctx.actor, mine, answer, question, 'ANSWER_NOT_FOUND');
  const problems: FieldProblem[] = [];
  const { body, links } = await checkAnswerText(ctx.db, input, ctx.origin, problems);
  if (!isPostLanguage(input.language))
    problems.push({ field: 'language', message: 'choose_one', code: 'choose_one' });
  refuseIf(problems);
  return ctx.db.transaction(async (tx) => {
    const locked = await lockQuestion(tx, question.id);
    const current = await findAnswer(tx, id);
    if (!locked || !current) throw new AppError('ANSWER_NOT_FOUND');
    // Hidden by a moderator since the form was shown: no longer theirs to change.
    requireAuthor(ctx.actor, mine, current, locked, 'ANSWER_NOT_FOUND');
    await updateAnswer(tx, id, {
      body,
      language: input.language as typeof current.language,
      serviceIds: links.serviceIds,
      organisationIds: links.organisationIds,
      now: ctx.now,
    });
    await refreshQuestionTerms(tx, locked, false);
    await auditPost(tx, ctx, 'answer_edited', { type: 'answer', id }, { question: question.id });
    return { id, questionId: question.id };
  });
}
