// Keep meeting: events organisations publish (network days, job shadowing, intervision, trainings,
// open days, local consultations) with registration and a waitlist, and questions to the network
// whose answers are kept, found in any language and can point to the directory's services.
import * as networkSchema from './network.schema.ts';
import { tablesOf } from '../../db/tables.ts';
import type { ModuleManifest } from '../../http/module-manifest.ts';
import { moduleErrors } from '../../shared/errors.ts';
import { eventsWeb } from './events/events.web.ts';
import { agendaFeedsWeb, agendaWeb } from './agenda/agenda.web.ts';

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
});

export const networkModule = {
  name: 'network',
  tables: tablesOf(networkSchema),
  errors,
  routes: {
    pages: [eventsWeb, agendaWeb],
    root: [agendaFeedsWeb],
  },
} satisfies ModuleManifest;
