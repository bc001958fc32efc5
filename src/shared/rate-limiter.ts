// Rate limits shared by every app process: counters live in PostgreSQL (rate-limiter-flexible's
// table, created by a migration). Keys are hashed, so the table holds no e-mail or IP address.
import { createHash } from 'node:crypto';
import type pg from 'pg';
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import { AppError } from './errors.ts';

export interface RateLimitRule {
  /** Distinguishes the limiters in the one table, e.g. "login-ip". */
  name: string;
  /** Attempts allowed per window. */
  points: number;
  windowSeconds: number;
  /** How long a key is refused once it went over; the window by default. */
  blockSeconds?: number;
}

export class RateLimiter {
  private readonly limiter: RateLimiterPostgres;

  constructor(pool: pg.Pool, rule: RateLimitRule) {
    this.limiter = new RateLimiterPostgres({
      storeClient: pool,
      tableName: 'rate_limits',
      tableCreated: true,
      clearExpiredByTimeout: false,
      keyPrefix: rule.name,
      points: rule.points,
      duration: rule.windowSeconds,
      blockDuration: rule.blockSeconds ?? 0,
    });
  }

  /** Counts one attempt; throws RATE_LIMITED when the key is over its limit. */
  async consume(key: string): Promise<void> {
    try {
      await this.limiter.consume(hashKey(key));
    } catch (error) {
      throw asRateLimited(error);
    }
  }

  /** Counts one attempt; false when the key is over its limit. */
  async tryConsume(key: string): Promise<boolean> {
    try {
      await this.consume(key);
      return true;
    } catch (error) {
      if (error instanceof AppError && error.code === 'RATE_LIMITED') return false;
      throw error;
    }
  }

  async reset(key: string): Promise<void> {
    await this.limiter.delete(hashKey(key));
  }
}

function hashKey(key: string): string {
  return createHash('sha256').update(key).digest('base64url');
}

function asRateLimited(error: unknown): unknown {
  if (error instanceof RateLimiterRes) {
    return new AppError('RATE_LIMITED', {
      retryAfterSeconds: Math.max(1, Math.ceil(error.msBeforeNext / 1000)),
    });
  }
  return error;
}
