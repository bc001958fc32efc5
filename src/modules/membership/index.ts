// The membership module's public surface: the only file other modules may import.
export { membershipWeb } from './membership.web.ts';
export type { OrganisationRole } from './membership.vocabulary.ts';
export { listingWeb } from './listing.web.ts';
export { sendFreshnessReminders } from './use-cases/send-freshness-reminders.ts';
export {
  countClaimsForModerator,
  findMembership,
  findMembershipsOfUser,
  findMembersOf,
  type MembershipRow,
} from './membership.repo.ts';
export { actorOf } from './membership.web.ts';
export {
  type Actor,
  canHandleReferrals,
  canManageMembers,
  canModerate,
  isModerator,
  isPlatformAdmin,
} from './membership.policy.ts';
