// The welfare glossary, which is also the search thesaurus (glossary.schema.ts). The search module
// reads it (concepts/thesaurus-concepts.ts); its pages come with the knowledge module's.
import type { ModuleManifest } from '../../http/module-manifest.ts';
import { tablesOf } from '../../db/tables.ts';
import * as glossarySchema from './glossary.schema.ts';

export const glossaryModule = {
  name: 'glossary',
  tables: tablesOf(glossarySchema),
} satisfies ModuleManifest;
