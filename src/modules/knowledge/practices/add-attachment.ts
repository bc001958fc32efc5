// A PDF attached to a practice by a member of its organisation, with an optional title in each
// language. After the permission check the file is checked (src/shared/pdfs.ts) outside the
// transaction, so parsing holds no database connection; the transaction locks the practice, so two
// uploads at once cannot pass the limit of attachments together, checks the permission again (the
// check of a file may wait seconds for its turn) and writes the audit entry.
import type { Executor } from '../../../db/client.ts';
import { AppError, type FieldProblem } from '../../../shared/errors.ts';
import { cleanText, type I18nText, locales } from '../../../shared/i18n-text.ts';
import { cleanPdfName, type PreparedPdf, preparePdf } from '../../../shared/pdfs.ts';
import type { KnowledgeContext } from '../knowledge-context.ts';
import { attachmentLimits } from '../knowledge.vocabulary.ts';
import { countAttachments, insertAttachment } from './practice-attachments.repo.ts';
import { auditPractice } from './practices-audit.ts';
import { practicesChanged } from './practices-library.ts';
import { type PracticeReader, practiceReaderOf, requireOwnerMember } from './practices.policy.ts';
import { findPractice, updatePractice } from './practices.repo.ts';

export const attachmentField = 'attachment';
/** The form's field of the titles (attachment_title.nl, …). */
export const attachmentTitleField = 'attachment_title';

const full = (): FieldProblem => ({
  field: attachmentField,
  message: 'attachment_limit',
  code: 'attachment_limit',
  values: { max: attachmentLimits.perPractice },
});

/** The practice to attach to, for a member of its organisation; locked when `lock`. */
async function practiceToChange(
  db: Executor,
  ctx: KnowledgeContext,
  reader: PracticeReader,
  key: string,
  lock = false,
) {
  const practice = await findPractice(db, key, lock);
  if (!practice) throw new AppError('PRACTICE_NOT_FOUND');
  requireOwnerMember(ctx.actor, reader, practice);
  return practice;
}

export async function addAttachment(
  ctx: KnowledgeContext,
  key: string,
  input: { upload: Buffer; fileName: string | undefined; title: I18nText },
): Promise<{ id: string; slug: string }> {
  const reader = await practiceReaderOf(ctx.db, ctx.actor);
  const practice = await practiceToChange(ctx.db, ctx, reader, key);
  const problems: FieldProblem[] = [];
  const title = cleanText(input.title);
  for (const l of locales)
    if ((title[l] ?? '').length > attachmentLimits.titleLength)
      problems.push({ field: `${attachmentTitleField}.${l}`, message: 'too_long_200', code: 'too_long_200' });
  // A practice with all its attachments is said at once, without reading the file first.
  if ((await countAttachments(ctx.db, practice.id)) >= attachmentLimits.perPractice)
    throw new AppError('VALIDATION_FAILED', { fields: [full(), ...problems] });
  let pdf: PreparedPdf | undefined;
  try {
    pdf = await preparePdf(input.upload, {
      field: attachmentField,
      maxBytes: attachmentLimits.maxBytes,
      codes: {
        missing: 'attachment_missing',
        tooBig: 'attachment_too_big',
        type: 'attachment_type',
        unreadable: 'attachment_unreadable',
        encrypted: 'attachment_encrypted',
        busy: 'attachment_busy',
      },
      values: { mb: attachmentLimits.maxBytes / (1024 * 1024) },
    });
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== 'VALIDATION_FAILED') throw error;
    problems.unshift(...error.fields);
  }
  if (problems.length || !pdf) throw new AppError('VALIDATION_FAILED', { fields: problems });
  const file = pdf;
  const fileName = cleanPdfName(input.fileName, attachmentLimits.fileNameLength);

  const added = await ctx.db.transaction(async (tx) => {
    // Asked again: the person may have left the organisation while the file was being checked.
    const locked = await practiceToChange(tx, ctx, await practiceReaderOf(tx, ctx.actor), practice.id, true);
    if ((await countAttachments(tx, locked.id)) >= attachmentLimits.perPractice)
      throw new AppError('VALIDATION_FAILED', { fields: [full()] });
    const id = await insertAttachment(tx, locked.id, {
      ...file,
      fileName,
      title,
      createdBy: ctx.actor.userId,
      now: ctx.now,
    });
    await updatePractice(tx, locked.id, {}, ctx.now);
    await auditPractice(tx, ctx, 'attachment_added', locked.id, {
      attachment: id,
      fileName,
      bytes: file.size,
      pages: file.pageCount,
      sha256: file.sha256,
    });
    return { id, slug: locked.slug };
  });
  // This process's copies of the practice's page are read again at once (the others' within a poll).
  practicesChanged(ctx.db);
  return added;
}
