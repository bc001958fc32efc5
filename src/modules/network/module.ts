// Keep meeting: events organisations publish (network days, job shadowing, intervision, trainings,
// open days, local consultations) with registration and a waitlist, and questions to the network
// whose answers are kept, found in any language and can point to the directory's services.
import * as networkSchema from './network.schema.ts';
import { tablesOf } from '../../db/tables.ts';
import type { ModuleManifest } from '../../http/module-manifest.ts';
import { encryptionKeysOf } from '../../config.ts';
import { moduleErrors } from '../../shared/errors.ts';
import { eventsWeb } from './events/events.web.ts';
import { agendaFeedsWeb, agendaWeb } from './agenda/agenda.web.ts';
import { registrationsWeb } from './registrations/registrations.web.ts';
import { manageRegistrationsWeb } from './registrations/manage-registrations.web.ts';
import { runRegistrationReminders } from './registrations/run-registration-reminders.ts';
import { purgeUnconfirmedRegistrations } from './registrations/purge-unconfirmed.ts';
import { questionsWeb } from './questions/questions.web.ts';
import { editPostsWeb } from './questions/edit-posts.web.ts';
import { relatedQuestions } from './questions/related-questions.ts';
import { postModerationWeb } from './moderation/moderation.web.ts';
import { followsWeb, oneClickUnsubscribeWeb } from './follows/follows.web.ts';
import { runFollowDigests } from './follows/run-follow-digests.ts';
import { LiveAgenda } from './agenda/agenda-live.ts';
import { afterSearchReady, logWindowCrossings } from '../search/index.ts';
import { eventsSearchSource } from './search/events-source.ts';
import { questionsSearchSource } from './search/questions-source.ts';

declare module '../../http/deps.ts' {
  interface Services {
    /** This process's agenda in memory (agenda/agenda-live.ts). */
    agenda: LiveAgenda;
  }
}

const errors = moduleErrors('network', {
  /** Also for an event id that is not one, and for an event of an organisation one does not manage. */
  EVENT_NOT_FOUND: 404,
  /** A date of an event that is not one, cancelled, or of another event. */
  OCCURRENCE_NOT_FOUND: 404,
  /** Also for a link whose secret is wrong. */
  REGISTRATION_NOT_FOUND: 404,
  /** The address already holds a registration (or a waitlist place) for that date. */
  ALREADY_REGISTERED: 409,
  /** The date has begun or passed, or the event was cancelled. */
  REGISTRATION_CLOSED: 409,
  /** Also for a question hidden by the moderators, or for members only and the reader is none. */
  QUESTION_NOT_FOUND: 404,
  ANSWER_NOT_FOUND: 404,
  /** A digest's unsubscribe link whose token is incomplete or not one the platform made. */
  UNSUBSCRIBE_LINK_INVALID: 400,
});

export const networkModule = {
  name: 'network',
  tables: tablesOf(networkSchema),
  errors,
  routes: {
    pages: [
      eventsWeb,
      agendaWeb,
      registrationsWeb,
      manageRegistrationsWeb,
      questionsWeb,
      editPostsWeb,
      postModerationWeb,
      followsWeb,
    ],
    root: [agendaFeedsWeb, oneClickUnsubscribeWeb],
  },
  start: ({ database, log, services }) => {
    const onError = (error: unknown) => log.error({ err: error }, 'agenda');
    const agenda = new LiveAgenda(database, { onError });
    // After the search index's load, which it slowed: the agenda's pages ask the database meanwhile.
    afterSearchReady(services.search, () => agenda.start(), onError);
    return { services: { agenda }, close: () => agenda.close() };
  },
  /** Questions to the network next to the directory's search results. */
  relatedResults: [relatedQuestions],
  searchSources: [eventsSearchSource, questionsSearchSource],
  jobs: ({ database, origin, config, mailQueued }) => [
    {
      // Hourly: the people with a place are reminded of a date starting within a day, once.
      name: 'event-registration-reminders',
      cron: '25 * * * *',
      run: async () => {
        const result = await runRegistrationReminders(database.db, {
          now: new Date(),
          origin,
          keys: encryptionKeysOf(config),
        });
        mailQueued();
        return result;
      },
    },
    {
      // Hourly: registrations never confirmed go after 48 hours.
      name: 'event-registrations-unconfirmed',
      cron: '40 * * * *',
      run: () => purgeUnconfirmedRegistrations(database.db, new Date()),
    },
    {
      // Every 5 minutes: events whose date ended (the next one shows) or left their 30 days, to search.
      name: 'network-search-window',
      cron: '*/5 * * * *',
      run: () => logWindowCrossings(database.db, [eventsSearchSource]),
    },
    {
      // Each morning: one e-mail per reader with what is new in the themes and questions they follow.
      name: 'follow-digests',
      cron: '0 7 * * *',
      run: async () => {
        const result = await runFollowDigests(database.db, {
          now: new Date(),
          origin,
          keys: encryptionKeysOf(config),
        });
        mailQueued();
        return result;
      },
    },
  ],
} satisfies ModuleManifest;
