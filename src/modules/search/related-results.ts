// What a module shows next to the directory's search results (questions to the network, say). The
// directory is below those modules, so it cannot ask them: each declares in its module.ts
// `relatedResults`, the search module gathers them at start into deps.services.relatedResults, and
// the search page asks each for its few best matches. A source must be cheap (one indexed query)
// and is asked only for searches with words. A source whose public items are in the index says so
// (`indexedAs`): for a visitor the page then hands it the index's best matches (`found`), and the
// source reads those few rather than searching its table on every search.
import type { Executor } from '../../db/client.ts';
import type { Locale } from '../../shared/i18n-text.ts';
import type { DocType } from './engine/search-types.ts';

export interface RelatedSearch {
  /** The words searched for (never empty). */
  q: string;
  locale: Locale;
  /** Who reads: some results are only for signed-in people or members. */
  viewer: { userId: string; platformRole: string } | null;
  limit: number;
  /**
   * For a visitor, when the source is `indexedAs` a type: the ids of that type's best matches for
   * the words in the index, best first, at most `limit` (none when the index matched only some of
   * the words). What a visitor may see of the source is all in the index.
   */
  found?: readonly string[];
}

export interface RelatedResult {
  title: string;
  href: string;
  /** The language the title is written in, when it is not the page's. */
  lang?: string;
  /** A short line under the title, plain text. */
  meta?: string;
}

/** A box of results, its texts already in the reader's language. */
export interface RelatedResults {
  heading: string;
  items: RelatedResult[];
  more: { href: string; label: string };
}

export interface RelatedResultsSource {
  readonly name: string;
  /** The index's type of what a visitor may see of the source, when the index holds all of it. */
  readonly indexedAs?: DocType;
  /** The best matches for a search, or null when there are none. */
  find(db: Executor, search: RelatedSearch): Promise<RelatedResults | null>;
}

declare module '../../http/module-manifest.ts' {
  interface ModuleManifest {
    /** What the module shows next to the directory's search results (related-results.ts). */
    readonly relatedResults?: readonly RelatedResultsSource[];
  }
}
