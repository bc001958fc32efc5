// The choices learners made, gathered in this process's memory and written to
// learning_choice_counts in batches (every 30 seconds, and when the process stops), never in a
// learner's own transaction: a signed-in learner's progress is saved in that one, and rows written
// together carry the same transaction id (xmin), which would tie the counts to the account. A batch
// adds up the steps of whoever learned in the meantime, so a row's change names no step.
import { inArray, sql } from 'drizzle-orm';
import type { Database } from '../../../db/client.ts';
import { learningChoiceCounts, learningPaths } from '../learning.schema.ts';

const every = 30_000;
/** The tallies of this process, for flushChoiceCounts. */
const live = new Set<ChoiceTally>();

export class ChoiceTally {
  /** "<path id>|<card key>|<choice key>" → how many more. */
  private pending = new Map<string, number>();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly db: Database,
    private readonly onError: (error: unknown) => void = () => {},
  ) {}

  start(): void {
    live.add(this);
    this.timer = setInterval(() => void this.flush().catch(this.onError), every);
    this.timer.unref();
  }

  add(pathId: string, cardKey: string, choiceKeys: readonly string[]): void {
    for (const choiceKey of choiceKeys) {
      const key = `${pathId}|${cardKey}|${choiceKey}`;
      this.pending.set(key, (this.pending.get(key) ?? 0) + 1);
    }
  }

  /** Writes what was gathered in one transaction; kept for the next batch when it fails. */
  async flush(): Promise<void> {
    if (!this.pending.size) return;
    const batch = this.pending;
    this.pending = new Map();
    const rows = [...batch].map(([key, count]) => {
      const [pathId, cardKey, choiceKey] = key.split('|') as [string, string, string];
      return { pathId, cardKey, choiceKey, count };
    });
    try {
      await this.db.transaction(async (tx) => {
        // A path removed since has no counts to keep.
        const ids = [...new Set(rows.map((r) => r.pathId))];
        const existing = await tx
          .select({ id: learningPaths.id })
          .from(learningPaths)
          .where(inArray(learningPaths.id, ids));
        const kept = rows.filter((r) => existing.some((p) => p.id === r.pathId));
        if (!kept.length) return;
        await tx
          .insert(learningChoiceCounts)
          .values(kept)
          .onConflictDoUpdate({
            target: [
              learningChoiceCounts.pathId,
              learningChoiceCounts.cardKey,
              learningChoiceCounts.choiceKey,
            ],
            set: { count: sql`${learningChoiceCounts.count} + excluded.count` },
          });
      });
    } catch (error) {
      for (const [key, count] of batch) this.pending.set(key, (this.pending.get(key) ?? 0) + count);
      throw error;
    }
  }

  async close(): Promise<void> {
    clearInterval(this.timer);
    live.delete(this);
    await this.flush();
  }
}

/** Writes every tally of this process now: for tests, which cannot wait for the next batch. */
export async function flushChoiceCounts(): Promise<void> {
  await Promise.all([...live].map((t) => t.flush()));
}
