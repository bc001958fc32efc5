// Search: the index of this process over every module's search sources, kept in step with the
// database. The pages and APIs that search belong to the modules whose documents they show (the
// directory's search page today).
import type { ModuleManifest } from '../../http/module-manifest.ts';
import { moduleErrors } from '../../shared/errors.ts';
import { LiveSearchIndex } from './live-index.ts';

declare module '../../http/deps.ts' {
  interface Services {
    /** This process's search index (live-index.ts). */
    search: LiveSearchIndex;
  }
}

const errors = moduleErrors('search', {
  SEARCH_UNAVAILABLE: 503,
});

export const searchModule = {
  name: 'search',
  errors,
  start: ({ database, log, modules }) => {
    const sources = modules.flatMap((module) => module.searchSources ?? []);
    const search = new LiveSearchIndex(database, sources, {
      onError: (error) => log.error({ err: error }, 'search index'),
    });
    return { services: { search }, ready: () => search.isReady, close: () => search.close() };
  },
} satisfies ModuleManifest;
