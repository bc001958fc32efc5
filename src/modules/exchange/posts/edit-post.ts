// A member of the post's organisation changes an open post: its kind, texts, languages, themes,
// place, date and who may answer (its organisation and whether it offers or asks stay), checked as
// when it was posted, in one transaction with its search terms and an audit entry. The post is
// locked while it changes; a form made before a colleague's change is refused (its version,
// compared under the lock).
import { AppError } from '../../../shared/errors.ts';
import type { ExchangeContext } from '../exchange-context.ts';
import { checkPost, type PostInput, problem } from './check-post.ts';
import { brusselsDay } from './dates.ts';
import { refreshPostTerms } from './post-terms.ts';
import { auditPost } from './posts-audit.ts';
import { exchangeReaderOf, requireOwnerMember } from './posts.policy.ts';
import { findPost, updatePost } from './posts.repo.ts';

export async function editPost(ctx: ExchangeContext, id: string, input: PostInput): Promise<{ id: string }> {
  const reader = await exchangeReaderOf(ctx.db, ctx.actor);
  return ctx.db.transaction(async (tx) => {
    const post = await findPost(tx, id, true);
    if (!post) throw new AppError('EXCHANGE_POST_NOT_FOUND');
    requireOwnerMember(ctx.actor, reader, post, brusselsDay(ctx.now));
    // Changed since the form was made (or a form without its version): refused, and the form (kept)
    // carries the new version, so saving it again knowingly replaces the change.
    const version = String(post.version);
    if (input.version !== version)
      throw new AppError('VALIDATION_FAILED', {
        fields: [problem('version', 'exchange_changed_meanwhile', { version })],
      });
    const { direction: _same, ...checked } = checkPost(
      { ...input, direction: post.direction },
      brusselsDay(ctx.now),
    );
    await updatePost(tx, post.id, checked, ctx.now);
    await refreshPostTerms(tx, { id: post.id, ...checked });
    await auditPost(tx, ctx, 'post_edited', post.id);
    return { id: post.id };
  });
}
