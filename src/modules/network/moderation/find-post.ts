// The question or answer a moderation or report form is about, with its question.
import { AppError } from '../../../shared/errors.ts';
import type { Executor } from '../../../db/client.ts';
import { isUuid } from '../../../shared/shapes.ts';
import { findAnswer, findQuestion, lockQuestion } from '../questions/questions.repo.ts';

export type PostKind = 'question' | 'answer';

/** The post and its question, the question locked when `lock` (inside a transaction). */
export async function findPost(db: Executor, kind: PostKind, postId: string, { lock = false } = {}) {
  const id = postId.toLowerCase();
  const notFound = () => new AppError(kind === 'question' ? 'QUESTION_NOT_FOUND' : 'ANSWER_NOT_FOUND');
  if (!isUuid(id)) throw notFound();
  const answer = kind === 'answer' ? await findAnswer(db, id) : undefined;
  if (kind === 'answer' && !answer) throw notFound();
  const questionId = answer?.questionId ?? id;
  const question = lock ? await lockQuestion(db, questionId) : await findQuestion(db, questionId);
  if (!question) throw notFound();
  return { question, answer, id };
}
