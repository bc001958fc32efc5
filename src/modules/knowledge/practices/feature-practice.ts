// A moderator features a published practice (the library shows it first) or stops featuring one.
import { AppError } from '../../../shared/errors.ts';
import type { KnowledgeContext } from '../knowledge-context.ts';
import { auditPractice } from './practices-audit.ts';
import { practicesChanged } from './practices-library.ts';
import { requireModerator } from './practices.policy.ts';
import { findPractice, updatePractice } from './practices.repo.ts';

export async function featurePractice(
  ctx: KnowledgeContext,
  key: string,
  featured: boolean,
): Promise<{ slug: string }> {
  requireModerator(ctx.actor);
  const done = await ctx.db.transaction(async (tx) => {
    const practice = await findPractice(tx, key, true);
    if (!practice) throw new AppError('PRACTICE_NOT_FOUND');
    if (featured && practice.status !== 'published') throw new AppError('PRACTICE_NOT_PUBLISHED');
    if (practice.featured !== featured) {
      await updatePractice(tx, practice.id, { featured }, ctx.now);
      await auditPractice(tx, ctx, featured ? 'practice_featured' : 'practice_unfeatured', practice.id);
    }
    return { slug: practice.slug };
  });
  // This process's library copies are read again at once (the others' within a poll).
  practicesChanged(ctx.db);
  return done;
}
