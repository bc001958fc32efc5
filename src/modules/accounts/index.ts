// The accounts module's public surface: who people are. Other modules read people here; sessions
// reach the kernel through app.ts (resolveSession); routes and jobs are in module.ts.
export {
  findUserByEmail,
  findUserById,
  findUsersByIds,
  findUsersWithPlatformRoles,
  type UserRow,
} from './accounts.repo.ts';
export type { PlatformRole } from './accounts.vocabulary.ts';
export { resolveSession } from './sessions.ts';
