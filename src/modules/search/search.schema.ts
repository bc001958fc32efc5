// The change log that search sources share (search-source.ts, change-log.ts): a source's triggers
// call log_search_change (migration 0036), which appends the owners whose documents changed and
// NOTIFYs search_changes; every app process's index follows it.
import { sql } from 'drizzle-orm';
import { bigserial, index, integer, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { bytea, moment, transactionId } from '../../db/columns.ts';

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

/**
 * The last snapshot of the search index, per source (snapshot.ts): a new process loads it instead of
 * analysing every document again, then applies the changes logged after `changeCursor`. Written by
 * one process at a time, in one transaction that replaces the previous one; deleting the rows makes
 * the next start a full build.
 */
export const searchSnapshots = pgTable('search_snapshots', {
  source: text().primaryKey(),
  /** The analysis the documents were made with (engine version and glossary edition). */
  analysisKey: text().notNull(),
  /** The source's change log position (a PostgreSQL snapshot, search-source.ts) the documents are at least as new as. */
  changeCursor: text().notNull(),
  /** When that position was read: the log must still hold every change after it. */
  cursorReadAt: moment().notNull(),
  /** When the full build the documents descend from read them: at most a day ago to be used. */
  builtAt: moment().notNull(),
  documents: integer().notNull(),
  madeAt: moment().notNull().defaultNow(),
});

/**
 * A snapshot's data, in parts of a few MB: documents and terms (JSON lines), and words (binary),
 * each deflated (snapshot.ts) in `data`.
 */
export const searchSnapshotParts = pgTable(
  'search_snapshot_parts',
  {
    source: text()
      .notNull()
      .references(() => searchSnapshots.source, { onDelete: 'cascade' }),
    kind: text().notNull(),
    part: integer().notNull(),
    /** No longer written (engine version 4 on): documents and terms were kept here as JSON text. */
    json: text(),
    /** The part deflated: documents and terms as JSON lines, the words' arrays (engine/term-snapshot.ts). */
    data: bytea(),
    /** MD5 of data (of json as UTF-8 before): a part changed since it was written is not used. */
    checksum: text().notNull(),
  },
  (t) => [primaryKey({ columns: [t.source, t.kind, t.part] })],
);
