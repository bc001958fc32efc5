// Search: the index of this process over every module's search sources, kept in step with the
// database. The pages and APIs that search belong to the modules whose documents they show (the
// directory's search page today).
import type { ModuleManifest } from '../../http/module-manifest.ts';
import { tablesOf } from '../../db/tables.ts';
import { moduleErrors } from '../../shared/errors.ts';
import { collectGarbage } from '../../shared/collect-garbage.ts';
import { boundSteadyHeapGrowth, heapGrowthBounded } from '../../shared/heap-growth.ts';
import * as searchSchema from './search.schema.ts';
import { LiveSearchIndex } from './live-index.ts';
import { glossaryTermsSource } from './sources/glossary-terms.ts';
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
  tables: tablesOf(searchSchema),
  start: ({ database, log, modules, services }) => {
    // The glossary's terms are found as results too; the glossary sits below search, so search reads them.
    const sources = [...modules.flatMap((module) => module.searchSources ?? []), glossaryTermsSource];
    const search = new LiveSearchIndex(database, sources, {
      onError: (error) => log.error({ err: error }, 'search index'),
      // The glossary's copy in this process follows the editions this index reads.
      onGlossaryEdition: (edition) => services.glossary?.noticeEdition(edition),
      // The long posting lists' plain arrays are packed before the process says it is ready.
      afterLoad: async () => {
        await search.index.words.packLongLists();
      },
    });
    // Once ready, the suggestions are made in slices: made at the first suggest request, that
    // request and every one after it waited the seconds of the making. Then two full collections
    // (shared/collect-garbage.ts) give back both the load's garbage (rows, snapshot parts, analysed
    // texts, the lists' plain arrays once packed) and the suggestions': an idle process would hold
    // it. Session 27 moved the load's collections here from before ready: they were 0.3-0.6 s of a
    // restart's time to ready, and the idle process holds the same (478-480 MB RSS after a restart
    // at 50,000 services + 50,000 other documents, against 484-490 MB).
    search.ready
      .then(() => search.index.prepareSuggestions())
      .catch((error: unknown) => log.error({ err: error }, 'search suggestions'))
      // Made or not, the load's garbage goes; from then on the heap grows twofold between full
      // collections, from the limit these collections set (V8 reads the flag as it sets it).
      .then(() => {
        boundSteadyHeapGrowth();
        collectGarbage();
      })
      .catch((error: unknown) => log.error({ err: error }, 'garbage collection'));
    const relatedResults = modules.flatMap((module) => module.relatedResults ?? []);
    return {
      services: { search, relatedResults },
      ready: () => search.isReady,
      metrics: [
        {
          name: 'passerelle_search_index_ready',
          help: 'Whether the search index holds the whole directory (1) or is still loading (0)',
          type: 'gauge',
          read: () => (search.isReady ? 1 : 0),
        },
        {
          // The bench takes the idle memory once they are made (bench/run.ts).
          name: 'passerelle_search_suggestions_ready',
          help: 'Whether the search suggestions are made (1) or not yet (0)',
          type: 'gauge',
          // From the suggestions themselves: a making that failed here and succeeded at an ask counts.
          read: () => (search.isReady && search.index.suggestionsMade ? 1 : 0),
        },
        {
          name: 'passerelle_search_index_documents',
          help: 'Documents in this process’s search index',
          type: 'gauge',
          read: () => search.documents,
        },
        {
          name: 'passerelle_search_index_lag_seconds',
          help: 'Seconds since the search index last read every change log completely',
          type: 'gauge',
          read: () => search.lagSeconds,
        },
        {
          name: 'passerelle_search_intake_heap_bounded',
          help: 'Whether the heap’s growth is bounded (1) while the index takes in a large intake',
          type: 'gauge',
          read: () => (heapGrowthBounded() ? 1 : 0),
        },
        {
          name: 'passerelle_search_listening',
          help: 'Whether the search index follows change notifications (1) or only polls (0)',
          type: 'gauge',
          read: () => (search.listening ? 1 : 0),
        },
      ],
      close: () => search.close(),
    };
  },
} satisfies ModuleManifest;
