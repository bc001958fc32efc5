// A moderator features a published practice (the library shows it first) or stops featuring one.
import { AppError } from '../../../shared/errors.ts';
import type { KnowledgeContext } from '../knowledge-context.ts';
import { auditPractice } from './practices-audit.ts';
import { requireModerator } from './practices.policy.ts';
import { findPractice, updatePractice } from './practices.repo.ts';

export async function featurePractice(
  ctx: KnowledgeContext,
  key: string,
  featured: boolean,
): Promise<{ slug: string }> {
  requireModerator(ctx.actor);
  return ctx.db.transaction(async (tx) => {
    const practice = await findPractice(tx, key, true);
    if (!practice) throw new AppError('PRACTICE_NOT_FOUND');
    if (featured && practice.status !== 'published') throw new AppError('PRACTICE_NOT_PUBLISHED');
    if (practice.featured !== featured) {
      await updatePractice(tx, practice.id, { featured }, ctx.now);
      await auditPractice(tx, ctx, featured ? 'practice_featured' : 'practice_unfeatured', practice.id);
    }
    return { slug: practice.slug };
  });
}
