// "I can help" (on a request) or "I am interested" (on an offer): a member of another organisation
// writes to the post's organisation. The first message opens the thread of that post and their
// organisation; later ones, from the post's page too, go into the same thread. Refused with nothing
// stored: one's own organisation's post, an empty message, a post no longer open (unless the
// thread exists already), an informal group on a post for registered organisations only, and more
// than 50 messages a minute. One transaction with the post locked, an audit entry, and a mail to
// the post's members.
import { AppError } from '../../../shared/errors.ts';
import { organisationKindsOf } from '../../directory/index.ts';
import type { ThreadContext } from '../exchange-context.ts';
import { brusselsDay } from '../posts/dates.ts';
import { exchangeReaderOf, maySeePost, statusOn } from '../posts/posts.policy.ts';
import { findPost } from '../posts/posts.repo.ts';
import { checkMessage } from './check-message.ts';
import { mailOtherSide } from './thread-mail.ts';
import { auditThread } from './threads-audit.ts';
import { requireMayAnswer, respondingOrganisation } from './threads.policy.ts';
import { findThreadOf, insertMessage, threadFor } from './threads.repo.ts';

export interface AnswerInput {
  /** The organisation that answers, when the member speaks for several. */
  organisation?: string;
  message?: string;
}

export async function answerPost(
  ctx: ThreadContext,
  postId: string,
  input: AnswerInput,
): Promise<{ threadId: string }> {
  const reader = await exchangeReaderOf(ctx.db, ctx.actor);
  const today = brusselsDay(ctx.now);
  const seen = await findPost(ctx.db, postId);
  if (!seen || !maySeePost(reader, seen, today)) throw new AppError('EXCHANGE_POST_NOT_FOUND');
  const organisationId = respondingOrganisation(ctx.actor, reader, seen, input.organisation);
  const body = checkMessage(input.message);
  const kinds = await organisationKindsOf(ctx.db, [organisationId]);
  requireMayAnswer(seen, kinds.get(organisationId));
  const existing = await findThreadOf(ctx.db, seen.id, organisationId);
  if (!existing && statusOn(seen, today) !== 'open') throw new AppError('EXCHANGE_POST_NOT_OPEN');
  await ctx.messageLimit.consume(`user:${ctx.actor.userId}`);
  const result = await ctx.db.transaction(async (tx) => {
    const post = await findPost(tx, seen.id, true);
    if (!post) throw new AppError('EXCHANGE_POST_NOT_FOUND');
    // As it is now, locked: an edit may have closed it to informal groups since it was read.
    requireMayAnswer(post, kinds.get(organisationId));
    const thread = await threadFor(tx, {
      postId: post.id,
      organisationId,
      startedBy: ctx.actor.userId,
      now: ctx.now,
    });
    // Fulfilled or closed meanwhile: no new thread (a thread that exists goes on).
    if (thread.created && statusOn(post, today) !== 'open') throw new AppError('EXCHANGE_POST_NOT_OPEN');
    await insertMessage(tx, {
      threadId: thread.id,
      authorId: ctx.actor.userId,
      side: 'responder',
      body,
      now: ctx.now,
    });
    await mailOtherSide(tx, ctx, {
      id: thread.id,
      postTitle: post.title,
      from: organisationId,
      to: post.organisationId,
      side: 'responder',
      first: thread.created,
    });
    await auditThread(tx, ctx, thread.created ? 'thread_started' : 'message_written', thread.id, {
      post: post.id,
      organisation: organisationId,
      side: 'responder',
    });
    return { threadId: thread.id };
  });
  ctx.mailQueued();
  return result;
}
