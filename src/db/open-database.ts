// Opens the platform's database: the external one from DATABASE_URL, or the embedded one in
// DATA_DIR, migrated to the current schema. Shared by the server, the CLI and the tests.
import type { Config } from '../config.ts';
import { connectDatabase, type DatabaseConnection } from './client.ts';
import { type EmbeddedDatabase, startEmbeddedDatabase } from './embedded.ts';
import { migrateDatabase } from './migrate.ts';

interface OpenOptions {
  log?: (line: string) => void;
  url?: string;
  poolSize?: number;
  queryTimeoutMs?: number;
}

export interface OpenDatabase extends DatabaseConnection {
  embedded: EmbeddedDatabase | null;
}

export async function openDatabase(
  config: Pick<Config, 'databaseUrl' | 'dataDir'>,
  options: OpenOptions = {},
): Promise<OpenDatabase> {
  const embedded =
    config.databaseUrl || options.url ? null : await startEmbeddedDatabase(config.dataDir, options.log);
  return connectAndMigrate(config, embedded, options);
}

/**
 * The second half of openDatabase, for a caller that started the embedded cluster itself: the
 * server starts it before it loads the app's modules, so that the cluster's second of starting
 * passes while node loads them (server.ts). A failure here stops that cluster.
 */
export async function connectAndMigrate(
  config: Pick<Config, 'databaseUrl'>,
  embedded: EmbeddedDatabase | null,
  options: OpenOptions = {},
): Promise<OpenDatabase> {
  const url = options.url ?? config.databaseUrl ?? embedded!.url;
  const connection = connectDatabase(url, { max: options.poolSize, queryTimeoutMs: options.queryTimeoutMs });
  try {
    await migrateDatabase(connection);
  } catch (error) {
    await connection.close();
    await embedded?.stop();
    throw error;
  }
  return {
    ...connection,
    embedded,
    problem: () => embedded?.problem() ?? null,
    async close() {
      await connection.close();
      await embedded?.stop();
    },
  };
}
