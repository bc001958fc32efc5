// The welfare glossary, which is also the search thesaurus (glossary.schema.ts). The search module
// reads it (concepts/thesaurus-concepts.ts); its public pages list and show its concepts (pages/).
// The names of the themes its concepts belong to come from the directory's manifest (theme-names.ts).
// Each process keeps the whole glossary in memory per edition (snapshot/glossary-store.ts): the
// exports (export/) and the terms shown under other modules' pages (terms/) are made from it.
import type { ModuleManifest } from '../../http/module-manifest.ts';
import { tablesOf } from '../../db/tables.ts';
import { moduleErrors } from '../../shared/errors.ts';
import * as glossarySchema from './glossary.schema.ts';
import { glossaryExportsWeb } from './export/export.web.ts';
import { editConceptWeb } from './pages/edit-concept.web.ts';
import { glossaryWeb } from './pages/glossary.web.ts';
import { GlossaryStore } from './snapshot/glossary-store.ts';
import { noThemeNames, type ThemeNames } from './theme-names.ts';

declare module '../../http/deps.ts' {
  interface Services {
    /** The directory's themes' names, for concepts' pages (theme-names.ts). */
    glossaryThemeNames: ThemeNames;
    /** This process's copy of the glossary, per edition; search tells it of new editions. */
    glossary: GlossaryStore;
  }
}

const errors = moduleErrors('glossary', {
  /** A slug the glossary does not hold. */
  GLOSSARY_CONCEPT_NOT_FOUND: 404,
});

export const glossaryModule = {
  name: 'glossary',
  tables: tablesOf(glossarySchema),
  errors,
  start: ({ modules, db, log }) => ({
    services: {
      glossaryThemeNames: modules.find((m) => m.themeNames)?.themeNames ?? noThemeNames,
      glossary: new GlossaryStore(db, (error) => log.error({ err: error }, 'glossary copy')),
    },
  }),
  routes: { pages: [glossaryWeb, editConceptWeb], root: [glossaryExportsWeb] },
} satisfies ModuleManifest;
