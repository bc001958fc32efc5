// Reports about listings: writing one, the open ones, closing one.
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Executor } from '../../../db/client.ts';
import { reports } from '../moderation.schema.ts';
import type { ReportReason } from '../moderation.vocabulary.ts';

export type ReportRow = typeof reports.$inferSelect;

export async function insertReport(
  db: Executor,
  values: { organisationId: string; reason: ReportReason; message: string },
): Promise<void> {
  await db.insert(reports).values(values);
}

export async function findOpenReports(db: Executor, limit = 200): Promise<ReportRow[]> {
  return db
    .select()
    .from(reports)
    .where(isNull(reports.resolvedAt))
    .orderBy(asc(reports.createdAt))
    .limit(limit);
}

/** Marks a report resolved; false when it was unknown or resolved already. */
export async function markReportResolved(
  db: Executor,
  id: string,
  userId: string,
  now: Date,
): Promise<boolean> {
  const result = await db
    .update(reports)
    .set({ resolvedAt: now, resolvedBy: userId })
    .where(and(eq(reports.id, id), isNull(reports.resolvedAt)));
  return (result.rowCount ?? 0) > 0;
}
