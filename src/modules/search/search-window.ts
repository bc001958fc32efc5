// Documents that change only because time passes: an event is findable until 30 days after its last
// date, a funding call until 30 days after its deadline, an offer until its last day, and an event
// shows its next date. No row changes when such a moment passes, so no trigger logs it. A module
// with such sources runs a job every few minutes (its `jobs` in module.ts) that calls
// logWindowCrossings: for each source, the owners whose moments fell between the previous run and
// now (the source's crossedWindow query, on an index) are logged with search_changed(), and every
// process's index reloads them. The previous run's time is kept per source (search_window_runs), so
// a job that did not run for a while catches up; runs are idempotent and serialised by a row lock.
import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import type { SearchSource } from './search-source.ts';

/** How far back the first run of a source looks. */
const firstLookBack = sql`interval '1 day'`;

/** Logs the owners whose documents changed as time passed since the last run; how many, by source. */
export async function logWindowCrossings(
  db: Executor,
  sources: readonly SearchSource[],
): Promise<Record<string, number>> {
  const logged: Record<string, number> = {};
  for (const source of sources) {
    const crossed = source.crossedWindow;
    if (!crossed) continue;
    logged[source.name] = await db.transaction(async (tx) => {
      await tx.execute(sql`
        insert into search_window_runs (source, ran_at) values (${source.name}, now() - ${firstLookBack})
        on conflict (source) do nothing`);
      // Locked: a second run at the same moment waits, then starts where this one ends.
      const run = await tx.execute<{ from: string }>(
        sql`select ran_at::text as "from" from search_window_runs where source = ${source.name} for update`,
      );
      const from = sql`${run.rows[0]!.from}::timestamptz`;
      // now() is the transaction's start: the next run starts exactly where this one ends.
      const owners = await tx.execute<{ ids: string[] }>(
        sql`select array(${crossed(from, sql`now()`)}) as ids`,
      );
      const ids = owners.rows[0]!.ids;
      if (ids.length) await tx.execute(sql`select search_changed(${source.name}, ${sql.param(ids)}::text[])`);
      await tx.execute(sql`update search_window_runs set ran_at = now() where source = ${source.name}`);
      return ids.length;
    });
  }
  return logged;
}
