// One process's copy of the glossary (glossary-snapshot.ts), and what is made from it once per
// edition: the matcher of terms on pages, the exports. It does not watch the database itself: the
// search index already follows the glossary's edition (notified at each change, and polled), and
// tells this store of each edition it reads (search's module.ts). A page asking meanwhile gets the
// copy it has while the new one loads in the background; the exports ask for the exact edition.
import type { Executor } from '../../../db/client.ts';
import { glossaryEdition } from '../concepts/thesaurus-concepts.ts';
import { type GlossarySnapshot, readGlossarySnapshot } from './glossary-snapshot.ts';

/** Things made from one edition kept at most (exports for several origins, matchers, views). */
const derivedMax = 32;

export interface LoadedGlossary {
  snapshot: GlossarySnapshot;
  /**
   * Made once from this edition, by key. A promise is kept as it is, so callers asking while it is
   * being made share it; one that fails is forgotten, and the next caller makes it again.
   */
  derived<T>(key: string, make: (snapshot: GlossarySnapshot) => T): T;
}

function loaded(snapshot: GlossarySnapshot): LoadedGlossary {
  const made = new Map<string, unknown>();
  return {
    snapshot,
    derived<T>(key: string, make: (snapshot: GlossarySnapshot) => T): T {
      if (made.has(key)) return made.get(key) as T;
      if (made.size >= derivedMax) made.clear();
      const value = make(snapshot);
      made.set(key, value);
      if (value instanceof Promise)
        value.catch(() => {
          if (made.get(key) === value) made.delete(key);
        });
      return value;
    },
  };
}

export class GlossaryStore {
  private current: LoadedGlossary | undefined;
  private loading: Promise<LoadedGlossary> | undefined;
  /** An edition other than the copy's was announced since the copy was read. */
  private stale = false;

  constructor(
    private readonly db: Executor,
    private readonly onError: (error: unknown) => void = () => {},
  ) {}

  /**
   * The edition someone read (search's index, at boot too): a different one is loaded in the
   * background, so the first page after a start or a change does not wait for it.
   */
  noticeEdition(edition: string): void {
    if (this.current?.snapshot.edition === edition) return;
    this.stale = true;
    if (!this.loading) void this.load().catch(this.onError);
  }

  /** The copy this process has (the first one read now), for pages: no query once loaded. */
  async kept(): Promise<LoadedGlossary> {
    if (!this.current) return this.load();
    if (this.stale && !this.loading) void this.load().catch(this.onError);
    return this.current;
  }

  /** The copy, or none while the glossary cannot be read (the failure is logged): pages go on. */
  async keptOrNone(): Promise<LoadedGlossary | null> {
    try {
      return await this.kept();
    } catch (error) {
      this.onError(error);
      return null;
    }
  }

  /** The glossary as it is now (one query for its edition), for the exports. */
  async exact(): Promise<LoadedGlossary> {
    const edition = await glossaryEdition(this.db);
    if (this.current?.snapshot.edition === edition) return this.current;
    const read = await this.load();
    // A load that began before this change was committed: once more.
    return read.snapshot.edition === edition ? read : this.load();
  }

  private load(): Promise<LoadedGlossary> {
    if (this.loading) return this.loading;
    this.stale = false;
    this.loading = readGlossarySnapshot(this.db)
      .then((snapshot) => {
        this.current = loaded(snapshot);
        return this.current;
      })
      .finally(() => {
        this.loading = undefined;
      });
    return this.loading;
  }
}
