// What every exchange use case needs from the page or job that starts it.
import type { Actor } from '../../shared/actor.ts';
import type { RateLimiter } from '../../shared/rate-limiter.ts';
import type { UseCaseContext } from '../../shared/use-case.ts';

/** A signed-in person. */
export type ExchangeContext = UseCaseContext<Actor>;

/** A signed-in person writing in threads: their messages are counted, across every process. */
export interface ThreadContext extends ExchangeContext {
  /** At most threadLimits.perMinute messages a minute per account (rate_limits in PostgreSQL). */
  messageLimit: RateLimiter;
}
