// Search: the index of this process over every module's search sources, kept in step with the
// database. The pages and APIs that search belong to the modules whose documents they show (the
// directory's search page today).
import type { ModuleManifest } from '../../http/module-manifest.ts';
import { moduleErrors } from '../../shared/errors.ts';
import { LiveSearchIndex } from './live-index.ts';
import type { RelatedResultsSource } from './related-results.ts';

declare module '../../http/deps.ts' {
  interface Services {
    /** This process's search index (live-index.ts). */
    search: LiveSearchIndex;
    /** What other modules show next to search results (related-results.ts), in module order. */
    relatedResults: readonly RelatedResultsSource[];
  }
}

const errors = moduleErrors('search', {
  SEARCH_UNAVAILABLE: 503,
});

export const searchModule = {
  name: 'search',
  errors,
  start: ({ database, log, modules, services }) => {
    const sources = modules.flatMap((module) => module.searchSources ?? []);
    const search = new LiveSearchIndex(database, sources, {
      onError: (error) => log.error({ err: error }, 'search index'),
      // The glossary's copy in this process follows the editions this index reads.
      onGlossaryEdition: (edition) => services.glossary?.noticeEdition(edition),
    });
    const relatedResults = modules.flatMap((module) => module.relatedResults ?? []);
    return { services: { search, relatedResults }, ready: () => search.isReady, close: () => search.close() };
  },
} satisfies ModuleManifest;
