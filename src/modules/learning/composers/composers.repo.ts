// The organisations the moderators allowed to compose paths.
import { asc, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../../db/client.ts';
import { learningComposers } from '../learning.schema.ts';

export type ComposerRow = typeof learningComposers.$inferSelect;

export function listComposers(db: Executor): Promise<ComposerRow[]> {
  return db.select().from(learningComposers).orderBy(asc(learningComposers.allowedAt));
}

/** Those of these organisations that are allowed. */
export async function allowedAmong(db: Executor, organisationIds: string[]): Promise<string[]> {
  if (!organisationIds.length) return [];
  const rows = await db
    .select({ id: learningComposers.organisationId })
    .from(learningComposers)
    .where(inArray(learningComposers.organisationId, organisationIds));
  return rows.map((r) => r.id);
}

/** True when it was not allowed yet. */
export async function insertComposer(
  tx: Executor,
  organisationId: string,
  allowedBy: string,
  now: Date,
): Promise<boolean> {
  const rows = await tx
    .insert(learningComposers)
    .values({ organisationId, allowedBy, allowedAt: now })
    .onConflictDoNothing()
    .returning({ id: learningComposers.organisationId });
  return rows.length > 0;
}

/** True when it was allowed. */
export async function deleteComposer(tx: Executor, organisationId: string): Promise<boolean> {
  const rows = await tx
    .delete(learningComposers)
    .where(eq(learningComposers.organisationId, organisationId))
    .returning({ id: learningComposers.organisationId });
  return rows.length > 0;
}
