// The access module's public surface: who belongs to which organisation and what that allows.
// Other modules read memberships and ask the policies here. The membership module, which handles
// joining and leaving, changes memberships with the steps below inside its own transactions.
export { memberships, organisationRoleEnum } from './access.schema.ts';
/** The organisations' API tokens: checked for every module's API; made and revoked by referrals. */
export { apiTokens } from './access.schema.ts';
export { apiTokenPrefix, type ApiTokenActor, requireApiToken } from './api-tokens.ts';
export { organisationRoles, type OrganisationRole } from './access.vocabulary.ts';
export {
  deleteMembership,
  findMembership,
  findMembershipsOfUser,
  findMembersOf,
  type MembershipRow,
  setMembershipRoles,
  upsertMembership,
} from './access.repo.ts';
export {
  canEditListing,
  canHandleReferrals,
  canManageMembers,
  canModerate,
  canSeeMembers,
} from './access.policy.ts';
export { organisationWrittenFor } from './written-for.ts';
export { type Actor, actorOf, isModerator, isPlatformAdmin } from '../../shared/actor.ts';
