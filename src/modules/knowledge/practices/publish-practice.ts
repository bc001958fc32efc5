// A member of the owning organisation publishes a draft or an unpublished practice: from then on
// everyone finds it in the library, its contact person included. Publishing twice changes nothing.
import { AppError } from '../../../shared/errors.ts';
import type { KnowledgeContext } from '../knowledge-context.ts';
import { auditPractice } from './practices-audit.ts';
import { practiceReaderOf, requireOwnerMember } from './practices.policy.ts';
import { findPractice, updatePractice } from './practices.repo.ts';

export async function publishPractice(ctx: KnowledgeContext, key: string): Promise<{ slug: string }> {
  const reader = await practiceReaderOf(ctx.db, ctx.actor);
  return ctx.db.transaction(async (tx) => {
    const practice = await findPractice(tx, key, true);
    if (!practice) throw new AppError('PRACTICE_NOT_FOUND');
    requireOwnerMember(ctx.actor, reader, practice);
    if (practice.status !== 'published') {
      await updatePractice(
        tx,
        practice.id,
        { status: 'published', publishedAt: ctx.now, unpublishedAt: null, unpublishedBy: null },
        ctx.now,
      );
      await auditPractice(tx, ctx, 'practice_published', practice.id, { from: practice.status });
    }
    return { slug: practice.slug };
  });
}
