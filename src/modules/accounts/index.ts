// The accounts module's public surface: the only file other modules may import.
export type { AccountContext, AccountLimits } from './account-context.ts';
export { createAccountLimits } from './account-limits.ts';
export {
  deleteExpiredSessions,
  findUserByEmail,
  findUserById,
  findUsersByIds,
  findUsersWithPlatformRoles,
  type UserRow,
} from './accounts.repo.ts';
export type { PlatformRole } from './accounts.vocabulary.ts';
export { deleteStaleDevices } from './login-devices.ts';
export { resolveSession } from './sessions.ts';
export { setPlatformRole } from './use-cases/set-platform-role.ts';
