// What every membership use case needs from the request that triggers it.
import type { Actor } from '../../shared/actor.ts';
import { AppError } from '../../shared/errors.ts';
import type { UseCaseContext } from '../../shared/use-case.ts';

/** The one context of every module's use cases (shared/use-case.ts). */
export type MembershipContext = UseCaseContext;

/** Acting for an organisation needs a confirmed address: it is how others can reach the person. */
export function requireConfirmedAddress(actor: Actor): void {
  if (!actor.emailVerified) throw new AppError('EMAIL_NOT_VERIFIED');
}

/** Today in Brussels, as "2026-11-23". */
export function brusselsDate(now: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Brussels' }).format(now);
}
