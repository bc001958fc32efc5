// Read functions of the directory, used by its pages, its API and other modules (through index.ts).
import type { SQLWrapper } from 'drizzle-orm';
import type { Database, Executor } from '../../db/client.ts';
import { AppError, type ErrorCode } from '../../shared/errors.ts';
import type { I18nText, Locale } from '../../shared/i18n-text.ts';
import { type Page, type PageRequest, pageOf } from '../../shared/pagination.ts';
import {
  countDirectory,
  countOrganisations,
  type DirectoryCounts,
  type DirectoryFilters,
  findMapPoints,
  findOrganisationBrief,
  findOrganisationKinds,
  findServiceBrief,
  findOrganisationById,
  findOrganisationSummaries,
  findOrganisationsPage,
  findServiceAtLocationById,
  findServiceAtLocationsPage,
  findServiceById,
  findServiceIds,
  findServicesByIds,
  findTaxonomyTerms,
  hasDemoData,
  type MapPointRow,
  type OrganisationRecord,
  type OrganisationRow,
  type OrganisationSummaryRow,
  type ServiceAtLocationRecord,
  type ServiceListRecord,
  type ServiceRecord,
  type TaxonomyTermRow,
} from './directory.repo.ts';
import { isUuid } from '../../shared/shapes.ts';
import type { OrganisationKind } from './directory.vocabulary.ts';
import {
  findLocationPoints,
  findOrganisationsWithPlaces,
  findPlaceAddress,
  locationIdsInCommune,
} from './listing/locations/locations.repo.ts';

export function listOrganisations(
  db: Database,
  filters: DirectoryFilters,
  page: PageRequest,
  locale: Locale,
): Promise<Page<OrganisationSummaryRow>> {
  return findOrganisationSummaries(db, filters, page, locale).then(({ rows, total }) =>
    pageOf(rows, total, page),
  );
}

/**
 * How many organisations match the filters but list no active service: the directory hides them
 * unless asked, and says how many there are.
 */
export async function countOrganisationsWithoutServices(
  db: Database,
  filters: DirectoryFilters,
): Promise<number> {
  const [all, withServices] = await Promise.all([
    countOrganisations(db, { ...filters, withServices: false }),
    countOrganisations(db, { ...filters, withServices: true }),
  ]);
  return all - withServices;
}

/** What `find` finds by an id from a URL, or the error `missing`: an id that is not a UUID finds nothing. */
async function foundById<D, T>(
  find: (db: D, id: string) => PromiseLike<T | null | undefined>,
  db: D,
  id: string,
  missing: ErrorCode,
): Promise<T> {
  const found = isUuid(id) ? await find(db, id.toLowerCase()) : undefined;
  if (!found) throw new AppError(missing);
  return found;
}

export function getOrganisation(db: Database, id: string): Promise<OrganisationRecord> {
  return foundById(findOrganisationById, db, id, 'ORGANISATION_NOT_FOUND');
}

export type OrganisationBrief = NonNullable<Awaited<ReturnType<typeof findOrganisationBrief>>>;

/** Name, kind and verification of an organisation, or ORGANISATION_NOT_FOUND. */
export type LocationPoint = Awaited<ReturnType<typeof findLocationPoints>>[number];

/** The point and commune of each of these places (directory locations) that exists. */
export function listLocationPoints(db: Executor, ids: string[]): Promise<LocationPoint[]> {
  return findLocationPoints(db, { ids: [...new Set(ids.filter(isUuid).map((id) => id.toLowerCase()))] });
}

/** The places in a commune, or within a box of latitudes and longitudes, with their points. */
export function listLocationPointsIn(
  db: Executor,
  area: { commune: string } | { box: { south: number; north: number; west: number; east: number } },
): Promise<LocationPoint[]> {
  return findLocationPoints(db, area);
}

/**
 * The ids of the places in a commune (a NIS code), as a subquery for another module's query (rooms
 * in a commune): one query, not a thousand ids fetched and sent back.
 */
export function locationIdsInQuery(db: Executor, area: { commune: string }): SQLWrapper {
  return locationIdsInCommune(db, area.commune);
}

export function getOrganisationBrief(db: Executor, id: string): Promise<OrganisationBrief> {
  return foundById(findOrganisationBrief, db, id, 'ORGANISATION_NOT_FOUND');
}

export type OrganisationWithPlaces = Awaited<ReturnType<typeof findOrganisationsWithPlaces>>[number];

const uuids = (ids: string[]) => [...new Set(ids.filter(isUuid).map((id) => id.toLowerCase()))];

/** The kind each of these organisations has now, by id (ids not found are left out). */
export async function organisationKindsOf(
  db: Executor,
  ids: string[],
): Promise<Map<string, OrganisationKind>> {
  return new Map((await findOrganisationKinds(db, uuids(ids))).map((o) => [o.id, o.kind]));
}

/**
 * The names and places of several organisations at once (ids not found are left out); with
 * `onlyPlaces`, only those of their places.
 */
