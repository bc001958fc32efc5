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
export { editOrganisation } from './use-cases/edit-organisation.ts';
export {
  confirmListing,
  createConfirmationLink,
  findConfirmation,
  findListingsToRemind,
  findStaleListings,
  markConfirmed,
  reminderAfterMonths,
} from './freshness.ts';
export {
  checkService,
  createService,
  editService,
  type ServiceInput,
  serviceTextFields,
  type ServiceTextField,
} from './use-cases/edit-service.ts';
export { canRollBack, rollBackVersion } from './use-cases/roll-back-version.ts';
export { type ContactInput, deleteContact, saveContact } from './use-cases/save-contact.ts';
export {
  type Changes,
  findVersion,
  findVersionsOfOrganisation,
  type ListingVersion,
} from './listing-versions.ts';
export { type ImportReport, importOrganisations } from './use-cases/import-organisations.ts';
export { loadDemoData } from './use-cases/load-demo-data.ts';
export { syncTaxonomy } from './use-cases/sync-taxonomy.ts';
export { LiveSearchIndex } from './search/search-sync.ts';
export { searchServiceIds } from './search/search.service.ts';
export {
  findUnverifiedListings,
  findVouchers,
  setVerification,
  vouchableKinds,
  vouchFor,
  withdrawVouch,
} from './trust.ts';
export { findLogo, removeLogo, setLogo } from './use-cases/set-logo.ts';
export { prepareLogo } from './logo-image.ts';
export {
  findWeeklyHours,
  hasSpecialHours,
  setWeeklyHours,
  type WeekInput,
} from './use-cases/set-weekly-hours.ts';
export { deleteLocation, type LocationInput, saveLocation } from './use-cases/save-location.ts';
export {
  addException,
  deleteException,
  type ExceptionInput,
  findUpcomingExceptions,
} from './use-cases/schedule-exceptions.ts';
