// The change log sources share, so that a source needs no table of its own. Its triggers call
// log_search_change('<source>', '<owner column>') (migration 0036), which appends the owners whose
// documents changed to search_changes and NOTIFYs `search_changes`; changeLog(name) reads it.
//
// A log is followed by snapshot, not by id (migration 0041). Ids are taken when a row is written, not
// when its transaction commits: a transaction that took id 10 may commit after one that took id 11,
// and a reader that had read up to 11 would never see 10. So each entry keeps the transaction that
// wrote it (xid8), and a reader's position is the PostgreSQL snapshot of its last read
// (pg_current_snapshot()::text, "xmin:xmax:xip,…"). The next read gives exactly the entries that
// snapshot did not see (pg_visible_in_snapshot), all of them with xid >= its xmin (an index range),
// and the snapshot of that same statement becomes the new position: every committed entry is given
// once, whatever the order transactions commit in.
import { type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import type { ChangeCursor, SearchSource } from './search-source.ts';

/** The channel log_search_change NOTIFYs, with the source's name as payload. */
export const searchChangesChannel = 'search_changes';

/** The position of a change log now: the snapshot a read at this moment sees. */
export async function currentChangeCursor(db: Executor): Promise<ChangeCursor> {
  const result = await db.execute<{ cursor: string }>(sql`select pg_current_snapshot()::text as cursor`);
  return result.rows[0]!.cursor;
}

/**
 * The owners of a change log's entries that the snapshot `cursor` did not see, and the snapshot of
 * this read, the next cursor. `table` and `owner` name the log and its owner column; `where` narrows
 * it (a source of a shared log).
 */
export async function changesAfterSnapshot(
  db: Executor,
  cursor: ChangeCursor,
  log: { table: SQL; owner: SQL; where?: SQL },
): Promise<{ ownerIds: string[]; until: ChangeCursor }> {
  const result = await db.execute<{ until: string; owner_ids: string[] }>(sql`
    select pg_current_snapshot()::text as until, array(
      select distinct ${log.owner}::text from ${log.table}
      where ${log.where ?? sql`true`}
        and xid >= pg_snapshot_xmin(${cursor}::pg_snapshot)
        and not pg_visible_in_snapshot(xid, ${cursor}::pg_snapshot)
    ) as owner_ids`);
  const row = result.rows[0]!;
  return { ownerIds: row.owner_ids, until: row.until };
}

/** A source's part of the shared change log: its channel and how to read and prune it. */
export function changeLog(
  source: string,
): Pick<SearchSource, 'channel' | 'latestChange' | 'changesSince' | 'pruneChanges'> {
  return {
    channel: searchChangesChannel,
    latestChange: currentChangeCursor,
    changesSince: (db: Executor, cursor: ChangeCursor) =>
      changesAfterSnapshot(db, cursor, {
        table: sql`search_changes`,
        owner: sql`owner_id`,
        where: sql`source = ${source}`,
      }),
    // The log only needs to reach back as far as the slowest process; a day is plenty.
    pruneChanges: async (db: Executor) => {
      await db.execute(
        sql`delete from search_changes where source = ${source} and changed_at < now() - interval '1 day'`,
      );
    },
  };
}
