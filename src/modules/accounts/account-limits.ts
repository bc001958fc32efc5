// How often each account action may be tried. Per IP against one person trying many accounts,
// per account against many people (or machines) trying one.
import type pg from 'pg';
import { RateLimiter } from '../../shared/rate-limiter.ts';
import type { AccountLimits } from './account-context.ts';

export function createAccountLimits(pool: pg.Pool): AccountLimits {
  return {
    logInByIp: new RateLimiter(pool, { name: 'login-ip', points: 30, windowSeconds: 15 * 60 }),
    // Five wrong passwords lock the address for 15 minutes; a correct one resets the count.
    logInByAccount: new RateLimiter(pool, { name: 'login-account', points: 5, windowSeconds: 15 * 60 }),
    // A browser the person logged in from before is not held by the lock above (login-devices.ts).
    logInByDevice: new RateLimiter(pool, { name: 'login-device', points: 5, windowSeconds: 15 * 60 }),
    // Log-in links by e-mail reach only the address's owner; these limits keep a mailbox from being
    // flooded (request-log-in-link.ts says why reaching the last two is not a refusal).
    logInLinkByIp: new RateLimiter(pool, { name: 'login-link-ip', points: 10, windowSeconds: 60 * 60 }),
    logInLinkByAddressAndIp: new RateLimiter(pool, {
      name: 'login-link-address-ip',
      points: 3,
      windowSeconds: 60 * 60,
    }),
    logInLinkByAddress: new RateLimiter(pool, {
      name: 'login-link-address',
      points: 12,
      windowSeconds: 60 * 60,
    }),
    resetByIp: new RateLimiter(pool, { name: 'reset-ip', points: 10, windowSeconds: 60 * 60 }),
    resetByAccount: new RateLimiter(pool, { name: 'reset-account', points: 3, windowSeconds: 60 * 60 }),
    // An office or a training room shares one address: generous per IP.
    signUpByIp: new RateLimiter(pool, { name: 'signup-ip', points: 20, windowSeconds: 60 * 60 }),
  };
}
