// Exchange between organisations: offers and requests (volunteers, interpreters and languages, a
// room or material, expertise, transport) on a board with filters and search in any language, each
// with its matches on the other side; posts past their date close themselves, their authors
// reminded a week before.
import type { ModuleManifest } from '../../http/module-manifest.ts';
import { tablesOf } from '../../db/tables.ts';
import { moduleErrors } from '../../shared/errors.ts';
import * as exchangeSchema from './exchange.schema.ts';
import { boardWeb } from './posts/board.web.ts';
import { runPostExpiry } from './posts/run-post-expiry.ts';
import { writePostsWeb } from './posts/write-posts.web.ts';

const errors = moduleErrors('exchange', {
  /** Also for a fulfilled, closed or expired post of an organisation the reader does not belong to. */
  EXCHANGE_POST_NOT_FOUND: 404,
  /** Changing, fulfilling or closing a post that is no longer open. */
  EXCHANGE_POST_NOT_OPEN: 409,
});

export const exchangeModule = {
  name: 'exchange',
  tables: tablesOf(exchangeSchema),
  errors,
  routes: { pages: [boardWeb, writePostsWeb] },
  jobs: ({ database, origin, mailQueued }) => [
    {
      // Each morning: posts past their date close; their authors are reminded a week before, once.
      name: 'exchange-post-expiry',
      cron: '15 6 * * *',
      run: async () => {
        const result = await runPostExpiry(database.db, { now: new Date(), origin });
        mailQueued();
        return result;
      },
    },
  ],
} satisfies ModuleManifest;
