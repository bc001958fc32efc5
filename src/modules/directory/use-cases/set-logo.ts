// An organisation's logo: PNG, JPEG or WebP up to 512 KB, recognised by its bytes (not by the
// name or the type the browser claims). SVG is refused: it can carry scripts.
import { eq, sql } from 'drizzle-orm';
import { fileTypeFromBuffer } from 'file-type';
import type { Executor } from '../../../db/client.ts';
import { AppError } from '../../../shared/errors.ts';
import { organisationLogos, organisations } from '../directory.schema.ts';
import { recordVersion } from '../listing-versions.ts';

export const logoMaxBytes = 512 * 1024;
const allowed = new Set(['image/png', 'image/jpeg', 'image/webp']);

export async function setLogo(
  tx: Executor,
  organisationId: string,
  data: Buffer,
  actorId: string,
): Promise<void> {
  if (!data.length)
    throw new AppError('VALIDATION_FAILED', {
      fields: [{ field: 'logo', message: 'is empty', code: 'logo_missing' }],
    });
  if (data.length > logoMaxBytes)
    throw new AppError('VALIDATION_FAILED', {
      fields: [{ field: 'logo', message: 'is too big', code: 'logo_too_big' }],
    });
  const type = await fileTypeFromBuffer(data);
  if (!type || !allowed.has(type.mime))
    throw new AppError('VALIDATION_FAILED', {
      fields: [{ field: 'logo', message: 'is not PNG, JPEG or WebP', code: 'logo_type' }],
    });
  const [before] = await tx
    .select({
      contentType: organisationLogos.contentType,
      size: sql<number>`length(${organisationLogos.data})`,
    })
    .from(organisationLogos)
    .where(eq(organisationLogos.organisationId, organisationId));
  await tx
    .insert(organisationLogos)
    .values({ organisationId, contentType: type.mime, data })
    .onConflictDoUpdate({
      target: organisationLogos.organisationId,
      set: { contentType: type.mime, data, updatedAt: sql`now()` },
    });
  await tx
    .update(organisations)
    .set({ logoUpdatedAt: sql`now()` })
    .where(eq(organisations.id, organisationId));
  await recordVersion(tx, {
    recordType: 'organisation',
    recordId: organisationId,
    organisationId,
    actorId,
    action: 'logo',
    changes: {
      logo: {
        before: before ? `${before.contentType}, ${before.size} B` : null,
        after: `${type.mime}, ${data.length} B`,
      },
    },
  });
}

export async function removeLogo(tx: Executor, organisationId: string, actorId: string): Promise<void> {
  const removed = await tx
    .delete(organisationLogos)
    .where(eq(organisationLogos.organisationId, organisationId))
    .returning({ contentType: organisationLogos.contentType });
  if (!removed.length) return;
  await tx.update(organisations).set({ logoUpdatedAt: null }).where(eq(organisations.id, organisationId));
  await recordVersion(tx, {
    recordType: 'organisation',
    recordId: organisationId,
    organisationId,
    actorId,
    action: 'logo',
    changes: { logo: { before: removed[0]!.contentType, after: null } },
  });
}

export async function findLogo(db: Executor, organisationId: string) {
  const [row] = await db
    .select()
    .from(organisationLogos)
    .where(eq(organisationLogos.organisationId, organisationId));
  return row;
}
