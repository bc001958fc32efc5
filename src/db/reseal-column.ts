// Key rotation for one encrypted column: re-encrypts, in small transactions, every value still
// sealed with an older key than the ring's current one, so the old key can then be dropped. Values
// are bound to their row (the context), so they are re-sealed in place.
import { and, eq, getTableColumns, isNotNull, sql } from 'drizzle-orm';
import type { AnyPgColumn, PgTable } from 'drizzle-orm/pg-core';
import { decryptField, encryptField, type KeyRing } from '../shared/field-encryption.ts';
import type { Database } from './client.ts';

const batch = 200;

/** Sealed with another key than the current one: the key id is the second part of "v1.<id>.…". */
export const sealedWithOlderKey = (column: AnyPgColumn, keys: KeyRing) =>
  and(isNotNull(column), sql`split_part(${column}, '.', 2) <> ${keys.currentId}`);

export async function resealColumn(
  db: Database,
  keys: KeyRing,
  target: { table: PgTable; id: AnyPgColumn; column: AnyPgColumn; context: (id: string) => string },
): Promise<number> {
  const { table, id, column, context } = target;
  const key = Object.entries(getTableColumns(table)).find(([, c]) => c === column)![0];
  let count = 0;
  for (;;) {
    const done = await db.transaction(async (tx) => {
      const rows = await tx
        .select({ id, value: column })
        .from(table)
        .where(sealedWithOlderKey(column, keys))
        .limit(batch)
        .for('update');
      for (const row of rows) {
        const rowId = String(row.id);
        const value = encryptField(
          keys,
          decryptField(keys, String(row.value), context(rowId)),
          context(rowId),
        );
        await tx
          .update(table)
          .set({ [key]: value })
          .where(eq(id, rowId));
      }
      return rows.length;
    });
    count += done;
    if (done < batch) return count;
  }
}
