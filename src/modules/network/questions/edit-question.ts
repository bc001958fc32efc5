// The asker changes their question: title, text, language, themes, commune and who sees it (the
// organisation it was asked for stays). Its search terms follow in the same transaction, with the
// question locked; the page then says it was edited.
import { AppError } from '../../../shared/errors.ts';
import { isUuid } from '../../../shared/shapes.ts';
import { findMembershipsOfUser } from '../../access/index.ts';
import type { NetworkContext } from '../network-context.ts';
import { checkQuestion, type QuestionInput, refuseIf } from './check-post.ts';
import { auditPost } from './questions-audit.ts';
import { findQuestion, hasAnswers, lockQuestion, updateQuestion } from './questions.repo.ts';
import { requireAuthor } from './questions.policy.ts';
import { refreshQuestionTerms } from './question-terms.ts';

export async function editQuestion(
  ctx: NetworkContext,
  questionId: string,
  input: Omit<QuestionInput, 'organisationId'>,
): Promise<{ id: string }> {
  const id = questionId.toLowerCase();
  const found = isUuid(id) ? await findQuestion(ctx.db, id) : undefined;
  if (!found) throw new AppError('QUESTION_NOT_FOUND');
  const mine = await findMembershipsOfUser(ctx.db, ctx.actor.userId);
  requireAuthor(ctx.actor, mine, found, found, 'QUESTION_NOT_FOUND');
  const checked = checkQuestion(input);
  return ctx.db.transaction(async (tx) => {
    // Hidden by a moderator since the form was shown: no longer theirs to change.
    const locked = await lockQuestion(tx, id);
    if (!locked) throw new AppError('QUESTION_NOT_FOUND');
    requireAuthor(ctx.actor, mine, locked, locked, 'QUESTION_NOT_FOUND');
    // Answers written for members only do not become public with their question.
    if (locked.visibility === 'members' && checked.visibility === 'everyone' && (await hasAnswers(tx, id)))
      refuseIf([
        { field: 'visibility', message: 'post_visibility_answered', code: 'post_visibility_answered' },
      ]);
    await updateQuestion(tx, id, { ...checked, now: ctx.now });
    await refreshQuestionTerms(tx, { id, ...checked }, false);
    const changed = (['title', 'body', 'language', 'themes', 'communeNis', 'visibility'] as const).filter(
      (field) => JSON.stringify(locked[field]) !== JSON.stringify(checked[field]),
    );
    await auditPost(tx, ctx, 'question_edited', { type: 'question', id }, { changed });
    return { id };
  });
}
