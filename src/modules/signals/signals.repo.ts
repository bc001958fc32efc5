// Queries of need signals. No rules, no HTTP: they take a database handle or a transaction.
import { desc, eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { needSignals } from './signals.schema.ts';

export type SignalRow = typeof needSignals.$inferSelect;
export type NewSignalRow = typeof needSignals.$inferInsert;

export async function insertSignal(db: Executor, row: NewSignalRow): Promise<void> {
  await db.insert(needSignals).values(row);
}

/** An organisation's own signals, newest first, with their encrypted texts. */
export function findSignalsOf(db: Executor, organisationId: string, limit = 100): Promise<SignalRow[]> {
  return db
    .select()
    .from(needSignals)
    .where(eq(needSignals.organisationId, organisationId))
    .orderBy(desc(needSignals.createdAt))
    .limit(limit);
}

/** Visitors' signals waiting for a moderator, oldest first. */
export function findPendingSignals(db: Executor, limit = 200): Promise<SignalRow[]> {
  return db
    .select()
    .from(needSignals)
    .where(eq(needSignals.status, 'pending'))
    .orderBy(needSignals.createdAt)
    .limit(limit);
}

/** One signal, locked for a decision. */
export async function lockSignal(db: Executor, id: string): Promise<SignalRow | undefined> {
  const [row] = await db.select().from(needSignals).where(eq(needSignals.id, id)).for('update');
  return row;
}

export async function setSignalDecision(
  db: Executor,
  id: string,
  decision: Pick<NewSignalRow, 'status' | 'decidedAt' | 'decidedBy'>,
): Promise<void> {
  await db.update(needSignals).set(decision).where(eq(needSignals.id, id));
}
