// The membership module's public surface: the only file other modules may import.
export type { OrganisationRole } from './membership.vocabulary.ts';
export {
  countClaimsForModerator,
  findMembership,
  findMembershipsOfUser,
  findMembersOf,
  type MembershipRow,
} from './membership.repo.ts';
export {
  type Actor,
  canHandleReferrals,
  canManageMembers,
  canModerate,
  isModerator,
  isPlatformAdmin,
} from './membership.policy.ts';
