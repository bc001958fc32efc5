// What every account use case needs from the request that triggers it.
import type { UseCaseContext } from '../../shared/use-case.ts';
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

/**
 * The use-case context of accounts: the one every module has (shared/use-case.ts), for someone who
 * is not signed in yet (the actor is null), with the limits on attempts and the browser's name.
 */
export interface AccountContext extends UseCaseContext<null> {
  ip: string;
  limits: AccountLimits;
  userAgent?: string;
}
