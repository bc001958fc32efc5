// A member of the post's organisation marks an open post fulfilled: it leaves the board and counts
// among what the organisation found or gave. One transaction with the post locked, and an audit entry.
import { AppError } from '../../../shared/errors.ts';
import type { ExchangeContext } from '../exchange-context.ts';
import { brusselsDay } from './dates.ts';
import { auditPost } from './posts-audit.ts';
import { exchangeReaderOf, requireOwnerMember } from './posts.policy.ts';
import { findPost, markFulfilled } from './posts.repo.ts';

export async function fulfilPost(ctx: ExchangeContext, id: string): Promise<{ id: string }> {
  const reader = await exchangeReaderOf(ctx.db, ctx.actor);
  return ctx.db.transaction(async (tx) => {
    const post = await findPost(tx, id, true);
    if (!post) throw new AppError('EXCHANGE_POST_NOT_FOUND');
    requireOwnerMember(ctx.actor, reader, post, brusselsDay(ctx.now));
    await markFulfilled(tx, post.id, ctx.now);
    await auditPost(tx, ctx, 'post_fulfilled', post.id, { organisation: post.organisationId });
    return { id: post.id };
  });
}
