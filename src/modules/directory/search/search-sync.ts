// Keeps one process's search index equal to the database. Triggers append every changed
// organisation to directory_changes and NOTIFY; each process LISTENs, reloads those organisations,
// and also polls the log every few seconds, so a notification lost in a reconnect only delays an
// update. Any number of processes can serve one PostgreSQL this way.
import pg from 'pg';
import type { DatabaseConnection } from '../../../db/client.ts';
import { AppError } from '../../../shared/errors.ts';
import { buildDocs } from './search-docs.ts';
import { SearchIndex } from './search-index.ts';
import { changesSince, latestChange, loadDirectorySnapshot, pruneChanges } from './search.repo.ts';
import { thesaurus } from './thesaurus.ts';

export interface LiveIndexOptions {
  /** How often to look at the change log without a notification. */
  pollMs?: number;
  /**
   * Follow notifications (default). Behind a connection pooler in transaction mode LISTEN does not
   * work; polling alone then keeps the index current, a poll interval behind.
   */
  listen?: boolean;
  onError?: (error: unknown) => void;
}

export class LiveSearchIndex {
  readonly index = new SearchIndex(thesaurus());
  /** Resolves once the whole directory is indexed. */
  readonly ready: Promise<void>;
  private cursor = 0;
  private running: Promise<void> = Promise.resolve();
  private listener: pg.Client | undefined;
  private timer: NodeJS.Timeout | undefined;
  private closed = false;

  private loaded = false;

  constructor(
    private readonly database: DatabaseConnection,
    private readonly options: LiveIndexOptions = {},
  ) {
    this.ready = this.startUntilLoaded();
  }

  /** Whether the whole directory is indexed, for the readiness check. */
  get isReady(): boolean {
    return this.loaded;
  }

  /** Waits for the index, but not forever: a request gets a clear 503 rather than hanging. */
  async readyWithin(ms: number): Promise<void> {
    if (this.loaded) return;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new AppError('SEARCH_UNAVAILABLE')), ms);
    });
    try {
      await Promise.race([this.ready, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** A database that is down at start-up only delays the index: loading retries until it works. */
  private async startUntilLoaded(): Promise<void> {
    for (let attempt = 0; !this.closed; attempt++) {
      try {
        await this.start();
        this.loaded = true;
        return;
      } catch (error) {
        this.options.onError?.(error);
        await new Promise((r) => setTimeout(r, Math.min(10_000, 500 * 2 ** attempt)).unref());
      }
    }
  }

  private async start(): Promise<void> {
    // Read the log's position before the snapshot: a change in between is applied twice, never lost.
    this.cursor = await latestChange(this.database.db);
    const snapshot = await loadDirectorySnapshot(this.database.db);
    await this.index.replaceGradually(buildDocs(snapshot));
    if (this.options.listen !== false) await this.listen();
    this.timer = setInterval(() => void this.refresh(), this.options.pollMs ?? 5_000);
    this.timer.unref();
  }

  private async listen(): Promise<void> {
    if (this.closed) return;
    const client = new pg.Client(this.database.pool.options);
    client.on('notification', () => void this.refresh());
    client.on('error', (error) => {
      this.options.onError?.(error);
      this.listener = undefined;
      client.end().catch(() => {});
      // Reconnect after a pause; polling covers the gap.
      if (!this.closed)
        setTimeout(() => void this.listen().catch((e) => this.options.onError?.(e)), 2_000).unref();
    });
    await client.connect();
    await client.query('LISTEN directory_changes');
    this.listener = client;
  }

  /** Applies the changes logged since the last refresh. Calls queue behind each other. */
  refresh(): Promise<void> {
    this.running = this.running.then(async () => {
      if (this.closed) return;
      try {
        const { organisationIds, until } = await changesSince(this.database.db, this.cursor);
        if (!organisationIds.length) return;
        const snapshot = await loadDirectorySnapshot(this.database.db, organisationIds);
        // A bulk import changes thousands of organisations at once: index those in slices.
        if (organisationIds.length > 200)
          await this.index.replaceGradually(buildDocs(snapshot), organisationIds);
        else this.index.replace(buildDocs(snapshot), organisationIds);
        this.cursor = until;
        if (Math.random() < 0.01) await pruneChanges(this.database.db);
      } catch (error) {
        this.options.onError?.(error);
      }
    });
    return this.running;
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearInterval(this.timer);
    if (this.loaded) await this.ready;
    await this.running;
    await this.listener?.end().catch(() => {});
  }
}
