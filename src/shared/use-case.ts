// What every write use case receives, whichever module it is in and whatever starts it (a page, the
// API, a job). Each use case checks permission through its module's policy, opens one transaction,
// writes its change and its audit or version entry, and asks for mail to go out afterwards.
import type { Database } from '../db/client.ts';
import type { Actor } from './actor.ts';
import type { Locale } from './i18n-text.ts';

export interface UseCaseContext<A = Actor> {
  db: Database;
  /** Who acts: a signed-in person, or what the module knows instead (a visitor, an API token). */
  actor: A;
  /** The clock: use cases never read the time themselves, so tests can move it. */
  now: Date;
  /** Scheme and host for links in e-mails. */
  origin: string;
  /** The language of the page the actor works in, for e-mails to people without an account. */
  locale: Locale;
  /** Where the request came from, for the audit log and rate limits; null for jobs. */
  ip: string | null;
  /** Starts delivering what the use case queued in the outbox. */
  mailQueued(): void;
}
