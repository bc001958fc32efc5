// An organisation's logo, as prepared by logo-image.ts (checked, decoded and re-encoded).
import { eq, sql } from 'drizzle-orm';
import type { Executor } from '../../../../db/client.ts';
import { organisations } from '../../directory.schema.ts';
import { organisationLogos } from '../../listing-records.schema.ts';
import { recordVersion } from '../listing-versions.ts';
import type { LogoImage } from './logo-image.ts';

export async function storeLogo(
  tx: Executor,
  organisationId: string,
  logo: LogoImage,
  actorId: string,
): Promise<void> {
  const { data, contentType } = logo;
  const [before] = await tx
    .select({
      contentType: organisationLogos.contentType,
      size: sql<number>`length(${organisationLogos.data})`,
    })
    .from(organisationLogos)
    .where(eq(organisationLogos.organisationId, organisationId));
  await tx
    .insert(organisationLogos)
    .values({ organisationId, contentType, data })
    .onConflictDoUpdate({
      target: organisationLogos.organisationId,
      set: { contentType, data, updatedAt: sql`now()` },
    });
  await tx
    .update(organisations)
    .set({ logoUpdatedAt: sql`now()` })
    .where(eq(organisations.id, organisationId));
  await recordLogoVersion(tx, organisationId, actorId, {
    before: before ? `${before.contentType}, ${before.size} B` : null,
    after: `${contentType}, ${data.length} B`,
  });
}

export async function deleteLogo(tx: Executor, organisationId: string, actorId: string): Promise<void> {
  const removed = await tx
    .delete(organisationLogos)
    .where(eq(organisationLogos.organisationId, organisationId))
    .returning({ contentType: organisationLogos.contentType });
  if (!removed.length) return;
  await tx.update(organisations).set({ logoUpdatedAt: null }).where(eq(organisations.id, organisationId));
  await recordLogoVersion(tx, organisationId, actorId, { before: removed[0]!.contentType, after: null });
}

/** The history keeps what the logo was and became (type and size), never the image itself. */
function recordLogoVersion(
  tx: Executor,
  organisationId: string,
  actorId: string,
  logo: { before: string | null; after: string | null },
) {
  return recordVersion(tx, {
    recordType: 'organisation',
    recordId: organisationId,
    organisationId,
    actorId,
    action: 'logo',
    changes: { logo },
  });
}

export async function findLogo(db: Executor, organisationId: string) {
  const [row] = await db
    .select()
    .from(organisationLogos)
    .where(eq(organisationLogos.organisationId, organisationId));
  return row;
}
