// Closed vocabularies of membership (organisation roles are in access).
export { organisationRoles, type OrganisationRole } from '../access/index.ts';

export const claimStatuses = ['pending', 'approved', 'rejected'] as const;
export type ClaimStatus = (typeof claimStatuses)[number];
