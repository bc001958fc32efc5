// A moderator undoes one change: the fields it changed get their earlier values back, written as
// a new version (so the rollback itself can be undone). A field changed again since then is
// rolled back too: the moderator sees the later versions on the same page before deciding.
import { eq, getTableColumns, sql } from 'drizzle-orm';
import type { Executor } from '../../../../db/client.ts';
import { AppError } from '../../../../shared/errors.ts';
import { contacts, organisations, services } from '../../directory.schema.ts';
import { type Changes, findVersion, recordVersion, same } from '../listing-versions.ts';

const tables = { organisation: organisations, service: services, contact: contacts } as const;

/** Changes of fields can be undone; a record's creation or removal is undone by editing. */
export const canRollBack = (action: string, recordType: string) =>
  (action === 'update' || action === 'rollback') && recordType in tables;

export async function restoreVersion(
  tx: Executor,
  versionId: number,
  actorId: string,
): Promise<{ organisationId: string }> {
  const version = await findVersion(tx, versionId);
  if (!version || !(version.recordType in tables) || !canRollBack(version.action, version.recordType))
    throw new AppError('NOT_FOUND');
  const table = tables[version.recordType as keyof typeof tables];
  const [current] = await tx.select().from(table).where(eq(table.id, version.recordId)).for('update');
  if (!current) throw new AppError('NOT_FOUND');
  // Only the record's own columns: a service's themes, say, are not restored this way.
  const columns = new Set(Object.keys(getTableColumns(table)));
  const restore = Object.fromEntries(
    Object.entries(version.changes)
      .filter(([field]) => columns.has(field))
      .map(([field, c]) => [field, c.before]),
  );
  const changes: Changes = {};
  for (const [field, value] of Object.entries(restore)) {
    const now = (current as Record<string, unknown>)[field];
    if (!same(now, value)) changes[field] = { before: now ?? null, after: value };
  }
  if (!Object.keys(changes).length) return { organisationId: version.organisationId };
  await tx
    .update(table)
    .set({ ...restore, updatedAt: sql`now()` } as never)
    .where(eq(table.id, version.recordId));
  await recordVersion(tx, {
    recordType: version.recordType,
    recordId: version.recordId,
    organisationId: version.organisationId,
    actorId,
    action: 'rollback',
    changes,
    rolledBack: version.id,
  });
  return { organisationId: version.organisationId };
}
