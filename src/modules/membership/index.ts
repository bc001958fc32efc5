// The membership module's public surface: the only file other modules may import.
export { countClaimsForModerator } from './membership.repo.ts';
