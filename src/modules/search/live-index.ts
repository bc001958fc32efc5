// Keeps one process's search index equal to the database, for every source (search-source.ts).
// Each source's triggers log the organisations whose documents changed and NOTIFY; each process
// LISTENs, reloads the documents of those organisations, and also polls the logs every few seconds,
// so a notification lost in a reconnect only delays an update. Any number of processes can serve
// one PostgreSQL this way.
import pg from 'pg';
import type { DatabaseConnection } from '../../db/client.ts';
import { AppError } from '../../shared/errors.ts';
import { SearchIndex } from './engine/search-index.ts';
import { thesaurus } from './engine/thesaurus.ts';
import type { SearchSource } from './search-source.ts';

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
  /** Resolves once every source is indexed. */
  readonly ready: Promise<void>;
  /** Each source's position in its change log. */
  private readonly cursors = new Map<string, number>();
  private running: Promise<void> = Promise.resolve();
  private listener: pg.Client | undefined;
  private timer: NodeJS.Timeout | undefined;
  private closed = false;

  private loaded = false;

  constructor(
    private readonly database: DatabaseConnection,
    private readonly sources: readonly SearchSource[],
    private readonly options: LiveIndexOptions = {},
  ) {
    this.ready = this.startUntilLoaded();
  }

  /** Whether every source is indexed, for the readiness check. */
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
    const { db } = this.database;
    for (const source of this.sources) {
      // Read the log's position before the documents: a change in between is applied twice, never lost.
      this.cursors.set(source.name, await source.latestChange(db));
      await this.index.replaceGradually(await source.documents(db), undefined, source.name);
    }
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
    for (const source of this.sources)
      await client.query(`LISTEN ${client.escapeIdentifier(source.channel)}`);
    this.listener = client;
  }

  /** Applies the changes logged since the last refresh. Calls queue behind each other. */
  refresh(): Promise<void> {
    this.running = this.running.then(async () => {
      if (this.closed) return;
      try {
        for (const source of this.sources) await this.refreshSource(source);
      } catch (error) {
        this.options.onError?.(error);
      }
    });
    return this.running;
  }

  private async refreshSource(source: SearchSource): Promise<void> {
    const { db } = this.database;
    const { ownerIds, until } = await source.changesSince(db, this.cursors.get(source.name) ?? 0);
    if (!ownerIds.length) return;
    const docs = await source.documents(db, ownerIds);
    // A bulk import changes thousands of organisations at once: index those in slices.
    if (ownerIds.length > 200) await this.index.replaceGradually(docs, ownerIds, source.name);
    else this.index.replace(docs, ownerIds, source.name);
    this.cursors.set(source.name, until);
    if (Math.random() < 0.01) await source.pruneChanges(db);
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearInterval(this.timer);
    if (this.loaded) await this.ready;
    await this.running;
    await this.listener?.end().catch(() => {});
  }
}
