// Who may moderate: the queue and its actions are for moderators; to anyone else they do not exist.
import { AppError } from '../../shared/errors.ts';
import type { Actor } from '../../shared/actor.ts';
import { isModerator, isPlatformAdmin } from '../access/index.ts';

export function requireModerator(actor: Actor): void {
  if (!isModerator(actor)) throw new AppError('NOT_FOUND');
}

/** The audit log holds every account's events: platform admins only. */
export function requireAuditReader(actor: Actor): void {
  if (!isPlatformAdmin(actor)) throw new AppError('NOT_FOUND');
}