export function listOrganisationsWithPlaces(
  db: Executor,
  ids: string[],
  onlyPlaces?: string[],
): Promise<OrganisationWithPlaces[]> {
  return findOrganisationsWithPlaces(db, uuids(ids), onlyPlaces && uuids(onlyPlaces));
}

/** The address of one place of an organisation, if it is theirs (ids that are none find nothing). */
export function getPlaceAddress(db: Executor, organisationId: string, placeId: string) {
  return isUuid(organisationId) && isUuid(placeId)
    ? findPlaceAddress(db, organisationId.toLowerCase(), placeId.toLowerCase())
    : Promise.resolve(undefined);
}

export function getService(db: Database, id: string): Promise<ServiceRecord> {
  return foundById(findServiceById, db, id, 'SERVICE_NOT_FOUND');
}

export type ServiceBrief = NonNullable<Awaited<ReturnType<typeof findServiceBrief>>>;

export function getServiceBrief(db: Executor, id: string): Promise<ServiceBrief> {
  return foundById(findServiceBrief, db, id, 'SERVICE_NOT_FOUND');
}

export async function listOrganisationRows(db: Database, page: PageRequest): Promise<Page<OrganisationRow>> {
  const { rows, total } = await findOrganisationsPage(db, page);
  return pageOf(rows, total, page);
}

export async function listServiceAtLocations(
  db: Database,
  page: PageRequest,
  filters: { serviceId?: string; locationId?: string } = {},
): Promise<Page<ServiceAtLocationRecord>> {
  const valid = Object.values(filters).every((id) => !id || isUuid(id));
  if (!valid) return pageOf([], 0, page);
  const { rows, total } = await findServiceAtLocationsPage(db, page, filters);
  return pageOf(rows, total, page);
}

export function getServiceAtLocation(db: Database, id: string): Promise<ServiceAtLocationRecord> {
  return foundById(findServiceAtLocationById, db, id, 'NOT_FOUND');
}

/** A page of services given in order (search results), for the HSDS API. */
export async function listServicesByIds(
  db: Database,
  ids: string[],
  page: PageRequest,
): Promise<Page<ServiceListRecord>> {
  const pageIds = ids.slice((page.page - 1) * page.perPage, page.page * page.perPage);
  const byId = new Map((await findServicesByIds(db, pageIds)).map((r) => [r.id, r]));
  return pageOf(
    pageIds.map((id) => byId.get(id)).filter((r): r is ServiceListRecord => r !== undefined),
    ids.length,
    page,
  );
}

export async function listServices(
  db: Database,
  filters: DirectoryFilters,
  page: PageRequest,
): Promise<Page<ServiceListRecord>> {
  const { ids, total } = await findServiceIds(db, filters, page);
  const records = await findServicesByIds(db, ids);
  const byId = new Map(records.map((r) => [r.id, r]));
  return pageOf(
    ids.map((id) => byId.get(id)!),
    total,
    page,
  );
}

export interface Theme {
  id: string;
  code: string;
  name: I18nText;
  children: TaxonomyTermRow[];
}

const taxonomyCache = new WeakMap<
  Database,
  Promise<{ themes: Theme[]; byCode: Map<string, TaxonomyTermRow> }>
>();

/** The theme tree. It changes only with a deploy (it ships with the code), so each process keeps it. */
export function getTaxonomy(
  db: Database,
): Promise<{ themes: Theme[]; byCode: Map<string, TaxonomyTermRow> }> {
  let cached = taxonomyCache.get(db);
  if (!cached) {
    cached = findTaxonomyTerms(db).then((terms) => {
      const themes = terms
        .filter((t) => !t.parentCode)
        .map((t) => ({
          id: t.id,
          code: t.code,
          name: t.name,
          children: terms.filter((c) => c.parentCode === t.code),
        }));
      return { themes, byCode: new Map(terms.map((t) => [t.code, t])) };
    });
    cached.catch(() => taxonomyCache.delete(db));
    taxonomyCache.set(db, cached);
  }
  return cached;
}

export function getMapPoints(db: Database, filters: DirectoryFilters = {}): Promise<MapPointRow[]> {
  return findMapPoints(db, filters);
}

const countsCache = new WeakMap<Database, { value: Promise<DirectoryCounts>; until: number }>();

/** The home page's figures. They move slowly and cost a scan of all services, so each process keeps them a minute. */
export function getDirectoryCounts(db: Database): Promise<DirectoryCounts> {
  const cached = countsCache.get(db);
  if (cached && cached.until > Date.now()) return cached.value;
  const value = countDirectory(db);
  countsCache.set(db, { value, until: Date.now() + 60_000 });
  value.catch(() => countsCache.delete(db));
  return value;
}

const demoCache = new WeakMap<Database, { value: boolean; until: number }>();

/** Whether demo data is present, for the banner on every page; re-checked once a minute. */
export async function isShowingDemoData(db: Database): Promise<boolean> {
  const cached = demoCache.get(db);
  if (cached && cached.until > Date.now()) return cached.value;
  const value = await hasDemoData(db);
  demoCache.set(db, { value, until: Date.now() + 60_000 });
  return value;
}

export { hoursOf, isStale, serviceOpenState, staleAfterMonths } from './listing-state.ts';
