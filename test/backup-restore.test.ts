// `npm run backup` and `npm run restore` end to end: an embedded database with the demo data is
// backed up while rows keep arriving, restored into a fresh data folder, and every table compared.
// Bad input (a folder with data, a damaged file, another migration, missing keys) is refused with a
// clear message and leaves the target as it was.
import { execFile } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import {
  copyFileSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBackup, runRestore } from '../src/db/backup/run.ts';
import { BackupWriter, type BackupManifest } from '../src/db/backup/format.ts';
import { createDatabaseIfMissing } from '../src/db/embedded.ts';
import { openDatabase, type OpenDatabase } from '../src/db/open-database.ts';
import { loadDemoData } from '../src/modules/directory/use-cases/load-demo-data.ts';
import { syncTaxonomy } from '../src/modules/directory/use-cases/sync-taxonomy.ts';
import { decryptField, encryptField, keyRingFromFile } from '../src/shared/field-encryption.ts';
import { allowSlowTests } from './helpers/slow-tests.ts';

allowSlowTests();

const root = new URL('..', import.meta.url).pathname;
const dirs: string[] = [];
const tempDir = (name: string) => {
  const dir = mkdtempSync(join(tmpdir(), `passerelle-${name}-`));
  dirs.push(dir);
  return dir;
};

const config = (dataDir: string) => ({ databaseUrl: undefined, dataDir, encryptionKeys: undefined });

let source: OpenDatabase;
let sourceDir: string;
let backupFile: string;
let manifest: BackupManifest;
const secretId = randomUUID();

async function insertSignal(
  db: pg.ClientBase | OpenDatabase['pool'],
  id: string,
  note: string | null,
  theme: string,
) {
  await db.query(
    `insert into need_signals (id, origin, status, theme_codes, commune_nis, target_group, people_band, seen_on, note)
     values ($1, 'visitor', 'pending', array[$2], '21004', 'everyone', '1', '2026-01-01', $3)`,
    [id, theme, note],
  );
}

/** Every table's row count and an md5 of its rows in order, by name. */
async function fingerprints(url: string): Promise<Map<string, string>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows: tables } = await client.query<{ name: string }>(
      `select quote_ident(schemaname) || '.' || quote_ident(tablename) as name from pg_tables
       where schemaname not in ('pg_catalog', 'information_schema', 'drizzle', 'pgboss') order by 1`,
    );
    const out = new Map<string, string>();
    for (const { name } of tables) {
      // Rows written during the backup are compared on their own (below).
      const where = name === 'public.need_signals' ? `where theme_codes <> '{during-backup}'` : '';
      const { rows } = await client.query<{ n: string; md5: string | null }>(
        `select count(*) as n, md5(string_agg(t::text, '|' order by t::text)) as md5 from ${name} t ${where}`,
      );
      out.set(name, `${rows[0]!.n}:${rows[0]!.md5}`);
    }
    return out;
  } finally {
    await client.end();
  }
}

const cli = (script: string, args: string[], dataDir: string) =>
  promisify(execFile)(process.execPath, ['--import', 'tsx', `src/cli/${script}.ts`, ...args], {
    cwd: root,
    env: {
      ...process.env,
      DATA_DIR: dataDir,
      DATABASE_URL: '',
      ENCRYPTION_KEYS: '',
      NODE_ENV: 'development',
    },
  }).then(
    (done) => ({ code: 0, ...done }),
    (error: { code: number; stdout: string; stderr: string }) => error,
  );

beforeAll(async () => {
  sourceDir = tempDir('backup-source');
  source = await openDatabase({ databaseUrl: undefined, dataDir: sourceDir }, { poolSize: 4 });
  await syncTaxonomy(source.db);
  await loadDemoData(source.db);
  const keys = keyRingFromFile(join(sourceDir, 'field-encryption.keys'));
  await insertSignal(
    source.pool,
    secretId,
    encryptField(keys, 'Maria, 3 children', `need_signals.note:${secretId}`),
    'before',
  );
  backupFile = join(tempDir('backup-files'), 'passerelle.backup');
  // Rows keep arriving while the backup runs, as from a serving app.
  let writing = true;
  const writer = (async () => {
    while (writing) await insertSignal(source.pool, randomUUID(), null, 'during-backup');
  })();
  const started = Date.now();
  manifest = await runBackup(config(sourceDir), backupFile);
  console.log(`backup: ${Date.now() - started} ms, ${statSync(backupFile).size} bytes`);
  writing = false;
  await writer;
});

