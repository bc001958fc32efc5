// One process's copies of what the library shows everyone, made once per edition of the practices
// (practices-edition.ts) and of the search thesaurus: the first pages of each search (bounded, least
// recently used dropped), the published practices' rows and what their pages show beside them (the
// organisations' names, their services, the attachments' names: presented-practice.ts), the
// published practices by theme and item for the related lists, and the shared worksheet items.
// Only published practices and public items enter them, so they are the same for every reader;
// what depends on the reader (their drafts, their organisations) is read per request. A copy read
// while the edition moved is kept under the old edition, so never served again. The directory's
// part of a page (names, services) moves without the edition: it is read again after `directoryMs`.
import { LRUCache } from 'lru-cache';
import { sql } from 'drizzle-orm';
import type { Executor } from '../../../db/client.ts';
import type { I18nText } from '../../../shared/i18n-text.ts';
import { thesaurus } from '../../search/index.ts';
import { type LibraryKinds, libraryKinds } from './library-kinds.ts';
import { PracticesEdition } from './practices-edition.ts';
import { findPractice, type PracticeRow } from './practices.repo.ts';
import { type PresentedPractice, readPresentedPractice } from './presented-practice.ts';
import { type PublishedPractice, relatedIn, relatedIndex, type RelatedIndex } from './related-practices.ts';
import { type PracticeResults, type PracticeSearch, searchPractices } from './search-practices.ts';
import { listSharedItems, type WorksheetItem } from './worksheet-items.ts';

/** Pages of a search kept (the later ones are asked for rarely, and read each time). */
export const keptPages = 5;
/** Searches' pages kept per edition. */
const keptSearches = 500;

/** Published practices' rows kept per edition. */
const keptRows = 2_000;

/**
 * How long what a published practice's page shows of the directory (the organisations' names and
 * their services) serves: an organisation renamed or a service closed shows within this time. The
 * attachments kept with it move with the edition (adding or removing one moves it).
 */
export const directoryMs = 10_000;

/**
 * How long the organisation kinds the filter offers serve: they change with the practices (a new
 * edition reads them again) and with an organisation's profile, which shows within this time.
 */
export const kindsMs = 30_000;

interface Catalog {
  related: RelatedIndex;
  items: WorksheetItem[];
  itemsById: Map<string, WorksheetItem>;
}

interface Copies {
  edition: number;
  thesaurus: object;
  pages: LRUCache<string, Promise<PracticeResults>>;
  /** Published practices' rows by their address, as findPractice reads them. */
  rows: LRUCache<string, PracticeRow>;
  /** What published practices' pages show beside the row, by practice id and version, with when it was read. */
  presented: LRUCache<string, { at: number; value: Promise<PresentedPractice> }>;
  catalog?: Promise<Catalog>;
}

async function readCatalog(db: Executor): Promise<Catalog> {
  const [{ rows }, items] = await Promise.all([
    db.execute<{ id: string; slug: string; title: I18nText; themes: string[]; items: string[]; at: string }>(
      sql`select id, slug, title, themes, obstacles || levers || tools as items,
                 (extract(epoch from published_at) * 1000)::float8 as at
          from practices where status = 'published'`,
    ),
    listSharedItems(db),
  ]);
  const published: PublishedPractice[] = rows.map((r) => ({
    id: r.id,
    slug: r.slug,
    title: r.title,
    themes: r.themes,
    items: r.items,
    publishedAt: Number(r.at),
  }));
  return { related: relatedIndex(published), items, itemsById: new Map(items.map((i) => [i.id, i])) };
}

export class PracticesLibrary {
  private copies: Copies | undefined;
  private kindsCopy:
    { edition: number; at: number; serial: number; kinds: Promise<LibraryKinds> } | undefined;

  constructor(
    private readonly db: Executor,
    readonly edition: PracticesEdition,
  ) {}

  private current(): Copies {
    const edition = this.edition.current;
    const words = thesaurus();
    if (this.copies?.edition !== edition || this.copies.thesaurus !== words)
      this.copies = {
        edition,
        thesaurus: words,
        pages: new LRUCache({ max: keptSearches }),
        rows: new LRUCache({ max: keptRows }),
        presented: new LRUCache({ max: keptRows }),
      };
    return this.copies;
  }

  /** The kinds of organisation of the published practices (library-kinds.ts), read again now and then. */
  kinds(): Promise<LibraryKinds> {
    return this.currentKinds().kinds;
  }

