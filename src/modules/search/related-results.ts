// What a module shows next to the directory's search results (questions to the network, say). The
// directory is below those modules, so it cannot ask them: each declares in its module.ts
// `relatedResults`, the search module gathers them at start into deps.services.relatedResults, and
// the search page asks each for its few best matches. A source must be cheap (one indexed query)
// and is asked only for searches with words.
import type { Executor } from '../../db/client.ts';
import type { Locale } from '../../shared/i18n-text.ts';

export interface RelatedSearch {
  /** The words searched for (never empty). */
  q: string;
  locale: Locale;
  /** Who reads: some results are only for signed-in people or members. */
  viewer: { userId: string; platformRole: string } | null;
  limit: number;
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
  /** The best matches for a search, or null when there are none. */
  find(db: Executor, search: RelatedSearch): Promise<RelatedResults | null>;
}

declare module '../../http/module-manifest.ts' {
  interface ModuleManifest {
    /** What the module shows next to the directory's search results (related-results.ts). */
    readonly relatedResults?: readonly RelatedResultsSource[];
  }
}
