// Who takes part in a thread, and who may start one. A thread is between the post's organisation and
// one organisation that answers it: the members who speak for either (admin, editor, referrer) read
// and write in it; nobody else sees it, moderators neither (404). A new thread needs an open post of
// another organisation, and an informal group answers only a post that allows it. Once a thread
// exists it goes on whatever becomes of the post: the two sides may still have a handover to agree.
import type { Actor } from '../../../shared/actor.ts';
import { AppError } from '../../../shared/errors.ts';
import { isUuid } from '../../../shared/shapes.ts';
import { informalKinds, type ThreadSide } from '../exchange.vocabulary.ts';
import { problem } from '../posts/check-post.ts';
import type { ExchangeReader } from '../posts/posts.policy.ts';
import type { PostRow } from '../posts/posts.repo.ts';
import type { ThreadRow } from './threads.repo.ts';

/** The reader's side of a thread, or none. (Nobody answers a post of their own organisation, so no one writes on both sides.) */
export function sideOf(
  reader: ExchangeReader,
  post: Pick<PostRow, 'organisationId'>,
  thread: Pick<ThreadRow, 'organisationId'>,
): ThreadSide | null {
  if (reader.organisationIds.includes(post.organisationId)) return 'poster';
  if (reader.organisationIds.includes(thread.organisationId)) return 'responder';
  return null;
}

/** A reader who takes part in the thread: their side; anyone else finds nothing. */
export function requireSide(
  reader: ExchangeReader,
  post: Pick<PostRow, 'organisationId'>,
  thread: Pick<ThreadRow, 'organisationId'>,
): ThreadSide {
  const side = sideOf(reader, post, thread);
  if (!side) throw new AppError('EXCHANGE_THREAD_NOT_FOUND');
  return side;
}

/** The organisations a reader may answer a post for: theirs, except the post's own. */
export const answeringFor = (reader: ExchangeReader, post: Pick<PostRow, 'organisationId'>) =>
  reader.organisationIds.filter((id) => id !== post.organisationId);

/**
 * The organisation that answers a post: the one chosen, or the reader's only one other than the
 * post's. A member of the post's organisation is refused in words, whichever other organisation
 * they also belong to: in a thread they would be on both sides.
 */
export function respondingOrganisation(
  actor: Actor,
  reader: ExchangeReader,
  post: Pick<PostRow, 'organisationId'>,
  chosen: string | undefined,
): string {
  if (!actor.emailVerified) throw new AppError('EMAIL_NOT_VERIFIED');
  const mine = answeringFor(reader, post);
  const id = chosen?.trim().toLowerCase() ?? '';
  if (reader.organisationIds.includes(post.organisationId)) throw new AppError('EXCHANGE_OWN_POST');
  if (!mine.length) throw new AppError('FORBIDDEN');
  if (!id && mine.length === 1) return mine[0]!;
  if (isUuid(id) && mine.includes(id)) return id;
  throw new AppError('VALIDATION_FAILED', { fields: [problem('organisation', 'exchange_organisation')] });
}

/** An informal group answers only a post that allows informal groups. */
export function requireMayAnswer(post: Pick<PostRow, 'informalMayAnswer'>, kind: string | undefined): void {
  if (!post.informalMayAnswer && kind !== undefined && informalKinds.includes(kind))
    throw new AppError('EXCHANGE_INFORMAL_NOT_ALLOWED');
}
