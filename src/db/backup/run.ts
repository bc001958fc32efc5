// What `npm run backup` and `npm run restore` do, with the app's configuration (DATA_DIR or
// DATABASE_URL): a backup reads from the running app's embedded PostgreSQL when there is one, and
// a restore goes only into an empty data folder or an empty external database.
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import pg from 'pg';
import type { Config } from '../../config.ts';
import { type KeyRing, keyRingFromFile } from '../../shared/field-encryption.ts';
import { runningEmbeddedUrl, startEmbeddedDatabase } from '../embedded.ts';
import { openDatabase, type OpenDatabase } from '../open-database.ts';
import { writeBackup } from './backup.ts';
import { BackupError, type BackupManifest, type TableSummary } from './format.ts';
import { checkBackup, loadBackup } from './restore.ts';

type BackupConfig = Pick<Config, 'databaseUrl' | 'dataDir' | 'encryptionKeys'>;

export const keyFileName = 'field-encryption.keys';

/** The installation's keys as they are, never made anew: ENCRYPTION_KEYS, the data folder's key file, or none. */
export function installedKeys(config: BackupConfig): KeyRing | null {
  if (config.encryptionKeys) return config.encryptionKeys;
  const file = join(config.dataDir, keyFileName);
  return existsSync(file) ? keyRingFromFile(file) : null;
}

async function withClient<T>(url: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, application_name: 'passerelle-backup' });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

export async function runBackup(
  config: BackupConfig,
  out: string,
  onTable?: (table: TableSummary) => void,
): Promise<BackupManifest> {
  let url = config.databaseUrl ?? runningEmbeddedUrl(config.dataDir);
  let stop = async () => {};
  if (!url) {
    if (!existsSync(join(config.dataDir, 'postgres', 'PG_VERSION')))
      throw new BackupError(`There is no database in ${config.dataDir} (DATA_DIR) to back up.`);
    // The app is not running: start its embedded PostgreSQL for the backup, as it would.
    const embedded = await startEmbeddedDatabase(config.dataDir);
    url = embedded.url;
    stop = () => embedded.stop();
  }
  try {
    return await withClient(url, (client) =>
      writeBackup(client, resolve(out), { keys: installedKeys(config), onTable }),
    );
  } finally {
    await stop();
  }
}

/** What a restore may find in the data folder: the key file put there beforehand. */
const allowedInEmptyFolder = new Set([keyFileName, 'lost+found']);

async function assertEmptyTarget(config: BackupConfig): Promise<void> {
  if (config.databaseUrl) {
    const tables = await withClient(config.databaseUrl, async (client) => {
      const { rows } = await client.query<{ name: string }>(
        `select n.nspname || '.' || c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
         where c.relkind in ('r', 'p', 'v', 'm') and n.nspname not in ('pg_catalog', 'information_schema')
           and n.nspname not like 'pg\\_%' order by 1 limit 5`,
      );
      return rows.map((r) => r.name);
    });
    if (tables.length)
      throw new BackupError(
        `The database at DATABASE_URL is not empty (it has ${tables.join(', ')}…): a restore goes only into an ` +
          'empty database. Create a new one (createdb) and point DATABASE_URL at it.',
      );
    // The load turns triggers and foreign-key checks off for its transaction: a role that may not
    // is refused now, before the migrations make tables that would block the next try.
    const mayLoad = await withClient(config.databaseUrl, async (client) => {
      await client.query('begin');
      try {
        await client.query('set local session_replication_role = replica');
        return true;
      } catch {
        return false;
      } finally {
        await client.query('rollback');
      }
    });
    if (!mayLoad)
      throw new BackupError(
        'The role in DATABASE_URL may not set session_replication_role, which the restore needs: restore as ' +
          'the database owner with that right (GRANT SET ON PARAMETER session_replication_role TO <role>) or a superuser.',
      );
    return;
  }
  const found = existsSync(config.dataDir)
    ? readdirSync(config.dataDir).filter((name) => !allowedInEmptyFolder.has(name))
    : [];
  if (found.length)
    throw new BackupError(
      `The data folder ${config.dataDir} is not empty (it has ${found.slice(0, 5).join(', ')}): a restore goes ` +
        `only into an empty folder (the ${keyFileName} file may be there). Stop the app and restore into a new ` +
        'DATA_DIR, or move this folder away first.',
    );
}

export async function runRestore(config: BackupConfig, from: string): Promise<BackupManifest> {
  const path = resolve(from);
  // Everything is checked before anything is made: a refused restore leaves no trace.
  const manifest = await checkBackup(path, installedKeys(config));
  await assertEmptyTarget(config);
  const existed = existsSync(config.dataDir);
  const before = new Set(existed ? readdirSync(config.dataDir) : []);
  let database: OpenDatabase | undefined;
  try {
    database = await openDatabase(config, { poolSize: 2 });
    const url = config.databaseUrl ?? database.embedded!.url;
    await withClient(url, (client) => loadBackup(client, path, manifest));
    await database.close();
    return manifest;
  } catch (error) {
    await database?.close().catch(() => {});
    // A failed restore into an empty folder leaves it as it was.
    if (!config.databaseUrl && existsSync(config.dataDir)) {
      if (!existed) rmSync(config.dataDir, { recursive: true, force: true });
      else
        for (const name of readdirSync(config.dataDir))
          if (!before.has(name)) rmSync(join(config.dataDir, name), { recursive: true, force: true });
    }
    throw error;
  }
}

/** Whether a backup file would sit in the data folder, next to the key file. */
export function insideDataDir(config: BackupConfig, out: string): boolean {
  const path = relative(config.dataDir, resolve(out));
  return !path.startsWith('..') && !path.startsWith('/');
}
