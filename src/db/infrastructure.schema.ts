// Tables of the platform's plumbing rather than of a domain module.
import { bigint, index, integer, pgTable, varchar } from 'drizzle-orm/pg-core';

/** Counters of the rate limiters, in rate-limiter-flexible's layout (src/shared/rate-limiter.ts). */
export const rateLimits = pgTable(
  'rate_limits',
  {
    key: varchar({ length: 255 }).primaryKey(),
    points: integer().notNull().default(0),
    /** Milliseconds since 1970. */
    expire: bigint({ mode: 'number' }),
  },
  (t) => [index('rate_limits_expire_idx').on(t.expire)],
);
