// What every account use case needs from the request that triggers it.
import type { Database } from '../../db/client.ts';
import type { RateLimiter } from '../../shared/rate-limiter.ts';

export interface AccountLimits {
  logInByIp: RateLimiter;
  logInByAccount: RateLimiter;
  /** Wrong passwords from a browser the person logged in from before, counted per browser. */
  logInByDevice: RateLimiter;
  logInLinkByIp: RateLimiter;
  logInLinkByAddressAndIp: RateLimiter;
  logInLinkByAddress: RateLimiter;
  resetByIp: RateLimiter;
  resetByAccount: RateLimiter;
  signUpByIp: RateLimiter;
}

export interface AccountContext {
  db: Database;
  limits: AccountLimits;
  /** Scheme and host for links in e-mails, e.g. "https://passerelle.brussels". */
  origin: string;
  ip: string;
  userAgent?: string;
  now: Date;
  /** Called after a use case committed e-mails to the outbox, so delivery starts at once. */
  mailQueued(): void;
}