  private currentKinds() {
    const edition = this.edition.current;
    const now = Date.now();
    const copy = this.kindsCopy;
    if (copy && copy.edition === edition && now - copy.at < kindsMs) return copy;
    const kinds = libraryKinds(this.db);
    const fresh = { edition, at: now, serial: (copy?.serial ?? 0) + 1, kinds };
    kinds.catch(() => {
      if (this.kindsCopy === fresh) this.kindsCopy = undefined;
    });
    return (this.kindsCopy = fresh);
  }

  /** The search's page: the first ones kept per edition, the later ones read. */
  async search(search: PracticeSearch): Promise<PracticeResults> {
    // A kind finds the organisations of that kind now: pages by kind are kept with those kinds only.
    const kindsCopy = search.kind ? this.currentKinds() : undefined;
    const kinds = kindsCopy ? await kindsCopy.kinds : undefined;
    if (search.page > keptPages) return searchPractices(this.db, search, kinds);
    const { pages } = this.current();
    const key = JSON.stringify([
      search.q ?? '',
      search.theme ?? '',
      search.obstacle ?? '',
      search.lever ?? '',
      search.kind ?? '',
      kindsCopy?.serial ?? 0,
      search.commune ?? '',
      search.page,
      search.perPage,
    ]);
    let results = pages.get(key);
    if (!results) {
      results = searchPractices(this.db, search, kinds);
      results.catch(() => pages.delete(key));
      pages.set(key, results);
    }
    return results;
  }

  /**
   * A practice by its address or id (findPractice): a published one from the copy, any other read
   * each time (a draft is its organisation's, and its reader is checked by the caller anyway).
   */
  async practice(key: string): Promise<PracticeRow | undefined> {
    const { rows } = this.current();
    const kept = rows.get(key);
    if (kept) return kept;
    const row = await findPractice(this.db, key);
    if (row?.status === 'published') rows.set(key, row);
    return row;
  }

  /**
   * What the practice's page shows beside it (presented-practice.ts): a published practice's from
   * the copy (its directory part at most `directoryMs` old), any other's read each time.
   */
  presented(practice: PracticeRow): Promise<PresentedPractice> {
    if (practice.status !== 'published') return readPresentedPractice(this.db, practice);
    const { presented } = this.current();
    // By the version of the row too: one read from a row of an older edition is not taken for this one.
    const key = `${practice.id}/${practice.updatedAt.getTime()}`;
    const now = Date.now();
    const kept = presented.get(key);
    if (kept && now - kept.at < directoryMs) return kept.value;
    const value = readPresentedPractice(this.db, practice);
    const fresh = { at: now, value };
    value.catch(() => {
      if (presented.get(key) === fresh) presented.delete(key);
    });
    presented.set(key, fresh);
    return value;
  }

  private catalog(): Promise<Catalog> {
    const copies = this.current();
    if (!copies.catalog) {
      copies.catalog = readCatalog(this.db);
      copies.catalog.catch(() => (copies.catalog = undefined));
    }
    return copies.catalog;
  }

  /** The worksheet items everyone may see and filter by (listSharedItems). */
  async sharedItems(): Promise<WorksheetItem[]> {
    return (await this.catalog()).items;
  }

  /** Shared items by id: a published practice's items are all among them. */
  async sharedItemsById(): Promise<Map<string, WorksheetItem>> {
    return (await this.catalog()).itemsById;
  }

  /** Published practices sharing themes or items with this one (related-practices.ts). */
  async related(
    practice: { id: string; themes: string[]; obstacles: string[]; levers: string[]; tools: string[] },
    limit = 5,
  ): Promise<{ slug: string; title: I18nText }[]> {
    return relatedIn((await this.catalog()).related, practice, limit);
  }
}

/** The library of each database handle: the one the module started (it polls), or one made here. */
const libraries = new WeakMap<object, PracticesLibrary>();

export function practicesLibrary(db: Executor): PracticesLibrary {
  let library = libraries.get(db);
  if (!library) libraries.set(db, (library = new PracticesLibrary(db, new PracticesEdition(db))));
  return library;
}

/** A use case of this process committed a change of a practice: the next page reads it. */
export function practicesChanged(db: Executor): void {
  libraries.get(db)?.edition.changed();
}

/** The module's library for the process: it polls for changes made by other processes. */
export function watchPractices(db: Executor, onError: (error: unknown) => void): PracticesLibrary {
  const library = new PracticesLibrary(db, new PracticesEdition(db, onError));
  libraries.set(db, library);
  library.edition.watch();
  return library;
}
