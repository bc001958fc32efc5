// Who may do what with an organisation. One place, so pages, forms and tests agree.
import type { MembershipRow } from './membership.repo.ts';
import { type Actor, isModerator } from '../../shared/actor.ts';
import type { OrganisationRole } from './membership.vocabulary.ts';

export { type Actor, isModerator, isPlatformAdmin } from '../../shared/actor.ts';

const has = (membership: MembershipRow | undefined, role: OrganisationRole) =>
  membership?.roles.includes(role) ?? false;

/** Invite, change roles, remove members, decide claims on this organisation. */
export const canManageMembers = (membership: MembershipRow | undefined) => has(membership, 'admin');

/**
 * Decide a claim: the organisation's admins; the moderators only when it has no admin, and only
 * those who neither belong to it nor claim it themselves. Nobody decides their own claim. Without
 * this, a moderator could claim an organisation, approve herself and read its referrals.
 */
export function canDecideClaim(
  actor: Actor,
  claim: { userId: string },
  membership: MembershipRow | undefined,
  organisationHasAdmins: boolean,
  actorClaimsItToo = false,
): boolean {
  if (claim.userId === actor.userId) return false;
  if (organisationHasAdmins) return canManageMembers(membership);
  return isModerator(actor) && membership === undefined && !actorClaimsItToo;
}

/**
 * Moderation of one organisation (verifying it, deciding claims on it as a moderator): never by a
 * moderator who belongs to it, whatever her role there.
 */
export const canModerate = (actor: Actor, membership: MembershipRow | undefined) =>
  isModerator(actor) && membership === undefined;

/** Edit the profile, services, locations, hours and contact persons. */
export const canEditListing = (actor: Actor, membership: MembershipRow | undefined) =>
  has(membership, 'admin') || has(membership, 'editor') || isModerator(actor);

/** See the members list of the organisation. */
export const canSeeMembers = (actor: Actor, membership: MembershipRow | undefined) =>
  membership !== undefined || isModerator(actor);

/** Send and handle the organisation's referrals, and see them: its referrers and its admins. */
export const canHandleReferrals = (membership: MembershipRow | undefined) =>
  has(membership, 'referrer') || has(membership, 'admin');
