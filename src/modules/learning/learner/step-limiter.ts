// How many steps a learner's address may have counted: a token bucket per address, in this
// process's memory only (an LRU of at most 10,000 addresses, each forgotten after 10 minutes).
// Not the shared limiter of src/shared/rate-limiter.ts: that one keeps its counters in PostgreSQL
// (rate_limits), so every step would write a row of an address's (hashed) key and its points next
// to the moment the choice counts change, and anyone reading the database could line the two up.
// Kept in memory, nothing of a learner's address is ever stored; a limit per process is enough to
// keep one address from inflating the counts. Over the limit, the step is still taken (a group of
// volunteers behind one address goes on learning) but no longer counted.
import { LRUCache } from 'lru-cache';

export interface StepLimit {
  /** Steps an address may take at once. */
  burst: number;
  /** Steps given back per second. */
  perSecond: number;
}

/** A learner takes a step every few seconds at most; a group behind one address, some more. */
export const stepLimit: StepLimit = { burst: 60, perSecond: 1 };

export class StepLimiter {
  private readonly buckets = new LRUCache<string, { tokens: number; at: number }>({
    max: 10_000,
    ttl: 10 * 60_000,
  });

  constructor(
    private readonly limit: StepLimit = stepLimit,
    private readonly now: () => number = Date.now,
  ) {}

  /** Takes one step's token for this address; false when it has none left. */
  allow(address: string): boolean {
    const now = this.now();
    const bucket = this.buckets.get(address) ?? { tokens: this.limit.burst, at: now };
    const tokens = Math.min(
      this.limit.burst,
      bucket.tokens + ((now - bucket.at) / 1000) * this.limit.perSecond,
    );
    const allowed = tokens >= 1;
    this.buckets.set(address, { tokens: allowed ? tokens - 1 : tokens, at: now });
    return allowed;
  }
}
