// The membership module's public surface: the only file other modules may import.
export { countClaimsForModerator, findClaims, findPendingClaim } from './membership.repo.ts';
