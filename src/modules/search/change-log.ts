// The change log sources share, so that a source needs no table of its own. Its triggers call
// log_search_change('<source>', '<owner column>') (migration 0036), which appends the owners whose
// documents changed to search_changes and NOTIFYs `search_changes`; changeLog(name) reads it.
import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import type { SearchSource } from './search-source.ts';

/** The channel log_search_change NOTIFYs, with the source's name as payload. */
export const searchChangesChannel = 'search_changes';

/** A source's part of the shared change log: its channel and how to read and prune it. */
export function changeLog(
  source: string,
): Pick<SearchSource, 'channel' | 'latestChange' | 'changesSince' | 'pruneChanges'> {
  return {
    channel: searchChangesChannel,
    latestChange: async (db: Executor) => {
      const result = await db.execute<{ id: string | null }>(
        sql`select max(id)::text as id from search_changes where source = ${source}`,
      );
      return Number(result.rows[0]?.id ?? 0);
    },
    changesSince: async (db: Executor, cursor: number) => {
      const result = await db.execute<{ owner_id: string; id: string }>(sql`
        select owner_id, max(id)::text as id from search_changes
        where source = ${source} and id > ${cursor} group by owner_id`);
      let until = cursor;
      for (const row of result.rows) until = Math.max(until, Number(row.id));
      return { ownerIds: result.rows.map((r) => r.owner_id), until };
    },
    // The log only needs to reach back as far as the slowest process; a day is plenty.
    pruneChanges: async (db: Executor) => {
      await db.execute(
        sql`delete from search_changes where source = ${source} and changed_at < now() - interval '1 day'`,
      );
    },
  };
}
