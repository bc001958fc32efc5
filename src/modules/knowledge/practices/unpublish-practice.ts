// The owning organisation's members, or a moderator, take a published practice off the library: it
// is again seen only by the organisation's members (and the moderators), and no longer featured.
import { AppError } from '../../../shared/errors.ts';
import { isModerator } from '../../access/index.ts';
import type { KnowledgeContext } from '../knowledge-context.ts';
import { auditPractice } from './practices-audit.ts';
import { practicesChanged } from './practices-library.ts';
import { isOwner, practiceReaderOf, requireModerator, requireOwnerMember } from './practices.policy.ts';
import { findPractice, updatePractice } from './practices.repo.ts';

export async function unpublishPractice(ctx: KnowledgeContext, key: string): Promise<{ slug: string }> {
  const reader = await practiceReaderOf(ctx.db, ctx.actor);
  const done = await ctx.db.transaction(async (tx) => {
    const practice = await findPractice(tx, key, true);
    if (!practice) throw new AppError('PRACTICE_NOT_FOUND');
    if (isOwner(reader, practice) || !isModerator(ctx.actor)) requireOwnerMember(ctx.actor, reader, practice);
    else requireModerator(ctx.actor);
    if (practice.status === 'published') {
      await updatePractice(
        tx,
        practice.id,
        { status: 'unpublished', featured: false, unpublishedAt: ctx.now, unpublishedBy: ctx.actor.userId },
        ctx.now,
      );
      await auditPractice(tx, ctx, 'practice_unpublished', practice.id, {
        by: isOwner(reader, practice) ? 'organisation' : 'moderator',
      });
    }
    return { slug: practice.slug };
  });
  // This process's library copies are read again at once (the others' within a poll).
  practicesChanged(ctx.db);
  return done;
}
