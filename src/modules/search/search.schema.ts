// The change log that search sources share (search-source.ts, change-log.ts): a source's triggers
// call log_search_change (migration 0036), which appends the owners whose documents changed and
// NOTIFYs search_changes; every app process's index follows it.
import { sql } from 'drizzle-orm';
import { bigserial, index, pgTable, text } from 'drizzle-orm/pg-core';
import { moment, transactionId } from '../../db/columns.ts';

export const searchChanges = pgTable(
  'search_changes',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    /** The source's name (SearchSource.name), e.g. "events". */
    source: text().notNull(),
    /** What groups the source's documents: the event, the question, … */
    ownerId: text().notNull(),
    changedAt: moment().notNull().defaultNow(),
    /** The transaction that wrote the entry: readers follow the log by snapshot (change-log.ts). */
    xid: transactionId()
      .notNull()
      .default(sql`pg_current_xact_id()`),
  },
  (t) => [
    index('search_changes_source_xid_idx').on(t.source, t.xid),
    index('search_changes_changed_at_idx').on(t.changedAt),
  ],
);

/**
 * Up to when each source's time window was last looked at (search-window.ts): the next run logs the
 * owners whose documents changed only because time passed since then.
 */
export const searchWindowRuns = pgTable('search_window_runs', {
  /** The source's name (SearchSource.name). */
  source: text().primaryKey(),
  ranAt: moment().notNull(),
});
