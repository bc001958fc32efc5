// Who may do what with an organisation, from their membership and platform role. One place, so
// pages, forms, use cases and tests agree.
import { type Actor, isModerator } from '../../shared/actor.ts';
import type { MembershipRow } from './access.repo.ts';
import type { OrganisationRole } from './access.vocabulary.ts';

const has = (membership: MembershipRow | undefined, role: OrganisationRole) =>
  membership?.roles.includes(role) ?? false;

/** Invite, change roles, remove members, decide claims on this organisation. */
export const canManageMembers = (membership: MembershipRow | undefined) => has(membership, 'admin');

/**
 * Moderation of one organisation (verifying it, deciding claims on it as a moderator): never by a
 * moderator who belongs to it, whatever her role there, nor by one who asked to manage it (a pending
 * claim: approved by a colleague, she would belong to a listing she verified herself).
 */
export const canModerate = (actor: Actor, membership: MembershipRow | undefined, claimsIt = false) =>
  isModerator(actor) && membership === undefined && !claimsIt;

/** Edit the profile, services, locations, hours and contact persons. */
export const canEditListing = (actor: Actor, membership: MembershipRow | undefined) =>
  has(membership, 'admin') || has(membership, 'editor') || isModerator(actor);

/** See the members list of the organisation, and its history. */
export const canSeeMembers = (actor: Actor, membership: MembershipRow | undefined) =>
  membership !== undefined || isModerator(actor);

/** Send and handle the organisation's referrals, and see them: its referrers and its admins. */
export const canHandleReferrals = (membership: MembershipRow | undefined) =>
  has(membership, 'referrer') || has(membership, 'admin');
