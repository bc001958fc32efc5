// Shared knowledge: good practices that organisations write up in the worksheet's shape (obstacles
// met, levers that helped, tools and tips, from shared lists), a library to find them in any
// language, and the services of the organisations involved next to each.
import type { ModuleManifest } from '../../http/module-manifest.ts';
import { tablesOf } from '../../db/tables.ts';
import { moduleErrors } from '../../shared/errors.ts';
import { itemsWeb } from './items/items.web.ts';
import * as knowledgeSchema from './knowledge.schema.ts';
import { practiceAttachmentFilesWeb } from './practices/practice-attachment-files.web.ts';
import { watchPractices } from './practices/practices-library.ts';
import { practicesWeb } from './practices/practices.web.ts';
import { attachmentsWeb } from './practices/attachments.web.ts';
import { writePracticeWeb } from './practices/write-practice.web.ts';
import { practicesSearchSource } from './search/practices-source.ts';

const errors = moduleErrors('knowledge', {
  /** Also for a draft or an unpublished practice of an organisation the reader does not belong to. */
  PRACTICE_NOT_FOUND: 404,
  /** Featuring a practice that is not published. */
  PRACTICE_NOT_PUBLISHED: 409,
  /** The organisation publishing again a practice a moderator took off the library. */
  PRACTICE_TAKEN_DOWN: 409,
  /** An item of the shared worksheet lists that does not exist (any more: merged into another). */
  WORKSHEET_ITEM_NOT_FOUND: 404,
});

export const knowledgeModule = {
  name: 'knowledge',
  tables: tablesOf(knowledgeSchema),
  errors,
  start: ({ db, log }) => {
    // This process's copies of the library, read again when the practices change (here or elsewhere).
    const library = watchPractices(db, (error) => log.error({ err: error }, 'practices edition'));
    return { close: () => library.edition.close() };
  },
  searchSources: [practicesSearchSource],
  routes: {
    root: [practiceAttachmentFilesWeb],
    pages: [practicesWeb, writePracticeWeb, attachmentsWeb, itemsWeb],
  },
} satisfies ModuleManifest;
