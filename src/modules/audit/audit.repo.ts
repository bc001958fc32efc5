// Writing and reading the audit log. There is no update or delete here, and the database refuses
// them too (migration 0004).
import { and, count, desc, eq, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import type { Actor } from '../../shared/actor.ts';
import { auditLog } from './audit.schema.ts';

export type AuditEntry = typeof auditLog.$inferSelect;
export type NewAuditEntry = Omit<typeof auditLog.$inferInsert, 'id' | 'at'>;

/** Records one entry, or several in one statement (steps of one action, in their order). */
export async function recordAudit(db: Executor, entry: NewAuditEntry | NewAuditEntry[]): Promise<void> {
  if (Array.isArray(entry) && !entry.length) return;
  await db.insert(auditLog).values(Array.isArray(entry) ? entry : [entry]);
}

/** Records what a use case's actor did, inside the use case's transaction. */
export async function auditAction(
  tx: Executor,
  ctx: { actor: Actor; ip: string | null },
  entry: Pick<NewAuditEntry, 'event' | 'subjectType' | 'subjectId' | 'details'>,
): Promise<void> {
  await recordAudit(tx, { ...entry, actorId: ctx.actor.userId, actorEmail: ctx.actor.email, ip: ctx.ip });
}

export interface AuditFilters {
  event?: string;
  actorId?: string;
  subjectType?: string;
  subjectId?: string;
}

export async function listAudit(
  db: Executor,
  filters: AuditFilters,
  page: { offset: number; limit: number },
): Promise<{ rows: AuditEntry[]; total: number }> {
  const where: SQL[] = [];
  if (filters.event) where.push(eq(auditLog.event, filters.event));
  if (filters.actorId) where.push(eq(auditLog.actorId, filters.actorId));
  if (filters.subjectType) where.push(eq(auditLog.subjectType, filters.subjectType));
  if (filters.subjectId) where.push(eq(auditLog.subjectId, filters.subjectId));
  const condition = where.length ? and(...where) : undefined;
  const [rows, [total]] = await Promise.all([
    db
      .select()
      .from(auditLog)
      .where(condition)
      .orderBy(desc(auditLog.id))
      .offset(page.offset)
      .limit(page.limit),
    db.select({ n: count() }).from(auditLog).where(condition),
  ]);
  return { rows, total: total?.n ?? 0 };
}
