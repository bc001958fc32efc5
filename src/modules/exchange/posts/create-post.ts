// A member posts an offer or a request for one of their organisations: checked, then stored with
// its search terms and an audit entry in one transaction. It is on the board at once.
import type { ExchangeContext } from '../exchange-context.ts';
import { checkPost, type PostInput } from './check-post.ts';
import { brusselsDay } from './dates.ts';
import { refreshPostTerms } from './post-terms.ts';
import { auditPost } from './posts-audit.ts';
import { exchangeReaderOf, postingFor } from './posts.policy.ts';
import { insertPost } from './posts.repo.ts';

export async function createPost(ctx: ExchangeContext, input: PostInput): Promise<{ id: string }> {
  const reader = await exchangeReaderOf(ctx.db, ctx.actor);
  const organisationId = postingFor(ctx.actor, reader, input.organisationId);
  const checked = checkPost(input, brusselsDay(ctx.now));
  return ctx.db.transaction(async (tx) => {
    const id = await insertPost(tx, {
      ...checked,
      organisationId,
      authorId: ctx.actor.userId,
      now: ctx.now,
    });
    await refreshPostTerms(tx, { id, ...checked });
    await auditPost(tx, ctx, 'post_created', id, {
      organisation: organisationId,
      direction: checked.direction,
      kind: checked.kind,
    });
    return { id };
  });
}
