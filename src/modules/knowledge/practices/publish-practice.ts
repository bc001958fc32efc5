// A member of the owning organisation publishes a draft or an unpublished practice: from then on
// everyone finds it in the library, its contact person included. Publishing twice changes nothing.
// A practice a moderator took off the library is published again only by a moderator: the
// organisation is told so. Who took it off is kept (unpublished_by), and whether they moderate is
// read from their platform role, so no column is needed for it.
import { AppError } from '../../../shared/errors.ts';
import type { KnowledgeContext } from '../knowledge-context.ts';
import { auditPractice } from './practices-audit.ts';
import { practicesChanged } from './practices-library.ts';
import {
  practiceReaderOf,
  requireModerator,
  requireOwnerMember,
  takenDownByModerator,
} from './practices.policy.ts';
import { findPractice, updatePractice } from './practices.repo.ts';

export async function publishPractice(ctx: KnowledgeContext, key: string): Promise<{ slug: string }> {
  const reader = await practiceReaderOf(ctx.db, ctx.actor);
  const done = await ctx.db.transaction(async (tx) => {
    const practice = await findPractice(tx, key, true);
    if (!practice) throw new AppError('PRACTICE_NOT_FOUND');
    const takenDown = await takenDownByModerator(tx, practice);
    if (takenDown && reader.moderator) requireModerator(ctx.actor);
    else {
      requireOwnerMember(ctx.actor, reader, practice);
      if (takenDown) throw new AppError('PRACTICE_TAKEN_DOWN');
    }
    if (practice.status !== 'published') {
      await updatePractice(tx, practice.id, { status: 'published', publishedAt: ctx.now }, ctx.now);
      await auditPractice(tx, ctx, 'practice_published', practice.id, {
        from: practice.status,
        ...(takenDown ? { by: 'moderator' } : {}),
      });
    }
    return { slug: practice.slug };
  });
  // This process's library copies are read again at once (the others' within a poll).
  practicesChanged(ctx.db);
  return done;
}
