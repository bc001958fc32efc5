// The directory's lists of organisations and services: from this process's search index once it has
// read the directory (index-lists.ts: order and totals in memory, the page's rows by id), and from
// PostgreSQL before that (start-up, while /readyz still says no) or for a caller without the index.
import type { Database } from '../../../db/client.ts';
import type { Locale } from '../../../shared/i18n-text.ts';
import { type Page, type PageRequest, offsetOf, pageOf } from '../../../shared/pagination.ts';
import type { DirectoryFilters, OrganisationSummaryRow, ServiceListRecord } from '../directory.repo.ts';
import { findServicesByIds } from '../directory.repo.ts';
import {
  countOrganisationsWithoutServices,
  listOrganisations as listOrganisationsInDatabase,
  listServices as listServicesInDatabase,
} from '../directory.service.ts';
import type { IndexLists } from './index-lists.ts';
import { findOrganisationSummariesByIds } from './lists.repo.ts';

const pageOfIds = (ids: string[], page: PageRequest) =>
  ids.slice(offsetOf(page), offsetOf(page) + page.perPage);

/** A page of organisations, and how many match the filters but list no service. */
export async function listOrganisationsPage(
  db: Database,
  lists: IndexLists | undefined,
  filters: DirectoryFilters,
  page: PageRequest,
  locale: Locale,
): Promise<{ page: Page<OrganisationSummaryRow>; withoutServices: number }> {
  if (!lists?.ready) {
    const [results, withoutServices] = await Promise.all([
      listOrganisationsInDatabase(db, filters, page, locale),
      filters.withServices ? countOrganisationsWithoutServices(db, filters) : 0,
    ]);
    return { page: results, withoutServices };
  }
  const { ids, withoutServices } = lists.organisations(filters, locale);
  const rows = await findOrganisationSummariesByIds(db, pageOfIds(ids, page));
  return {
    page: pageOf(rows, ids.length, page),
    withoutServices: filters.withServices ? withoutServices : 0,
  };
}

/** A page of active services, by id. */
export async function listServicesPage(
  db: Database,
  lists: IndexLists | undefined,
  filters: DirectoryFilters,
  page: PageRequest,
): Promise<Page<ServiceListRecord>> {
  if (!lists?.ready) return listServicesInDatabase(db, filters, page);
  const ids = lists.services(filters);
  const pageIds = pageOfIds(ids, page);
  const byId = new Map((await findServicesByIds(db, pageIds)).map((r) => [r.id, r]));
  const items = pageIds.map((id) => byId.get(id)).filter((r): r is ServiceListRecord => r !== undefined);
  return pageOf(items, ids.length, page);
}
