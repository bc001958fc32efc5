// Keeps one process's search index equal to the database, for every source (search-source.ts).
// Each source's triggers log the owners (organisations, events, …) whose documents changed and NOTIFY;
// each process LISTENs, reloads the documents of those owners, and also polls the logs every few seconds,
// so a notification lost in a reconnect only delays an update. Any number of processes can serve
// one PostgreSQL this way. The glossary is the thesaurus: it is read before the first documents, and
// again when a moderator changes it (notified, or seen by the poll), after which the documents it can
// change (glossary-reindex.ts) are indexed anew so that their concepts follow.
import pg from 'pg';
import type { DatabaseConnection } from '../../db/client.ts';
import { AppError } from '../../shared/errors.ts';
import { glossaryChannel, glossaryEdition, thesaurusConcepts } from '../glossary/index.ts';
import { SnapshotSearchIndex } from './engine/index-snapshot.ts';
import { type Concept, thesaurus, useConcepts } from './engine/thesaurus.ts';
import { glossarySlices, type ReindexSlice, replaceSlice, TaggedEditions } from './glossary-reindex.ts';
import { holdHeapGrowthBound } from '../../shared/heap-growth.ts';
import type { ChangeCursor, SearchSource } from './search-source.ts';
import { type SnapshotOptions, SnapshotWriter, takeSnapshot } from './live-snapshot.ts';
import { analysisKey, type SnapshotSource } from './snapshot.ts';
import { loadOrBuild } from './snapshot-load.ts';
import { replaceInSlices } from './refresh-slices.ts';

export interface LiveIndexOptions {
  /** How often to look at the change log without a notification. */
  pollMs?: number;
  /**
   * Follow notifications (default). Behind a connection pooler in transaction mode LISTEN does not
   * work; polling alone then keeps the index current, a poll interval behind.
   */
  listen?: boolean;
  onError?: (error: unknown) => void;
  /** Told of each new glossary edition read (the glossary's own copy follows it). */
  onGlossaryEdition?: (edition: string) => void;
  /** The snapshot in PostgreSQL, loaded at start and written now and then (live-snapshot.ts); false: neither. */
  snapshots?: false | SnapshotOptions;
  /** Called once the first load is done, before the index says it is ready (to pack its lists). */
  afterLoad?: () => void | Promise<void>;
}

export class LiveSearchIndex {
  readonly index = new SnapshotSearchIndex(thesaurus());
  /** Resolves once every source is indexed. */
  readonly ready: Promise<void>;
  /** Each source's position in its change log (a snapshot, search-source.ts). */
  private readonly cursors = new Map<string, ChangeCursor>();
  private running: Promise<void> = Promise.resolve();
  private listener: pg.Client | undefined;
  private timer: NodeJS.Timeout | undefined;
  private closed = false;
  /** Reading the glossary has its own queue: a new word is understood without waiting for a re-index. */
  private reading: Promise<void> = Promise.resolve();
  /** The re-index for the latest glossary edition: under way, done, or failed (tried again at the next poll). */
  private reindexState: 'running' | 'done' | 'failed' = 'done';
  /** Raised by each re-index started: an older one stops where it is, as the newer one does it all again. */
  private reindexRun = 0;
  /**
   * Where a failed re-index stopped: its edition, its slices and the one that failed. The next try for
   * that edition goes on from that slice (the ones before have the edition's concepts already); a
   * newer edition starts again from the first.
   */
  private reindexFailed: { edition: string | undefined; slices: ReindexSlice[]; at: number } | undefined;
  /** The glossary edition the thesaurus was made from (glossaryEdition), and its concepts. */
  private edition: string | undefined;
  private concepts: readonly Concept[] = [];
  /** The editions documents may be tagged with: what a new one changes is taken from each. */
  private readonly tagged = new TaggedEditions();
  /** The edition every document is tagged with (once its re-index is done). */
  private indexedEdition: string | undefined;
  /** When each source's cursor was last read (Date.now()): a snapshot's cursors are that old. */
  private readonly cursorReadAt = new Map<string, number>();
  /** When each source's documents were last read in full (Date.now()): a snapshot carries it on. */
  private readonly builtAt = new Map<string, number>();
  /** Writes the snapshot now and then (live-snapshot.ts). */
  readonly snapshots: SnapshotWriter;

  private loaded = false;
  /**
   * When the last complete read of every change log began (performance.now()): the index holds
   * every change committed before it. Until the first load, when loading began.
   */
  private syncedAt = performance.now();

