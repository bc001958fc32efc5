// Who may read and write questions. Any signed-in member of an organisation asks and answers, for
// one of their organisations; a question for members only does not exist for anyone else; hidden
// posts exist only for the moderators, who hide and restore them. The asker alone accepts an answer.
import type { Executor } from '../../../db/client.ts';
import type { Actor } from '../../../shared/actor.ts';
import { AppError } from '../../../shared/errors.ts';
import { findMembershipsOfUser, isModerator, organisationWrittenFor } from '../../access/index.ts';
import type { QuestionVisibility } from '../network.vocabulary.ts';

/** Who reads a page of questions: what they may see. */
export interface Reader {
  userId: string | null;
  /** Member of at least one organisation. */
  member: boolean;
  moderator: boolean;
}

export const visitor: Reader = { userId: null, member: false, moderator: false };

export async function readerOf(
  db: Executor,
  actor: Pick<Actor, 'userId' | 'platformRole'> | null,
): Promise<Reader> {
  if (!actor) return visitor;
  return readerWith(actor, await findMembershipsOfUser(db, actor.userId));
}

/** The reader, from memberships already read. */
export function readerWith(
  actor: Pick<Actor, 'userId' | 'platformRole'> | null,
  memberships: readonly unknown[],
): Reader {
  if (!actor) return visitor;
  const moderator = isModerator({ ...actor, email: '', emailVerified: true });
  return { userId: actor.userId, member: memberships.length > 0, moderator };
}

/** Whether the reader sees a question (and so its answers). */
export function maySee(
  reader: Reader,
  question: { visibility: QuestionVisibility; hiddenAt: Date | null },
): boolean {
  if (reader.moderator) return true;
  if (question.hiddenAt) return false;
  return question.visibility === 'everyone' || reader.member;
}

/** The organisation a person writes for: one of theirs, the only one when they have one. */
export async function writingFor(
  db: Executor,
  actor: Actor,
  organisationId: string | undefined,
): Promise<string> {
  const found = await organisationWrittenFor(db, actor, organisationId);
  if (!found)
    throw new AppError('VALIDATION_FAILED', {
      fields: [{ field: 'organisation', message: 'post_organisation', code: 'post_organisation' }],
    });
  return found;
}

/**
 * The author alone changes a post, while it is not hidden (a hidden post, or one under a hidden
 * question, no longer exists for them), and while they still belong to the organisation it shows
 * them writing for. Others who see it are refused.
 */
export function requireAuthor(
  actor: Actor,
  memberships: readonly { organisationId: string }[],
  post: { authorId: string | null; organisationId: string | null; hiddenAt: Date | null },
  question: { visibility: QuestionVisibility; hiddenAt: Date | null },
  notFound: 'QUESTION_NOT_FOUND' | 'ANSWER_NOT_FOUND',
): void {
  const reader = readerWith(actor, memberships);
  if (post.hiddenAt || question.hiddenAt || !maySee(reader, question)) throw new AppError(notFound);
  if (post.authorId !== actor.userId) throw new AppError('FORBIDDEN');
  if (post.organisationId && !memberships.some((m) => m.organisationId === post.organisationId))
    throw new AppError('FORBIDDEN');
  if (!actor.emailVerified) throw new AppError('EMAIL_NOT_VERIFIED');
}
