// A message in a thread, from either side: the post's organisation or the one that answered. Only
// its two sides find the thread (404 for anyone else). An empty message and more than 50 messages a
// minute are refused with nothing stored; the thread goes on whatever became of the post. One
// transaction with the thread locked, an audit entry, and a mail to the other side's members who
// have read what came before.
import { AppError } from '../../../shared/errors.ts';
import type { ThreadContext } from '../exchange-context.ts';
import { exchangeReaderOf } from '../posts/posts.policy.ts';
import { findPost } from '../posts/posts.repo.ts';
import { checkMessage } from './check-message.ts';
import { mailOtherSide } from './thread-mail.ts';
import { auditThread } from './threads-audit.ts';
import { requireSide } from './threads.policy.ts';
import { findThread, insertMessage } from './threads.repo.ts';

export async function writeMessage(
  ctx: ThreadContext,
  threadId: string,
  text: string | undefined,
): Promise<{ threadId: string }> {
  const reader = await exchangeReaderOf(ctx.db, ctx.actor);
  const found = await findThread(ctx.db, threadId);
  const post = found && (await findPost(ctx.db, found.postId));
  if (!found || !post) throw new AppError('EXCHANGE_THREAD_NOT_FOUND');
  const side = requireSide(reader, post, found);
  if (!ctx.actor.emailVerified) throw new AppError('EMAIL_NOT_VERIFIED');
  const body = checkMessage(text);
  await ctx.messageLimit.consume(`user:${ctx.actor.userId}`);
  await ctx.db.transaction(async (tx) => {
    // Gone since it was read (its post or organisation deleted): nothing to write in.
    const thread = await findThread(tx, found.id, true);
    if (!thread) throw new AppError('EXCHANGE_THREAD_NOT_FOUND');
    await insertMessage(tx, { threadId: thread.id, authorId: ctx.actor.userId, side, body, now: ctx.now });
    const [from, to] =
      side === 'poster'
        ? [post.organisationId, thread.organisationId]
        : [thread.organisationId, post.organisationId];
    await mailOtherSide(tx, ctx, { id: thread.id, postTitle: post.title, from, to, side, first: false });
    await auditThread(tx, ctx, 'message_written', thread.id, { post: post.id, side });
  });
  ctx.mailQueued();
  return { threadId: found.id };
}
