// The social map: organisations, services, places and hours; the directory, search and map pages;
// editing a listing (listing/); the JSON API; logos; the "still correct?" confirmation. Gives its
// organisations and services to search (search/directory-source.ts).
import * as directorySchema from './directory.schema.ts';
import * as listingRecordsSchema from './listing-records.schema.ts';
import { tablesOf } from '../../db/tables.ts';
import type { ModuleManifest } from '../../http/module-manifest.ts';
import { moduleErrors } from '../../shared/errors.ts';
import { publicHolidays } from '../../shared/opening-hours.ts';
import type { ThemeNames } from '../glossary/index.ts';
import { getTaxonomy } from './directory.service.ts';
import { directoryApi } from './directory.api.ts';
import { directoryWeb } from './directory.web.ts';
import { freshnessWeb } from './freshness/freshness.web.ts';
import { sendFreshnessReminders } from './freshness/send-freshness-reminders.ts';
import { contactsWeb } from './listing/contacts/contacts.web.ts';
import { historyWeb } from './listing/history/history.web.ts';
import { hoursWeb } from './listing/hours/hours.web.ts';
import { locationsWeb } from './listing/locations/locations.web.ts';
import { logoFilesWeb, logoFormWeb } from './listing/logo/logo.web.ts';
import { profileWeb } from './listing/profile/profile.web.ts';
import { servicesWeb } from './listing/services/services.web.ts';
import { searchApi } from './search/search.api.ts';
import { directorySearchSource } from './search/directory-source.ts';
import { searchWeb } from './search/search.web.ts';
import { serviceCardWeb } from './service-card/service-card.web.ts';

const errors = moduleErrors('directory', {
  ORGANISATION_NOT_FOUND: 404,
  SERVICE_NOT_FOUND: 404,
  /** Removing a place that something else on the platform is at (rooms to share). */
  LOCATION_IN_USE: 409,
});

export const directoryModule = {
  name: 'directory',
  tables: tablesOf(directorySchema, listingRecordsSchema),
  errors,
  searchSources: [directorySearchSource],
  // The figures other modules count on an organisation's page (organisation-figures.ts).
  start: ({ modules }) => {
    // This year's public holidays ("open now" on every card) worked out before any request: on the
    // first card shown, date-holidays held the event loop for tens of milliseconds.
    publicHolidays(new Date().getFullYear());
    return {
      services: { organisationFigures: modules.flatMap((module) => module.organisationFigures ?? []) },
    };
  },
  /** Its themes' names, for the glossary's concept pages. */
  themeNames: (async (db) =>
    new Map(
      [...(await getTaxonomy(db)).byCode].map(([code, term]) => [code, term.name]),
    )) satisfies ThemeNames,
  routes: {
    root: [logoFilesWeb],
    pages: [
      directoryWeb,
      searchWeb,
      freshnessWeb,
      profileWeb,
      logoFormWeb,
      servicesWeb,
      locationsWeb,
      contactsWeb,
      hoursWeb,
      historyWeb,
      serviceCardWeb,
    ],
    api: [directoryApi, searchApi],
  },
  jobs: ({ database, origin, mailQueued }) => [
    {
      name: 'freshness-reminders',
      cron: '0 9 * * *',
      run: async () => {
        const result = await sendFreshnessReminders(database.db, { origin, now: new Date() });
        mailQueued();
        return result;
      },
    },
  ],
} satisfies ModuleManifest;
