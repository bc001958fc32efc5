// The version of each organisation's calendar address (see feed-token.ts).
import { eq, sql } from 'drizzle-orm';
import type { Executor } from '../../../db/client.ts';
import { roomFeedKeys } from '../spaces.schema.ts';

export async function findFeedVersion(db: Executor, organisationId: string): Promise<number> {
  const [row] = await db
    .select({ version: roomFeedKeys.version })
    .from(roomFeedKeys)
    .where(eq(roomFeedKeys.organisationId, organisationId));
  return row?.version ?? 0;
}

/** The next version, written at once (two at once each get their own). */
export async function nextFeedVersion(
  tx: Executor,
  organisationId: string,
  change: { by: string | null; now: Date },
): Promise<number> {
  const [row] = await tx
    .insert(roomFeedKeys)
    .values({ organisationId, version: 1, changedBy: change.by, changedAt: change.now })
    .onConflictDoUpdate({
      target: roomFeedKeys.organisationId,
      set: { version: sql`${roomFeedKeys.version} + 1`, changedBy: change.by, changedAt: change.now },
    })
    .returning({ version: roomFeedKeys.version });
  return row!.version;
}
