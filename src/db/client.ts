import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import * as schema from './schema.ts';
import { nextTurn } from '../shared/turns.ts';

export type Database = NodePgDatabase<typeof schema>;
/** A database handle or an open transaction: repositories accept either. */
export type Executor = Database | Parameters<Parameters<Database['transaction']>[0]>[0];

export interface DatabaseConnection {
  db: Database;
  pool: pg.Pool;
  /** For a database this process runs: what is wrong with it that only a restart may cure, or null. */
  problem?: () => string | null;
  close(): Promise<void>;
}

/**
 * pg's client-side query timeout only fails the promise: the query stays on the connection, and in a
 * transaction the rollback queues behind it and times out too, so the client went back to the pool
 * still inside the transaction, for the next request to commit. A client whose query timed out gives
 * up its connection instead: the pool drops it and PostgreSQL rolls the transaction back.
 */
class TimeLimitedClient extends pg.Client {
  constructor(config?: pg.ClientConfig) {
    super(config);
    // A connection lost while the client is lent out (no pool listener then) is reported through
    // the failed queries; as an unheard 'error' event it would end the process.
    this.on('error', () => {});
  }
}
const query = pg.Client.prototype.query as (...args: unknown[]) => unknown;
TimeLimitedClient.prototype.query = function (this: pg.Client, ...args: unknown[]) {
  const result = query.apply(this, args);
  if (result instanceof Promise)
    result.catch((error: unknown) => {
      if (error instanceof Error && error.message === 'Query read timeout')
        (
          this as unknown as { connection: { stream: { destroy(e: Error): void } } }
        ).connection.stream.destroy(error);
    });
  return result;
} as typeof pg.Client.prototype.query;

export function connectDatabase(
  url: string,
  options: { max?: number; applicationName?: string; queryTimeoutMs?: number } = {},
): DatabaseConnection {
  const queryTimeout = options.queryTimeoutMs ?? 15_000;
  const pool = new pg.Pool({
    Client: TimeLimitedClient,
    connectionString: url,
    max: options.max ?? 10,
    application_name: options.applicationName ?? 'passerelle',
    // A lost database must not hang requests forever.
    connectionTimeoutMillis: 5_000,
    // PostgreSQL stops a query that runs too long; a server that no longer answers at all (frozen,
    // cut off without a reset) is given up by the client a little later.
    statement_timeout: queryTimeout,
    query_timeout: queryTimeout + 2_000,
  });
  // An idle client losing its connection (database restart) must not crash the process.
  pool.on('error', () => {});
  handRowsOverInTurns(pool);
  const db = drizzle({ client: pool, schema, casing: 'snake_case' });
  return { db, pool, close: () => pool.end() };
}

/**
 * Rows read outside a transaction go on in a turn of the event loop of their own (shared/turns.ts).
 * Answers of PostgreSQL to several requests come in together, and each request went on with its
 * rows (presenting, rendering, serialising) in the turn they arrived in, one after the other.
 * Transactions' queries (on a client lent out by the pool) go on at once: they hold locks.
 */
function handRowsOverInTurns(pool: pg.Pool): void {
  const poolQuery = pool.query.bind(pool) as (...args: unknown[]) => unknown;
  pool.query = function (...args: unknown[]) {
    const result = poolQuery(...args);
    if (!(result instanceof Promise)) return result;
    return result.then(async (rows: unknown) => {
      await nextTurn();
      return rows;
    });
  } as typeof pool.query;
}
