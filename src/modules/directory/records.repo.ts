// The directory's records read whole (an organisation with its places, contacts and services; a
// service with its hours, places, contacts and organisation): the organisation and service pages
// and the API's lists. Each is one query built once per database handle and named (db/prepared.ts):
// Drizzle building the SQL of a relational query with a dozen joined parts cost more CPU than
// PostgreSQL running it, and PostgreSQL planned it anew at every call.
import { eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { preparedOn } from '../../db/prepared.ts';
import { organisations, services } from './directory.schema.ts';

const organisationById = preparedOn((db) =>
  db.query.organisations
    .findFirst({
      where: eq(organisations.id, sql.placeholder('id')),
      with: {
        locations: true,
        contacts: true,
        phones: true,
        services: {
          with: {
            themes: { with: { term: true } },
            schedules: true,
            exceptions: true,
            serviceAtLocations: true,
          },
        },
      },
    })
    .prepare('directory_organisation_by_id'),
);

export function findOrganisationById(db: Executor, id: string) {
  return organisationById(db).execute({ id });
}

/** What a service record is read with, besides its organisation. */
const serviceParts = {
  themes: { with: { term: true } },
  schedules: true,
  exceptions: true,
  contacts: true,
  phones: true,
  serviceAtLocations: { with: { location: true } },
} as const;

const serviceById = preparedOn((db) =>
  db.query.services
    .findFirst({
      where: eq(services.id, sql.placeholder('id')),
      with: { ...serviceParts, organisation: { with: { locations: true, phones: true } } },
    })
    .prepare('directory_service_by_id'),
);

export function findServiceById(db: Executor, id: string) {
  return serviceById(db).execute({ id });
}

export type OrganisationRecord = NonNullable<Awaited<ReturnType<typeof findOrganisationById>>>;
export type ServiceRecord = NonNullable<Awaited<ReturnType<typeof findServiceById>>>;

const servicesByIds = preparedOn((db) =>
  db.query.services
    .findMany({
      where: sql`${services.id} = any(${sql.placeholder('ids')}::uuid[])`,
      with: { ...serviceParts, organisation: true },
    })
    .prepare('directory_services_by_ids'),
);

/** The services among `ids` (valid, lower-case uuids) that exist, in no particular order. */
export function findServicesByIds(db: Executor, ids: string[]) {
  if (!ids.length) return Promise.resolve([]);
  return servicesByIds(db).execute({ ids });
}

export type ServiceListRecord = Awaited<ReturnType<typeof findServicesByIds>>[number];
