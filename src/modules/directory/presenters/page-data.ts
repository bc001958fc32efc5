// What the directory's pages receive, named for the views: views import these, never a repository,
// service or use case (.dependency-cruiser.cjs). The handlers in directory.web.ts and
// search/search.web.ts produce them.
export type {
  DirectoryCounts,
  DirectoryFilters,
  MapPointRow as MapPoint,
  OrganisationRecord as OrganisationPageData,
  OrganisationSummaryRow as OrganisationSummary,
  ServiceRecord as ServicePageData,
} from '../directory.repo.ts';
export type { Theme } from '../directory.service.ts';
export type { SearchOutcome, SearchParams } from '../search/search.service.ts';
