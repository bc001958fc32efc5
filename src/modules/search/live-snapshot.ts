// When a process writes the search snapshot (snapshot.ts): while its index moves, at most every few
// minutes (5 by default), soon after a full build (10 s) so that the next start is fast, never while
// a glossary re-index is under way, and only when no other process wrote one lately (any process may
// write; a lock in PostgreSQL lets one at a time).
import type pg from 'pg';
import type { SnapshotSearchIndex } from './engine/index-snapshot.ts';
import type { ChangeCursor, SearchSource } from './search-source.ts';
import { analysisKey, recentSnapshot, type SnapshotSource, writeSnapshot } from './snapshot.ts';

export interface SnapshotOptions {
  everyMs?: number;
  firstAfterMs?: number;
}

/** What the live index gives the writer (live-index.ts). */
export interface SnapshotHost {
  /** Whether it is loaded and not closed. */
  active(): boolean;
  version(): number;
  /** The glossary edition every document is tagged with, or null during a re-index. */
  settledEdition(): string | undefined | null;
  /**
   * Every source's documents, words and cursors, taken in its queue (no change applied meanwhile),
   * if the edition is still `edition`; undefined otherwise.
   */
  capture(edition: string | undefined): Promise<{ version: number; sources: SnapshotSource[] } | undefined>;
  onError(error: unknown): void;
}

export class SnapshotWriter {
  /** The index version the last snapshot written or loaded holds. */
  private version = -1;
  private next = 0;
  private writing: Promise<boolean> | undefined;
  private readonly everyMs: number;
  private readonly firstAfterMs: number;

  constructor(
    private readonly pool: pg.Pool,
    options: SnapshotOptions,
    private readonly host: SnapshotHost,
  ) {
    this.everyMs = options.everyMs ?? 300_000;
    this.firstAfterMs = options.firstAfterMs ?? 10_000;
  }

  /** After start: `fromSnapshot` when every source came from the snapshot (the next one waits). */
  started(fromSnapshot: boolean, anyFromSnapshot: boolean): void {
    if (anyFromSnapshot) this.version = this.host.version();
    this.next = performance.now() + (fromSnapshot ? this.everyMs : this.firstAfterMs);
  }

  /** Writes one when it is time and the index moved; `force` skips this process's own schedule. */
  write(force = false): Promise<boolean> {
    if (!this.host.active() || this.writing) return Promise.resolve(false);
    if (!force && (performance.now() < this.next || this.host.version() === this.version))
      return Promise.resolve(false);
    this.next = performance.now() + this.everyMs;
    this.writing = this.writeNow()
      .catch((error: unknown) => {
        this.host.onError(error);
        return false;
      })
      .finally(() => (this.writing = undefined));
    return this.writing;
  }

  private async writeNow(): Promise<boolean> {
    const edition = this.host.settledEdition();
    if (edition === null) return false;
    const key = analysisKey(edition);
    if (await recentSnapshot(this.pool, key, this.everyMs)) return false;
    const taken = await this.host.capture(edition);
    if (!taken || !(await writeSnapshot(this.pool, key, this.everyMs, taken.sources))) return false;
    this.version = taken.version;
    return true;
  }

  /** Waits for a write under way. */
  async close(): Promise<void> {
    await this.writing;
  }
}

/** Every source's documents, words and cursors as they are now (the caller holds changes back). */
export async function takeSnapshot(
  index: SnapshotSearchIndex,
  sources: readonly SearchSource[],
  cursors: ReadonlyMap<string, ChangeCursor>,
  cursorReadAt: ReadonlyMap<string, number>,
  builtAt: ReadonlyMap<string, number>,
): Promise<{ version: number; sources: SnapshotSource[] }> {
  const version = index.version;
  const contents = await index.exportSources(sources.map((s) => s.name));
  return {
    version,
    sources: sources.map(({ name }, i) => ({
      source: name,
      // Every source has its cursor once the index is loaded, before any snapshot is taken.
      cursor: cursors.get(name)!,
      cursorReadAt: cursorReadAt.get(name) ?? 0,
      builtAt: builtAt.get(name) ?? 0,
      content: contents[i]!,
    })),
  };
}
