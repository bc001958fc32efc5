// A record's key for the evidence map's noise, in SQL: used by each module that counts records for it.
import { type AnyColumn, type SQL, sql } from 'drizzle-orm';

/**
 * A record's key, 0 to 255, from a secret and the record's id, computed in PostgreSQL so that it
 * never leaves the database record by record: only sums of keys do. The same records give the same
 * sum, hence the same noise (signals/evidence/perturbation.ts); one record more gives another.
 */
export function recordKey(keySecret: string, id: AnyColumn | SQL): SQL<number> {
  return sql<number>`('x' || substr(md5(${keySecret} || ${id}::text), 1, 2))::bit(8)::int`;
}
