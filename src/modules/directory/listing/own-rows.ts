// Rows an organisation keeps in its listing under their own ids (contact persons, places). They are
// looked for among its own only: another organisation's id is "not found", so ids in forms reveal
// nothing.
import { and, eq } from 'drizzle-orm';
import type { Executor } from '../../../db/client.ts';
import { findRow } from '../../../db/rows.ts';
import { AppError } from '../../../shared/errors.ts';
import { contacts, locations } from '../directory.schema.ts';

type OwnTable = typeof contacts | typeof locations;

const ownRow = (table: OwnTable, id: string, organisationId: string) =>
  and(eq(table.id, id), eq(table.organisationId, organisationId));

/** The organisation's row, locked until the transaction ends. */
export async function lockOwnRow<T extends OwnTable>(
  tx: Executor,
  table: T,
  id: string,
  organisationId: string,
): Promise<T['$inferSelect']> {
  const row = await findRow(tx, table, ownRow(table, id, organisationId), { lock: true });
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

/** Deletes the organisation's row; returns what it held. */
export async function deleteOwnRow<T extends OwnTable>(
  tx: Executor,
  table: T,
  id: string,
  organisationId: string,
): Promise<T['$inferSelect']> {
  const [row] = await tx
    .delete(table as OwnTable)
    .where(ownRow(table, id, organisationId))
    .returning();
  if (!row) throw new AppError('NOT_FOUND');
  return row as T['$inferSelect'];
}
