// Queries of the directory. No rules, no HTTP: they take a database handle or a transaction.
import { and, asc, eq, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { countRows } from '../../db/rows.ts';
import type { Locale } from '../../shared/i18n-text.ts';
import { isUuid } from '../../shared/shapes.ts';
import { offsetOf, type PageRequest } from '../../shared/pagination.ts';
import {
  locations,
  organisations,
  serviceAtLocations,
  services,
  serviceThemes,
  taxonomyTerms,
} from './directory.schema.ts';
import type { OrganisationKind } from './directory.vocabulary.ts';

export {
  findOrganisationById,
  findServiceById,
  findServicesByIds,
  type OrganisationRecord,
  type ServiceListRecord,
  type ServiceRecord,
} from './records.repo.ts';

export interface DirectoryFilters {
  /** A theme or sub-theme code; a theme matches all of its sub-themes. */
  theme?: string;
  /** NIS code of a commune. */
  commune?: string;
  kind?: OrganisationKind;
  /** BCP 47 code of a language spoken by a service. */
  language?: string;
  organisationId?: string;
  /** Services of other organisations than these (where to refer a person next). */
  excludeOrganisationIds?: string[];
  /** Only organisations that list at least one active service: what a visitor can use. */
  withServices?: boolean;
}

/** The generated, ICU-collated sort key of the name in the reader's language (or its fallback). */
const sortName = {
  nl: organisations.nameSortNl,
  fr: organisations.nameSortFr,
  en: organisations.nameSortEn,
} as const;

/** Services matching the theme and language filters, correlated to the outer organisation or service. */
function serviceConditions(filters: DirectoryFilters): SQL[] {
  const conditions: SQL[] = [sql`s.status = 'active'`];
  if (filters.language) conditions.push(sql`s.languages @> array[${filters.language}]::text[]`);
  if (filters.theme) {
    conditions.push(sql`exists (
      select 1 from ${serviceThemes} st join ${taxonomyTerms} t on t.id = st.term_id
      where st.service_id = s.id and (t.code = ${filters.theme} or t.parent_code = ${filters.theme}))`);
  }
  return conditions;
}

/**
 * Whether the outer organisation lists at least one active service. The outer row is named in full:
 * in a select list or an order Drizzle leaves columns unqualified, and "id" would be the service's.
 */
const hasActiveService = sql`exists (select 1 from ${services} s
  where s.organisation_id = ${sql.raw('"organisations"."id"')} and s.status = 'active')`;

function organisationConditions(filters: DirectoryFilters): SQL | undefined {
  const conditions: SQL[] = [];
  if (filters.withServices) conditions.push(hasActiveService);
  if (filters.kind) conditions.push(eq(organisations.kind, filters.kind));
  if (filters.commune) {
    conditions.push(
      sql`exists (select 1 from ${locations} l where l.organisation_id = ${organisations.id} and l.commune_nis = ${filters.commune})`,
    );
  }
  if (filters.theme || filters.language) {
    conditions.push(
      sql`exists (select 1 from ${services} s where s.organisation_id = ${organisations.id} and ${sql.join(serviceConditions(filters), sql` and `)})`,
    );
  }
  return conditions.length ? and(...conditions) : undefined;
}

export interface OrganisationSummaryRow {
  id: string;
  name: Record<string, string>;
  description: Record<string, string>;
  kind: OrganisationKind;
  verification: 'unverified' | 'verified';
  lastConfirmedAt: string | null;
  isDemo: boolean;
  communes: string[];
  themes: string[];
  languages: string[];
  serviceCount: number;
  updatedAt: string;
}

// Subqueries name the outer row explicitly: inside a select list Drizzle leaves columns unqualified.
const org = sql.raw('"organisations"."id"');

/** What a line of the directory shows of an organisation (findOrganisationSummaries, lists/). */
export const organisationSummaryColumns = {
  id: organisations.id,
  name: organisations.name,
  description: organisations.description,
  kind: organisations.kind,
  verification: organisations.verification,
  lastConfirmedAt: organisations.lastConfirmedAt,
  isDemo: organisations.isDemo,
  updatedAt: sql<string>`${organisations.updatedAt}::text`,
  communes: sql<string[]>`array(select distinct l.commune_nis from ${locations} l
        where l.organisation_id = ${org} and l.commune_nis is not null order by 1)`,
  themes: sql<string[]>`array(select distinct coalesce(t.parent_code, t.code)
        from ${services} s join ${serviceThemes} st on st.service_id = s.id join ${taxonomyTerms} t on t.id = st.term_id
        where s.organisation_id = ${org} and s.status = 'active' order by 1)`,
  languages: sql<string[]>`array(select distinct lang from ${services} s, unnest(s.languages) lang
        where s.organisation_id = ${org} and s.status = 'active' order by 1)`,
  serviceCount: sql<number>`(select count(*)::int from ${services} s
        where s.organisation_id = ${org} and s.status = 'active')`,
};

export async function findOrganisationSummaries(
  db: Executor,
  filters: DirectoryFilters,
  page: PageRequest,
  locale: Locale,
): Promise<{ rows: OrganisationSummaryRow[]; total: number }> {
  const where = organisationConditions(filters);
  const total = await countOrganisations(db, filters);
  const rows = await db
    .select(organisationSummaryColumns)
    .from(organisations)
    .where(where)
    // Organisations without services come after those with (when they are shown at all).
    .orderBy(
      ...(filters.withServices ? [] : [sql`${hasActiveService} desc`]),
      asc(sortName[locale]),
      asc(organisations.id),
    )
    .limit(page.perPage)
    .offset(offsetOf(page));
  return { rows: rows as OrganisationSummaryRow[], total };
}

/** How many organisations match the filters. */
export async function countOrganisations(db: Executor, filters: DirectoryFilters): Promise<number> {
  return countRows(db, organisations, organisationConditions(filters));
}

/** The few fields other modules need to name and describe an organisation. */
export async function findOrganisationBrief(db: Executor, id: string) {
  const [row] = await db
    .select({
      id: organisations.id,
      name: organisations.name,
      kind: organisations.kind,
      kboNumber: organisations.kboNumber,
      verification: organisations.verification,
      isDemo: organisations.isDemo,
      logoUpdatedAt: organisations.logoUpdatedAt,
    })
    .from(organisations)
    .where(eq(organisations.id, id));
  return row;
}

/** The few fields other modules need to name a service, with its top-level themes. */
export async function findServiceBrief(db: Executor, id: string) {
  const [row] = await db
    .select({
      id: services.id,
      organisationId: services.organisationId,
      name: services.name,
      themes: sql<string[]>`array(select distinct coalesce(t.parent_code, t.code)
        from service_themes st join taxonomy_terms t on t.id = st.term_id where st.service_id = services.id)`,
    })
    .from(services)
    .where(eq(services.id, id));
  return row;
}

function serviceListConditions(filters: DirectoryFilters): SQL {
  const conditions: SQL[] = [...serviceConditions(filters)];
  if (filters.organisationId) conditions.push(sql`s.organisation_id = ${filters.organisationId}`);
  // Set by the platform's own pages only; anything but a list of ids is ignored.
  const excluded = Array.isArray(filters.excludeOrganisationIds)
    ? filters.excludeOrganisationIds.filter(isUuid)
    : [];
  if (excluded.length)
    conditions.push(
      sql`s.organisation_id not in (${sql.join(
        excluded.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})`,
    );
  if (filters.kind) {
    conditions.push(
      sql`exists (select 1 from ${organisations} o where o.id = s.organisation_id and o.kind = ${filters.kind})`,
    );
  }
  if (filters.commune) {
    conditions.push(sql`exists (select 1 from service_at_locations sal join ${locations} l on l.id = sal.location_id
      where sal.service_id = s.id and l.commune_nis = ${filters.commune})`);
  }
  return sql.join(conditions, sql` and `);
}

/** Ids of the services on one page, in a stable order, and how many match in all. */
export async function findServiceIds(
  db: Executor,
  filters: DirectoryFilters,
  page: PageRequest,
): Promise<{ ids: string[]; total: number }> {
  const where = serviceListConditions(filters);
  const [result, count] = await Promise.all([
    db.execute<{ id: string }>(sql`
      select s.id from ${services} s where ${where} order by s.id limit ${page.perPage} offset ${offsetOf(page)}`),
    db.execute<{ total: number }>(sql`select count(*)::int as total from ${services} s where ${where}`),
  ]);
  return { ids: result.rows.map((r) => r.id), total: count.rows[0]?.total ?? 0 };
}

export function findTaxonomyTerms(db: Executor) {
  return db.select().from(taxonomyTerms).orderBy(asc(taxonomyTerms.position), asc(taxonomyTerms.code));
}

export type TaxonomyTermRow = Awaited<ReturnType<typeof findTaxonomyTerms>>[number];

export interface MapPointRow {
  locationId: string;
  organisationId: string;
  name: Record<string, string>;
  kind: OrganisationKind;
  latitude: number;
  longitude: number;
  communeNis: string | null;
}

export async function findMapPoints(db: Executor, filters: DirectoryFilters = {}): Promise<MapPointRow[]> {
  const where = organisationConditions(filters);
  return db
    .select({
      locationId: locations.id,
      organisationId: organisations.id,
      name: organisations.name,
      kind: organisations.kind,
      latitude: sql<number>`${locations.latitude}`,
      longitude: sql<number>`${locations.longitude}`,
      communeNis: locations.communeNis,
    })
    .from(locations)
    .innerJoin(organisations, eq(organisations.id, locations.organisationId))
    .where(and(sql`${locations.latitude} is not null`, where))
    .orderBy(asc(locations.id)) as Promise<MapPointRow[]>;
}

export interface DirectoryCounts {
  /** Organisations with at least one active service. */
  organisations: number;
  services: number;
  informal: number;
  demo: number;
  themes: Record<string, number>;
}

/**
 * Figures for the home page: what a visitor can use (organisations with at least one active
 * service, and those services), and services per theme. Imported organisations that list no
 * service yet are not counted.
 */
export async function countDirectory(db: Executor): Promise<DirectoryCounts> {
  const [totals] = (
    await db.execute<{ organisations: number; services: number; informal: number; demo: number }>(sql`
      select (select count(*)::int from ${organisations} where ${hasActiveService}) as organisations,
             (select count(*)::int from ${services} where status = 'active') as services,
             (select count(*)::int from ${organisations}
               where kind in ('self_organisation', 'citizen_initiative') and ${hasActiveService}) as informal,
             (select count(*)::int from ${organisations} where is_demo) as demo`)
  ).rows;
  const perTheme = await db.execute<{ code: string; count: number }>(sql`
    select coalesce(t.parent_code, t.code) as code, count(distinct s.id)::int as count
    from ${services} s join ${serviceThemes} st on st.service_id = s.id join ${taxonomyTerms} t on t.id = st.term_id
    where s.status = 'active' group by 1`);
  return {
    organisations: totals?.organisations ?? 0,
    services: totals?.services ?? 0,
    informal: totals?.informal ?? 0,
    demo: totals?.demo ?? 0,
    themes: Object.fromEntries(perTheme.rows.map((r) => [r.code, r.count])),
  };
}

/** Whether any organisation is demo data, for the banner. */
export async function hasDemoData(db: Executor): Promise<boolean> {
  const result = await db.execute<{ demo: boolean }>(
    sql`select exists (select 1 from ${organisations} where is_demo) as demo`,
  );
  return result.rows[0]?.demo ?? false;
}

/** The kinds of the organisations among `ids` (valid, lower-case uuids) that exist. */
export async function findOrganisationKinds(db: Executor, ids: string[]) {
  if (!ids.length) return [];
  return db
    .select({ id: organisations.id, kind: organisations.kind })
    .from(organisations)
    .where(sql`${organisations.id} = any(${sql.param(ids)}::uuid[])`);
}

/** One page of organisations with their own fields only, in a stable order. */
export async function findOrganisationsPage(db: Executor, page: PageRequest) {
  const total = await countRows(db, organisations);
  const rows = await db.query.organisations.findMany({
    orderBy: [asc(organisations.createdAt), asc(organisations.id)],
    limit: page.perPage,
    offset: offsetOf(page),
  });
  return { rows, total };
}

export type OrganisationRow = Awaited<ReturnType<typeof findOrganisationsPage>>['rows'][number];

/** One page of service-at-location links with their service (and its organisation) and location. */
export async function findServiceAtLocationsPage(
  db: Executor,
  page: PageRequest,
  filters: { serviceId?: string; locationId?: string } = {},
) {
  const where = and(
    filters.serviceId ? eq(serviceAtLocations.serviceId, filters.serviceId) : undefined,
    filters.locationId ? eq(serviceAtLocations.locationId, filters.locationId) : undefined,
  );
  const total = await countRows(db, serviceAtLocations, where);
  const rows = await db.query.serviceAtLocations.findMany({
    where,
    with: { service: { with: { organisation: true } }, location: true },
    orderBy: [asc(serviceAtLocations.id)],
    limit: page.perPage,
    offset: offsetOf(page),
  });
  return { rows, total };
}

export function findServiceAtLocationById(db: Executor, id: string) {
  return db.query.serviceAtLocations.findFirst({
    where: eq(serviceAtLocations.id, id),
    with: { service: { with: { organisation: true } }, location: true },
  });
}

export type ServiceAtLocationRecord = NonNullable<Awaited<ReturnType<typeof findServiceAtLocationById>>>;
