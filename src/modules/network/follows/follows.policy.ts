// Who may follow what. Anyone signed in follows themes and their own follows; a question only when
// they may read it: not hidden by the moderators, and for members of organisations only when they
// are one. To anyone else it does not exist (QUESTION_NOT_FOUND), as on the question's page.
import type { Executor } from '../../../db/client.ts';
import type { Actor } from '../../../shared/actor.ts';
import { AppError } from '../../../shared/errors.ts';
import { isUuid } from '../../../shared/shapes.ts';
import type { QuestionVisibility } from '../network.vocabulary.ts';
import { findQuestionAccess, isMemberOfAny } from './follows.repo.ts';

export function mayReadQuestion(
  question: { hiddenAt: Date | null; visibility: QuestionVisibility },
  member: boolean,
): boolean {
  return question.hiddenAt === null && (question.visibility === 'everyone' || member);
}

/** The question's id as stored, or QUESTION_NOT_FOUND when the actor may not read it. */
export async function requireReadableQuestion(
  db: Executor,
  actor: Actor,
  questionId: string,
): Promise<string> {
  const id = questionId.toLowerCase();
  const question = isUuid(id) ? await findQuestionAccess(db, id) : undefined;
  if (!question) throw new AppError('QUESTION_NOT_FOUND');
  const member = question.visibility === 'members' && (await isMemberOfAny(db, actor.userId));
  if (!mayReadQuestion(question, member)) throw new AppError('QUESTION_NOT_FOUND');
  return id;
}

/** Unfollowing needs no right to read: a question hidden since is still let go of. Only its id's shape. */
export function requireQuestionId(questionId: string): string {
  const id = questionId.toLowerCase();
  if (!isUuid(id)) throw new AppError('QUESTION_NOT_FOUND');
  return id;
}
