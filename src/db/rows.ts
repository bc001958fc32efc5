// Queries every repository writes the same way: one row by a condition, how many rows match, and
// inserting a row to get it back as stored.
import { sql, type SQL } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Executor } from './client.ts';

export interface RowLock {
  /** Hold the row until the transaction ends, so that no one else changes it in between. */
  lock?: boolean;
}

/** The first row that matches (in no particular order). */
export async function findRow<T extends PgTable>(
  db: Executor,
  table: T,
  where: SQL | undefined,
  { lock = false }: RowLock = {},
): Promise<T['$inferSelect'] | undefined> {
  const query = db
    .select()
    .from(table as PgTable)
    .where(where);
  const [row] = await (lock ? query.for('update') : query);
  return row as T['$inferSelect'] | undefined;
}

/** How many rows match (every row without a condition). */
export async function countRows(db: Executor, table: PgTable, where?: SQL): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(table)
    .where(where);
  return row?.n ?? 0;
}

/** Inserts one row and returns it as stored, with its defaults. */
export async function insertRow<T extends PgTable>(
  db: Executor,
  table: T,
  values: T['$inferInsert'],
): Promise<T['$inferSelect']> {
  const [row] = await db.insert(table).values(values).returning();
  return row as T['$inferSelect'];
}
