// Applies the committed SQL migrations. Several app processes may start at once against one
// PostgreSQL: an advisory lock lets one migrate while the others wait.
import { fileURLToPath } from 'node:url';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import type { DatabaseConnection } from './client.ts';

const migrationsFolder = fileURLToPath(new URL('./migrations', import.meta.url));
const lockKey = 4_242_001;

export async function migrateDatabase({ db, pool }: DatabaseConnection): Promise<void> {
  const lock = await pool.connect();
  try {
    await lock.query('select pg_advisory_lock($1)', [lockKey]);
    await migrate(db, { migrationsFolder });
  } finally {
    await lock.query('select pg_advisory_unlock($1)', [lockKey]).catch(() => {});
    lock.release();
  }
}
