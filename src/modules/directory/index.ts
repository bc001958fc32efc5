// The directory module's public surface: the only file other modules may import.

export type {
  DirectoryFilters,
  OrganisationRecord,
  OrganisationRow,
  ServiceAtLocationRecord,
  ServiceListRecord,
  ServiceRecord,
  TaxonomyTermRow,
} from './directory.repo.ts';
export { ErrorSchema, I18nTextSchema, themeCodes } from './directory.schemas.ts';
export {
  getOrganisation,
  getOrganisationBrief,
  type OrganisationBrief,
  getService,
  getServiceAtLocation,
  getServiceBrief,
  type ServiceBrief,
  getTaxonomy,
  hoursOf,
  isShowingDemoData,
  listOrganisationRows,
  listOrganisations,
  listServiceAtLocations,
  listServices,
  listServicesByIds,
  type Theme,
} from './directory.service.ts';
export {
  accessConditions,
  commonLanguages,
  organisationKinds,
  serviceStatuses,
  targetGroups,
} from './directory.vocabulary.ts';
export { citySubsidiesSource, parseCitySubsidyRecord } from './import/city-subsidies-format.ts';
export {
  checkOrganisation,
  createOrganisation,
  type NewOrganisation,
} from './use-cases/create-organisation.ts';
export {
  confirmListing,
  createConfirmationLink,
  findConfirmation,
  findListingsToRemind,
  findStaleListings,
  markConfirmed,
  reminderAfterMonths,
} from './freshness.ts';
export { type ImportReport, importOrganisations } from './use-cases/import-organisations.ts';
export { loadDemoData } from './use-cases/load-demo-data.ts';
export { syncTaxonomy } from './use-cases/sync-taxonomy.ts';
export { LiveSearchIndex } from './search/search-sync.ts';
export { searchServiceIds } from './search/search.service.ts';
export { findUnverifiedListings } from './trust/trust.repo.ts';