  constructor(
    private readonly database: DatabaseConnection,
    private readonly sources: readonly SearchSource[],
    private readonly options: LiveIndexOptions = {},
  ) {
    this.snapshots = new SnapshotWriter(database.pool, options.snapshots || {}, {
      active: () => this.loaded && !this.closed,
      version: () => this.index.version,
      settledEdition: () =>
        this.reindexState === 'done' && this.indexedEdition === this.edition ? this.edition : null,
      capture: (edition) => this.capture(edition),
      onError: (error) => this.options.onError?.(error),
    });
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
      } catch (error) {
        this.options.onError?.(error);
        // At most 2 s apart: fresh again about 2 s after the database is back.
        await new Promise((r) => setTimeout(r, Math.min(2_000, 500 * 2 ** attempt)).unref());
        continue;
      }
      // Outside the retry: start() is done and must not run twice.
      this.index.prepareOpenNow();
      await Promise.resolve(this.options.afterLoad)
        .then((f) => f?.())
        .catch((error: unknown) => this.options.onError?.(error));
      this.loaded = true;
      return;
    }
  }

  private async start(): Promise<void> {
    await this.readGlossary();
    const loaded = await this.indexAll();
    this.indexedEdition = this.edition;
    this.tagged.settled(this.concepts);
    if (this.options.listen !== false) await this.listen();
    this.timer = setInterval(() => {
      void this.refresh();
      void this.refreshGlossary();
      if (this.options.snapshots !== false) void this.snapshots.write();
    }, this.options.pollMs ?? 5_000);
    this.timer.unref();
    this.snapshots.started(loaded.length === this.sources.length, loaded.length > 0);
    // What changed since the snapshot, before ready: a search must not find what was hidden since.
    // Documents that time moved (an event's next date, an ended offer) are logged by window jobs.
    if (loaded.length) await this.refresh();
  }

  /** Whether this process follows the change notifications now (else it polls only), for /metrics. */
  get listening(): boolean {
    return this.listener !== undefined;
  }

  /**
   * How far behind the database the index may be, in seconds: the time since the last complete read
   * of the change logs began (a poll every few seconds, or a notification). Grows while the database
   * cannot be read, and while the first load runs.
   */
  get lagSeconds(): number {
    return (performance.now() - this.syncedAt) / 1000;
  }

  /** The documents in the index, of every source. */
  get documents(): number {
    return this.index.count;
  }

  private async listen(): Promise<void> {
    if (this.closed) return;
    const client = new pg.Client(this.database.pool.options);
    client.on(
      'notification',
      (message) => void (message.channel === glossaryChannel ? this.refreshGlossary() : this.refresh()),
    );
    client.on('error', (error) => {
      this.options.onError?.(error);
      client.end().catch(() => {});
      if (this.listener !== client) return;
      this.listener = undefined;
      void this.listenAgain();
    });
    try {
      await client.connect();
      for (const channel of new Set([glossaryChannel, ...this.sources.map((s) => s.channel)]))
        await client.query(`LISTEN ${client.escapeIdentifier(channel)}`);
    } catch (error) {
      await client.end().catch(() => {});
      throw error;
    }
    this.listener = client;
  }

  /**
   * After the connection that listens was lost: connects again until it works, however long the
   * database is away (polling covers the gap), then reads what changed meanwhile at once.
   */
  private async listenAgain(): Promise<void> {
    for (let attempt = 0; !this.closed && !this.listener; attempt++) {
      // At most 2 s apart: search is fresh again within about 2 s of the database coming back.
      await new Promise((r) => setTimeout(r, Math.min(2_000, 500 * 2 ** attempt)).unref());
      try {
        await this.listen();
      } catch (error) {
        this.options.onError?.(error);
      }
    }
    if (this.closed) {
      await this.listener?.end().catch(() => {});
      return;
    }
    void this.refresh();
    void this.refreshGlossary();
  }

  /**
   * Every source's documents, from the snapshot where it may be used, else from the source, from the
   * position of its change log. Returns the sources loaded from the snapshot.
   */
  private async indexAll(): Promise<SearchSource[]> {
    const began = performance.now();
    const key = this.options.snapshots !== false && analysisKey(this.edition);
    const { database, index, sources } = this;
    const build = (source: SearchSource) => this.buildSource(source);
    const heads = await loadOrBuild(database, index, sources, key, build, (e) => this.options.onError?.(e));
    for (const [{ name }, head] of heads) {
      this.cursors.set(name, head.cursor);
      this.cursorReadAt.set(name, head.cursorReadAt);
      this.builtAt.set(name, head.builtAt);
    }
    if (!heads.size) this.syncedAt = began;
    return [...heads.keys()];
  }

  /** A source's documents from the source, from the position of its change log. */
  private async buildSource(source: SearchSource): Promise<void> {
    const { db } = this.database;
    const readAt = Date.now();
    // Read the log's position before the documents: a change in between is applied twice, never lost.
    const cursor = await source.latestChange(db);
    await this.index.replaceGradually(await source.documents(db), undefined, source.name);
    this.cursors.set(source.name, cursor);
    this.cursorReadAt.set(source.name, readAt);
    this.builtAt.set(source.name, readAt);
  }

  /** Every source's documents, words and cursors, taken in the queue, if still tagged with `edition`. */
  private capture(
    edition: string | undefined,
  ): Promise<{ version: number; sources: SnapshotSource[] } | undefined> {
    const taken = this.running.then(async () => {
      if (this.closed || this.reindexState !== 'done' || this.indexedEdition !== edition) return undefined;
      return takeSnapshot(this.index, this.sources, this.cursors, this.cursorReadAt, this.builtAt);
    });
    this.running = taken.then(
      () => undefined,
      () => undefined,
    );
    return taken;
  }

  /** Makes the glossary's current edition the thesaurus; true when it changed. */
  private async readGlossary(): Promise<boolean> {
    const { db } = this.database;
    // The edition first: a change committed while the concepts are read is read again next time.
    const edition = await glossaryEdition(db);
    if (edition === this.edition) return false;
    const concepts = await thesaurusConcepts(db);
    // An empty glossary (a database migrated before it had one) gives the first edition.
    const made = useConcepts(concepts);
    this.index.setThesaurus(made);
    this.tagged.read((this.concepts = made.concepts));
    this.edition = edition;
    this.options.onGlossaryEdition?.(edition);
    return true;
  }

  /**
   * The documents the edition can change (all of them when that is too many: glossary-reindex.ts),
   * read and replaced a few organisations at a time: searches meanwhile find each organisation's
   * documents, old or new. Each slice waits in the queue behind the changes
   * asked for meanwhile, so a directory change is not held up by a whole re-index. The change logs'
   * positions stay: what changed meanwhile, new organisations too, comes with the next refresh.
   * A slice that fails stops it; the next poll goes on from that slice (reindexFailed).
   */
  private reindex(): Promise<void> {
    const run = ++this.reindexRun;
    const [edition, concepts] = [this.edition, this.concepts];
    this.reindexState = 'running';
    const resumed = this.reindexFailed?.edition === edition ? this.reindexFailed : undefined;
    this.reindexFailed = undefined;
    // Owners read when the first slice runs, on the queue: behind any import still being added.
    let slices: ReindexSlice[] = resumed?.slices ?? [];
    const plan = async () =>
      (slices = (await glossarySlices(this.index, this.sources, this.tagged.all, concepts)).slices);
    // The whole re-index is an intake (shared/heap-growth.ts): at 100,000 documents, a 3,000-concept
    // edition took RSS from about 440 to 740-870 MB with V8's own growth.
    const release = holdHeapGrowthBound();
    return new Promise<void>((resolve) => {
      const step = (n: number) => {
        this.running = this.running.then(async () => {
          if (this.closed || run !== this.reindexRun) return resolve();
          try {
            if (!resumed && n === 0) await plan();
            const slice = slices[n];
            if (!slice) {
              this.reindexState = 'done';
              this.indexedEdition = edition;
              this.tagged.settled(concepts);
              return resolve();
            }
            await replaceSlice(this.index, this.database.db, slice);
            step(n + 1);
          } catch (error) {
            this.options.onError?.(error);
            // A newer re-index started meanwhile has it in hand.
            if (run === this.reindexRun) {
              this.reindexState = 'failed';
              // A plan that failed is made again next time (an empty plan resumed would do nothing).
              this.reindexFailed = slices.length ? { edition, slices, at: n } : undefined;
            }
            resolve();
          }
        });
      };
      step(resumed?.at ?? 0);
    }).finally(release);
  }

  /**
   * A changed glossary: the new thesaurus for queries at once, then every document tagged anew (a
   * re-index under way for an older edition gives way). Resolves when the documents are tagged.
   */
  refreshGlossary(): Promise<void> {
    const read = this.reading.then(async () => {
      if (this.closed || !this.loaded) return false;
      return (await this.readGlossary()) || this.reindexState === 'failed';
    });
    this.reading = read.then(
      () => undefined,
      () => undefined,
    );
    return read.then(
      (again) => (again ? this.reindex() : undefined),
      (error: unknown) => this.options.onError?.(error),
    );
  }

  /** Applies the changes logged since the last refresh. Calls queue behind each other. */
  refresh(): Promise<void> {
    this.running = this.running.then(async () => {
      if (this.closed) return;
      try {
        const began = performance.now();
        for (const source of this.sources) await this.refreshSource(source);
        this.syncedAt = began;
      } catch (error) {
        this.options.onError?.(error);
      }
    });
    return this.running;
  }

  private async refreshSource(source: SearchSource): Promise<void> {
    const { db } = this.database;
    const cursor = this.cursors.get(source.name);
    // Set by indexAll for every source before any refresh runs.
    if (cursor === undefined) return;
    const readAt = Date.now();
    const { ownerIds, until } = await source.changesSince(db, cursor);
    if (!ownerIds.length) {
      // Nothing new: the newer snapshot keeps the next read's range of the log short.
      this.cursors.set(source.name, until);
      this.cursorReadAt.set(source.name, readAt);
      return;
    }
    // A bulk import changes thousands of owners at once: read and indexed a slice at a time.
    await replaceInSlices(this.index, source, db, ownerIds);
    this.cursors.set(source.name, until);
    this.cursorReadAt.set(source.name, readAt);
    if (Math.random() < 0.01) await source.pruneChanges(db);
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearInterval(this.timer);
    if (this.loaded) await this.ready;
    await this.reading;
    await this.running;
    await this.snapshots.close();
    await this.listener?.end().catch(() => {});
  }
}
