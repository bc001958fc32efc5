// An open post taken off the board without being fulfilled: by a member of its organisation, or by
// a moderator (any post; the audit entry says it was a moderator). One transaction with the post
// locked.
import { AppError } from '../../../shared/errors.ts';
import type { ExchangeContext } from '../exchange-context.ts';
import { brusselsDay } from './dates.ts';
import { auditPost } from './posts-audit.ts';
import { exchangeReaderOf, isOwner, requireCloser } from './posts.policy.ts';
import { findPost, markClosed } from './posts.repo.ts';

export async function closePost(ctx: ExchangeContext, id: string): Promise<{ id: string }> {
  const reader = await exchangeReaderOf(ctx.db, ctx.actor);
  return ctx.db.transaction(async (tx) => {
    const post = await findPost(tx, id, true);
    if (!post) throw new AppError('EXCHANGE_POST_NOT_FOUND');
    requireCloser(ctx.actor, reader, post, brusselsDay(ctx.now));
    await markClosed(tx, post.id, ctx.actor.userId, ctx.now);
    await auditPost(tx, ctx, 'post_closed', post.id, {
      organisation: post.organisationId,
      byModerator: !isOwner(reader, post),
    });
    return { id: post.id };
  });
}
