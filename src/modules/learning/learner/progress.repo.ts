// A signed-in learner's place in each path, and the anonymous counts of choices (written in
// batches by choice-tally.ts).
import { and, eq } from 'drizzle-orm';
import type { Executor } from '../../../db/client.ts';
import { learningChoiceCounts, learningProgress } from '../learning.schema.ts';
import type { Progress } from './progress.ts';

export async function findProgress(db: Executor, userId: string, pathId: string): Promise<Progress | null> {
  const [row] = await db
    .select({ cardKey: learningProgress.cardKey, completedAt: learningProgress.completedAt })
    .from(learningProgress)
    .where(and(eq(learningProgress.userId, userId), eq(learningProgress.pathId, pathId)));
  return row ?? null;
}

export async function saveProgress(
  tx: Executor,
  userId: string,
  pathId: string,
  progress: Progress,
  now: Date,
): Promise<void> {
  await tx
    .insert(learningProgress)
    .values({ userId, pathId, ...progress, createdAt: now, updatedAt: now })
    .onConflictDoUpdate({
      target: [learningProgress.userId, learningProgress.pathId],
      set: { ...progress, updatedAt: now },
    });
}

/** The counts of a path: "<card key>/<choice key>" → how often. */
export async function countsOf(db: Executor, pathId: string): Promise<Map<string, number>> {
  const rows = await db.select().from(learningChoiceCounts).where(eq(learningChoiceCounts.pathId, pathId));
  return new Map(rows.map((r) => [`${r.cardKey}/${r.choiceKey}`, r.count]));
}
