// Exchange between organisations: offers and requests (volunteers, interpreters and languages, a
// room or material, expertise, transport) on a board with filters and search in any language, each
// with its matches on the other side; posts past their date close themselves, their authors
// reminded a week before. Funding calls (calls/): a calendar with filters and "calls I can apply
// for", published by the moderators and organisations they verified, followed by organisations
// (reminders 14 and 3 days before the deadline), an iCalendar feed, and requests for help on the board.
import type { ModuleManifest } from '../../http/module-manifest.ts';
import { tablesOf } from '../../db/tables.ts';
import { moduleErrors } from '../../shared/errors.ts';
import * as callsSchema from './calls/calls.schema.ts';
import { callsWeb } from './calls/calls.web.ts';
import { runCallReminders } from './calls/run-call-reminders.ts';
import { writeCallsWeb } from './calls/write-calls.web.ts';
import * as exchangeSchema from './exchange.schema.ts';
import { boardWeb } from './posts/board.web.ts';
import { fulfilledFigures } from './posts/fulfilled-figures.ts';
import { runPostExpiry } from './posts/run-post-expiry.ts';
import { writePostsWeb } from './posts/write-posts.web.ts';
import { threadsWeb } from './threads/threads.web.ts';
import { logWindowCrossings } from '../search/index.ts';
import { callsSearchSource } from './search/calls-source.ts';
import { offersSearchSource } from './search/offers-source.ts';

const errors = moduleErrors('exchange', {
  /** Also for a fulfilled, closed or expired post of an organisation the reader does not belong to. */
  EXCHANGE_POST_NOT_FOUND: 404,
  /** Changing, fulfilling or closing a post that is no longer open; a new thread on it. */
  EXCHANGE_POST_NOT_OPEN: 409,
  /** A thread the reader takes no part in: it does not exist for them. */
  EXCHANGE_THREAD_NOT_FOUND: 404,
  /** Answering one's own organisation's post. */
  EXCHANGE_OWN_POST: 403,
  /** An informal group answering a post for registered organisations only. */
  EXCHANGE_INFORMAL_NOT_ALLOWED: 403,
  /** Also for a withdrawn call, to those who are not its publisher's members nor moderators. */
  EXCHANGE_CALL_NOT_FOUND: 404,
  /** Changing a withdrawn call. */
  EXCHANGE_CALL_WITHDRAWN: 409,
  /** Publishing a call for an organisation the moderators have not verified. */
  EXCHANGE_CALL_NOT_TRUSTED: 403,
});

export const exchangeModule = {
  name: 'exchange',
  tables: [...tablesOf(exchangeSchema), ...tablesOf(callsSchema)],
  errors,
  searchSources: [offersSearchSource, callsSearchSource],
  routes: { pages: [callsWeb, writeCallsWeb, boardWeb, writePostsWeb, threadsWeb] },
  /** Its fulfilled requests and offers, on an organisation's page in the directory. */
  organisationFigures: [fulfilledFigures],
  jobs: ({ database, origin, mailQueued }) => [
    {
      // Every 5 minutes: offers whose last day is over and calls 30 days past their deadline, out of search.
      name: 'exchange-search-window',
      cron: '*/5 * * * *',
      run: () => logWindowCrossings(database.db, [offersSearchSource, callsSearchSource]),
    },
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
    {
      // Each morning: members of organisations that follow a call are reminded 14 and 3 days before its deadline, once each.
      name: 'exchange-call-reminders',
      cron: '30 6 * * *',
      run: async () => {
        const result = await runCallReminders(database.db, { now: new Date(), origin });
        mailQueued();
        return result;
      },
    },
  ],
} satisfies ModuleManifest;
