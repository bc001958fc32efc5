// Who may decide a claim. The rules on memberships in general are in access (access.policy.ts).
import { canManageMembers, type MembershipRow } from '../access/index.ts';
import { type Actor, isModerator } from '../../shared/actor.ts';

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
