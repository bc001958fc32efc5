// Queries that feed the search index: flat rows, one query per table, for the whole directory or for
// the organisations that changed. No JSON building in the database: at 50,000 services that would
// cost more than the index build itself.
import { sql } from 'drizzle-orm';
import type { Executor } from '../../../db/client.ts';
import type { I18nText } from '../../../shared/i18n-text.ts';
import type { OrganisationKind } from '../directory.vocabulary.ts';
import { changesAfterSnapshot, type ChangeCursor } from '../../search/index.ts';

export interface OrganisationSource {
  id: string;
  name: I18nText;
  alternateName: I18nText | null;
  description: I18nText;
  kind: OrganisationKind;
  verification: 'verified' | 'unverified';
  lastConfirmedAt: string | null;
}

export interface ServiceSource {
  id: string;
  organisationId: string;
  name: I18nText;
  alternateName: I18nText | null;
  description: I18nText;
  targetGroups: string[];
  accessConditions: string[];
  languages: string[];
  residentCommunes?: string[];
  closedOnPublicHolidays: boolean;
  lastConfirmedAt: string | null;
}

export interface LocationSource {
  id: string;
  organisationId: string;
  serviceId: string | null;
  latitude: number | null;
  longitude: number | null;
  communeNis: string | null;
  quartierCode: number | null;
  postcode: string | null;
  address: string | null;
}

export interface ThemeSource {
  serviceId: string;
  code: string;
  parentCode: string | null;
}

export interface ScheduleSource {
  serviceId: string;
  weekday: number;
  opensAt: string;
  closesAt: string;
  validFrom: string | null;
  validTo: string | null;
}

export interface ExceptionSource {
  serviceId: string;
  startsOn: string;
  endsOn: string;
  closed: boolean;
  opensAt: string | null;
  closesAt: string | null;
}

export interface PhoneSource {
  organisationId: string;
  serviceId: string | null;
  number: string;
  type: string;
}

export interface DirectorySnapshot {
  organisations: OrganisationSource[];
  services: ServiceSource[];
  locations: LocationSource[];
  themes: ThemeSource[];
  schedules: ScheduleSource[];
  exceptions: ExceptionSource[];
  /** Numbers one can call (no fax), the likeliest first: voice, then mobile, then the rest. */
  phones: PhoneSource[];
}

/** Everything the index needs, for all organisations or only for some. */
export async function loadDirectorySnapshot(
  db: Executor,
  organisationIds?: string[],
): Promise<DirectorySnapshot> {
  // One array parameter: Drizzle would spread a plain array into a list of parameters.
  const ids = organisationIds ? sql.param(organisationIds) : undefined;
  const onlyOrgs = ids ? sql`where o.id = any(${ids}::uuid[])` : sql``;
  const onlyServices = ids ? sql`and s.organisation_id = any(${ids}::uuid[])` : sql``;
  const rows = async <T>(query: ReturnType<typeof sql>) => (await db.execute(query)).rows as T[];
  const [organisations, services, locations, themes, schedules, exceptions, phones] = await Promise.all([
    rows<OrganisationSource>(sql`
      select o.id, o.name, o.alternate_name as "alternateName", o.description, o.kind, o.verification,
             o.last_confirmed_at::text as "lastConfirmedAt"
      from organisations o ${onlyOrgs}`),
    rows<ServiceSource>(sql`
      select s.id, s.organisation_id as "organisationId", s.name, s.alternate_name as "alternateName", s.description,
             s.target_groups as "targetGroups", s.access_conditions as "accessConditions", s.languages,
             s.resident_communes as "residentCommunes",
             s.closed_on_public_holidays as "closedOnPublicHolidays", s.last_confirmed_at::text as "lastConfirmedAt"
      from services s where s.status = 'active' ${onlyServices}`),
    rows<LocationSource>(sql`
      select l.id, l.organisation_id as "organisationId", sal.service_id as "serviceId", l.latitude, l.longitude,
             l.commune_nis as "communeNis", l.quartier_code as "quartierCode", l.postcode, l.address
      from locations l left join service_at_locations sal on sal.location_id = l.id
      ${ids ? sql`where l.organisation_id = any(${ids}::uuid[])` : sql``}`),
    rows<ThemeSource>(sql`
      select st.service_id as "serviceId", t.code, t.parent_code as "parentCode"
      from service_themes st join taxonomy_terms t on t.id = st.term_id join services s on s.id = st.service_id
      where s.status = 'active' ${onlyServices}`),
    rows<ScheduleSource>(sql`
      select h.service_id as "serviceId", h.weekday, h.opens_at::text as "opensAt", h.closes_at::text as "closesAt",
             h.valid_from::text as "validFrom", h.valid_to::text as "validTo"
      from schedules h join services s on s.id = h.service_id where s.status = 'active' ${onlyServices}`),
    rows<ExceptionSource>(sql`
      select e.service_id as "serviceId", e.starts_on::text as "startsOn", e.ends_on::text as "endsOn", e.closed,
             e.opens_at::text as "opensAt", e.closes_at::text as "closesAt"
      from schedule_exceptions e join services s on s.id = e.service_id
      where s.status = 'active' and e.ends_on >= current_date - 1 ${onlyServices}`),
    rows<PhoneSource>(sql`
      select p.organisation_id as "organisationId", p.service_id as "serviceId", p.number, p.type
      from phones p where p.type <> 'fax' ${ids ? sql`and p.organisation_id = any(${ids}::uuid[])` : sql``}
      order by p.type <> 'voice', p.type <> 'cell', p.number`),
  ]);
  return { organisations, services, locations, themes, schedules, exceptions, phones };
}

/**
 * Organisations changed after a position of the change log, and the new position. Positions are
 * snapshots, so that a transaction committing after a later one is not skipped (change-log.ts in
 * search; the log's xid column, migration 0041).
 */
export async function changesSince(
  db: Executor,
  after: ChangeCursor,
): Promise<{ organisationIds: string[]; until: ChangeCursor }> {
  const { ownerIds, until } = await changesAfterSnapshot(db, after, {
    table: sql`directory_changes`,
    owner: sql`organisation_id`,
  });
  return { organisationIds: ownerIds, until };
}

/** The change log only needs to reach back as far as the slowest process; a day is plenty. */
export async function pruneChanges(db: Executor): Promise<void> {
  await db.execute(sql`delete from directory_changes where changed_at < now() - interval '1 day'`);
}
