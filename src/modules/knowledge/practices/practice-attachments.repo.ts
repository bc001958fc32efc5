// Practices' attachments: what is written and read. The bytes are read only to serve one file;
// pages read the names, titles, sizes and page counts. No rules here (see the use cases).
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../../db/client.ts';
import type { I18nText } from '../../../shared/i18n-text.ts';
import type { PreparedPdf } from '../../../shared/pdfs.ts';
import { practiceAttachments as attachments, practices } from '../knowledge.schema.ts';
import type { AttachmentSummary } from './page-data.ts';

const order = [asc(attachments.position), asc(attachments.createdAt), asc(attachments.id)];

/** The practice's attachments in their order, without their bytes. */
export function listAttachments(db: Executor, practiceId: string): Promise<AttachmentSummary[]> {
  return db
    .select({
      id: attachments.id,
      fileName: attachments.fileName,
      title: attachments.title,
      size: attachments.size,
      pageCount: attachments.pageCount,
    })
    .from(attachments)
    .where(eq(attachments.practiceId, practiceId))
    .orderBy(...order);
}

export async function countAttachments(db: Executor, practiceId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(attachments)
    .where(eq(attachments.practiceId, practiceId));
  return row?.n ?? 0;
}

/** An attachment after the practice's others. */
export async function insertAttachment(
  tx: Executor,
  practiceId: string,
  file: PreparedPdf & { fileName: string; title: I18nText; createdBy: string; now: Date },
): Promise<string> {
  const [row] = await tx
    .insert(attachments)
    .values({
      practiceId,
      fileName: file.fileName,
      title: file.title,
      contentType: file.contentType,
      data: file.data,
      size: file.size,
      sha256: file.sha256,
      pageCount: file.pageCount,
      createdBy: file.createdBy,
      createdAt: file.now,
      position: sql`(select coalesce(max(${attachments.position}) + 1, 0) from ${attachments} where ${attachments.practiceId} = ${practiceId})`,
    })
    .returning({ id: attachments.id });
  return row!.id;
}

/** Removes one attachment of the practice; its name and size, or nothing when it was not there. */
export async function deleteAttachment(
  tx: Executor,
  practiceId: string,
  id: string,
): Promise<{ fileName: string; sha256: string } | undefined> {
  const [row] = await tx
    .delete(attachments)
    .where(and(eq(attachments.id, id), eq(attachments.practiceId, practiceId)))
    .returning({ fileName: attachments.fileName, sha256: attachments.sha256 });
  return row;
}

/** One attachment's bytes to serve, with what decides who may have them (its practice's owner and state). */
export async function findAttachmentFile(db: Executor, id: string) {
  const [row] = await db
    .select({
      fileName: attachments.fileName,
      contentType: attachments.contentType,
      sha256: attachments.sha256,
      data: attachments.data,
      organisationId: practices.organisationId,
      status: practices.status,
    })
    .from(attachments)
    .innerJoin(practices, eq(practices.id, attachments.practiceId))
    .where(eq(attachments.id, id));
  return row;
}

/** Only what a conditional request (If-None-Match) needs, without the bytes. */
export async function findAttachmentTag(db: Executor, id: string) {
  const [row] = await db
    .select({
      sha256: attachments.sha256,
      organisationId: practices.organisationId,
      status: practices.status,
    })
    .from(attachments)
    .innerJoin(practices, eq(practices.id, attachments.practiceId))
    .where(eq(attachments.id, id));
  return row;
}
