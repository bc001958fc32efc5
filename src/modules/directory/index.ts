// The directory module's public surface: the only file other modules may import. Queries, types
// and vocabularies; its routes and jobs are in module.ts, its use cases are its own.

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
  getPlaceAddress,
  getService,
  getServiceAtLocation,
  getServiceBrief,
  type ServiceBrief,
  getTaxonomy,
  hoursOf,
  isShowingDemoData,
  listOrganisationRows,
  listOrganisations,
  locationIdsInQuery,
  listLocationPoints,
  listLocationPointsIn,
  type LocationPoint,
  listOrganisationsWithPlaces,
  type OrganisationWithPlaces,
  organisationKindsOf,
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
/** A step for another module's transaction (registering an organisation with its first admin). */
export { createOrganisation, type NewOrganisation } from './use-cases/create-organisation.ts';
export {
  confirmListing,
  createConfirmationLink,
  findConfirmation,
  findListingsToRemind,
  findStaleListings,
  markConfirmed,
  reminderAfterMonths,
} from './freshness/freshness.repo.ts';
export { searchServiceIds } from './search/search.service.ts';
export {
  findServicesOfOrganisations as listServicesOfOrganisations,
  type OrganisationService,
} from './listing/services/services-of-organisations.ts';
export { findUnverifiedListings, vouchableKinds } from './trust/trust.repo.ts';
/** A step for vouching (membership, which knows who asked to manage a group), inside its transaction. */
export { vouchFor, withdrawVouchesBy } from './trust/trust.repo.ts';
/** A step for the moderators' verification (moderation), inside its transaction. */
export { setVerification } from './trust/trust.repo.ts';
/** What other modules count on an organisation's public page (they declare organisationFigures). */
export type { OrganisationFigure, OrganisationFiguresSource } from './organisation-figures.ts';
/** Kind, KBO number, themes and communes of organisations, for the exchange's eligibility. */
export { findOrganisationProfiles, type OrganisationProfile } from './listing/organisation-profile.ts';
