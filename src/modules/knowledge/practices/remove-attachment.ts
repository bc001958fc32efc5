// Removing a practice's attachment, by a member of its organisation, with an audit entry. Its
// address then answers "not found" (its file was never kept by shared caches: see
// practice-attachment-files.web.ts).
import { AppError } from '../../../shared/errors.ts';
import { isUuid } from '../../../shared/shapes.ts';
import type { KnowledgeContext } from '../knowledge-context.ts';
import { deleteAttachment } from './practice-attachments.repo.ts';
import { auditPractice } from './practices-audit.ts';
import { practicesChanged } from './practices-library.ts';
import { practiceReaderOf, requireOwnerMember } from './practices.policy.ts';
import { findPractice, updatePractice } from './practices.repo.ts';

export async function removeAttachment(
  ctx: KnowledgeContext,
  key: string,
  attachmentId: string,
): Promise<{ slug: string }> {
  const reader = await practiceReaderOf(ctx.db, ctx.actor);
  const removed = await ctx.db.transaction(async (tx) => {
    const practice = await findPractice(tx, key, true);
    if (!practice) throw new AppError('PRACTICE_NOT_FOUND');
    requireOwnerMember(ctx.actor, reader, practice);
    const gone = isUuid(attachmentId)
      ? await deleteAttachment(tx, practice.id, attachmentId.toLowerCase())
      : undefined;
    if (!gone) throw new AppError('NOT_FOUND');
    await updatePractice(tx, practice.id, {}, ctx.now);
    await auditPractice(tx, ctx, 'attachment_removed', practice.id, {
      attachment: attachmentId.toLowerCase(),
      fileName: gone.fileName,
      sha256: gone.sha256,
    });
    return { slug: practice.slug };
  });
  // This process's copies of the practice's page are read again at once (the others' within a poll).
  practicesChanged(ctx.db);
  return removed;
}
