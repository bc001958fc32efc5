// A post one may report: one the reader can see, not hidden. Else it is not there ("not found").
import type { Executor } from '../../../db/client.ts';
import type { Actor } from '../../../shared/actor.ts';
import { AppError } from '../../../shared/errors.ts';
import { maySee, readerOf } from '../questions/questions.policy.ts';
import { findPost, type PostKind } from './find-post.ts';

export async function findReportablePost(
  db: Executor,
  actor: Actor | null,
  post: { kind: PostKind; id: string },
) {
  const found = await findPost(db, post.kind, post.id);
  const reader = await readerOf(db, actor);
  if (!maySee(reader, found.question) || found.question.hiddenAt) throw new AppError('QUESTION_NOT_FOUND');
  if (found.answer?.hiddenAt) throw new AppError('ANSWER_NOT_FOUND');
  return found;
}