afterAll(async () => {
  await source?.close();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('backup and restore', () => {
  it('restores into an empty data folder with every table as it was', async () => {
    expect(manifest.encryptionKeys.map((k) => k.id)).toEqual(['dev1']);
    expect(JSON.stringify(manifest)).not.toContain(
      readFileSync(join(sourceDir, 'field-encryption.keys'), 'utf8').split(':')[1]!.trim(),
    );
    expect(manifest.tables.map((t) => t.name)).not.toContain('pgboss.job');
    const target = tempDir('backup-target');
    copyFileSync(join(sourceDir, 'field-encryption.keys'), join(target, 'field-encryption.keys'));
    const started = Date.now();
    await runRestore(config(target), backupFile);
    console.log(`restore: ${Date.now() - started} ms`);
    const restored = await openDatabase({ databaseUrl: undefined, dataDir: target }, { poolSize: 2 });
    try {
      const [before, after] = [
        await fingerprints(source.embedded!.url),
        await fingerprints(restored.embedded!.url),
      ];
      expect(after.size).toBeGreaterThan(30);
      expect([...after]).toEqual([...before]);
      // The rows written during the backup: those the snapshot saw, the first ones, and no others.
      const order = `select id::text from need_signals where theme_codes = '{during-backup}' order by created_at, id`;
      const all = (await source.pool.query<{ id: string }>(order)).rows.map((r) => r.id);
      const kept = (await restored.pool.query<{ id: string }>(order)).rows.map((r) => r.id);
      expect(all.slice(0, kept.length)).toEqual(kept);
      expect(manifest.tables.find((t) => t.name === 'public.need_signals')!.rows).toBe(
        (await restored.pool.query('select 1 from need_signals')).rowCount,
      );
      // The encrypted note opens with the same key, and sequences go on from where they were.
      const { rows } = await restored.pool.query<{ note: string }>(
        'select note from need_signals where id = $1',
        [secretId],
      );
      const keys = keyRingFromFile(join(target, 'field-encryption.keys'));
      expect(decryptField(keys, rows[0]!.note, `need_signals.note:${secretId}`)).toBe('Maria, 3 children');
      for (const { name, value } of manifest.sequences.filter((s) => s.value !== null)) {
        const { rows: next } = await restored.pool.query<{ n: string }>(
          'select nextval($1::regclass)::text as n',
          [name],
        );
        expect(BigInt(next[0]!.n)).toBeGreaterThan(BigInt(value!));
      }
    } finally {
      await restored.close();
    }
    // With no app running on it, the backup starts the folder's PostgreSQL itself, and stops it.
    const again = await runBackup(config(target), join(tempDir('backup-again'), 'again.backup'));
    expect(again.tables.map((t) => [t.name, t.rows, t.sha256])).toEqual(
      manifest.tables.map((t) => [t.name, t.rows, t.sha256]),
    );
    expect(readdirSync(target)).not.toContain('passerelle.lock');
    await expect(runBackup(config(tempDir('backup-none')), join(target, 'x'))).rejects.toThrow(
      /There is no database in .* to back up/,
    );
  });

  it('restores into an empty external database, and refuses one that has tables', async () => {
    const url = (name: string) => source.embedded!.url.replace(/\/passerelle$/, `/${name}`);
    await createDatabaseIfMissing(url('postgres'), 'restored_external');
    const dataDir = tempDir('backup-external');
    const keys = keyRingFromFile(join(sourceDir, 'field-encryption.keys'));
    const external = (databaseUrl: string) => ({ databaseUrl, dataDir, encryptionKeys: keys });
    await expect(runRestore(external(url('passerelle')), backupFile)).rejects.toThrow(
      /The database at DATABASE_URL is not empty/,
    );
    await runRestore(external(url('restored_external')), backupFile);
    expect([...(await fingerprints(url('restored_external')))]).toEqual([
      ...(await fingerprints(url('passerelle'))),
    ]);
    expect(readdirSync(dataDir)).toEqual([]);
  });

  it('refuses a folder that holds data, with a message and a non-zero exit', async () => {
    const result = await cli('restore', ['--from', backupFile], sourceDir);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('is not empty');
  });

  it('refuses a file cut short, and leaves the empty folder empty', async () => {
    const cut = join(tempDir('backup-cut'), 'cut.backup');
    writeFileSync(cut, readFileSync(backupFile).subarray(0, Math.floor(statSync(backupFile).size / 2)));
    const target = tempDir('backup-target-cut');
    copyFileSync(join(sourceDir, 'field-encryption.keys'), join(target, 'field-encryption.keys'));
    const result = await cli('restore', ['--from', cut], target);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('is cut short or damaged');
    expect(readdirSync(target)).toEqual(['field-encryption.keys']);
  });

  it('refuses a backup of another migration', async () => {
    const old = join(tempDir('backup-old'), 'old.backup');
    const writer = new BackupWriter(old);
    await writer.finish({ ...manifest, tables: [], migration: { tag: '0007_older', when: 1 } });
    const target = tempDir('backup-target-old');
    await expect(runRestore(config(target), old)).rejects.toThrow(
      /made at migration 0007_older; this version .* is at/,
    );
    expect(readdirSync(target)).toEqual([]);
  });

  it('rolls back a load that fails, and removes what it made in the folder', async () => {
    const odd = join(tempDir('backup-odd'), 'odd.backup');
    const writer = new BackupWriter(odd);
    const rows = Buffer.from('1\n');
    await writer.frame('T', { name: 'public.nope', columns: ['x'] });
    await writer.frame('D', rows);
    const sha256 = createHash('sha256').update(rows).digest('hex');
    await writer.frame('E', { rows: 1, sha256 });
    const table = { name: 'public.nope', columns: ['x'], rows: 1, bytes: 2, sha256 };
    await writer.finish({ ...manifest, tables: [table], sequences: [], encryptionKeys: [] });
    const target = tempDir('backup-target-odd');
    await expect(runRestore(config(target), odd)).rejects.toThrow(
      /The database's tables differ from the backup's/,
    );
    expect(readdirSync(target)).toEqual([]);
  });

  it('refuses to restore without the keys that sealed the values', async () => {
    const target = tempDir('backup-target-nokey');
    await expect(runRestore(config(target), backupFile)).rejects.toThrow(/encrypted with key dev1/);
    expect(readdirSync(target)).toEqual([]);
  });

  it('backs up from the command line too', async () => {
    const out = join(tempDir('backup-cli'), 'cli.backup');
    const result = await cli('backup', ['--out', out], sourceDir);
    expect(result.stdout).toMatch(/Backed up \d+ tables/);
    expect(result.code).toBe(0);
  });
});
