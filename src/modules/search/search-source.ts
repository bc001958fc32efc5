// What a module gives to search. Each module with things to find (the directory's organisations
// and services, the network's events and questions, …) declares its sources in its module.ts
// (`searchSources`). A source turns its rows into search documents (otherDoc in other-doc.ts for
// anything but the directory) and keeps a change log: triggers append the owners whose documents
// changed and NOTIFY a channel, so every app process's index follows the database (live-index.ts).
// The owner is whatever groups a source's documents: the organisation for the directory, the item
// itself for most others. A source without a log of its own uses the shared one (change-log.ts).
// Only what any visitor may see is a document: search results are public.
import type { SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import type { SearchDoc } from './engine/search-types.ts';

/**
 * A position in a source's change log: the PostgreSQL snapshot of the read that reached it, as text
 * (pg_current_snapshot()::text, "xmin:xmax:xip,…"; change-log.ts). Stored and given back as it is.
 */
export type ChangeCursor = string;

export interface SearchSource {
  /** Names the source's documents in the index, e.g. "directory". */
  readonly name: string;
  /** The channel its triggers NOTIFY after a change. */
  readonly channel: string;
  /** Every document of the source, or those of some owners; an owner with none has none any more. */
  documents(db: Executor, ownerIds?: string[]): Promise<SearchDoc[]>;
  /** The position of its change log now. */
  latestChange(db: Executor): Promise<ChangeCursor>;
  /** The owners changed after a position, and the position they are changed up to. */
  changesSince(db: Executor, cursor: ChangeCursor): Promise<{ ownerIds: string[]; until: ChangeCursor }>;
  /** Forgets old entries of the change log; called now and then. */
  pruneChanges(db: Executor): Promise<void>;
  /**
   * For a source whose documents change as time passes (an event 30 days after its last date, a
   * call after its deadline, …): a query of the owners (one text column) whose documents changed
   * only because the time went from `from` to `to` (timestamptz expressions, from excluded). The
   * module's search window job (searchWindowJob, search-window.ts) logs them every few minutes.
   */
  crossedWindow?(from: SQL, to: SQL): SQL;
}

declare module '../../http/module-manifest.ts' {
  interface ModuleManifest {
    /** What the module gives to search (search-source.ts). */
    readonly searchSources?: readonly SearchSource[];
  }
}
