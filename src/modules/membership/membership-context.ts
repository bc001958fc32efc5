// What every membership use case needs from the request that triggers it.
import type { Database } from '../../db/client.ts';
import { AppError } from '../../shared/errors.ts';
import type { Locale } from '../../shared/i18n-text.ts';
import { type Actor } from '../access/index.ts';

export interface MembershipContext {
  db: Database;
  actor: Actor;
  /** Scheme and host for links in e-mails. */
  origin: string;
  /** The language of the page the actor works in, for e-mails to people without an account. */
  locale: Locale;
  ip: string;
  now: Date;
  mailQueued(): void;
}

/** Acting for an organisation needs a confirmed address: it is how others can reach the person. */
export function requireConfirmedAddress(actor: Actor): void {
  if (!actor.emailVerified) throw new AppError('EMAIL_NOT_VERIFIED');
}

/** Today in Brussels, as "2026-11-23". */
export function brusselsDate(now: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Brussels' }).format(now);
}
