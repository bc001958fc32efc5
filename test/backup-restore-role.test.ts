// A restore into an external database whose role may not set session_replication_role (which the
// load needs) is refused before anything is made: the database stays empty, so a retry with the
// right role works.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBackup, runRestore } from '../src/db/backup/run.ts';
import { openDatabase, type OpenDatabase } from '../src/db/open-database.ts';
import { keyRingFromFile } from '../src/shared/field-encryption.ts';
import { allowSlowTests } from './helpers/slow-tests.ts';

allowSlowTests();

const dirs: string[] = [];
const tempDir = (name: string) => {
  const dir = mkdtempSync(join(tmpdir(), `passerelle-restore-role-${name}-`));
  dirs.push(dir);
  return dir;
};

let source: OpenDatabase;
let sourceDir: string;
const url = (name: string, user = 'postgres', password?: string) => {
  const u = new URL(source.embedded!.url);
  u.pathname = `/${name}`;
  if (user !== 'postgres') {
    u.username = user;
    u.password = password!;
  }
  return u.toString();
};

async function sql(databaseUrl: string, text: string, values: unknown[] = []) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return (await client.query(text, values)).rows;
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  sourceDir = tempDir('source');
  source = await openDatabase({ databaseUrl: undefined, dataDir: sourceDir }, { poolSize: 2 });
});

afterAll(async () => {
  await source?.close();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('a restore with a role that may not load', () => {
  it('leaves an external database it could not restore into as it was, so that a retry works', async () => {
    const password = 'r3v13w-' + randomUUID();
    await sql(url('postgres'), `create role restorer login nosuperuser password '${password}'`);
    await sql(url('postgres'), `create database restored_norole owner restorer`);
    const target = url('restored_norole', 'restorer', password);
    const keys = keyRingFromFile(join(sourceDir, 'field-encryption.keys'));
    const file = join(tempDir('files2'), 'b.backup');
    await runBackup({ databaseUrl: undefined, dataDir: sourceDir, encryptionKeys: undefined }, file);
    const config = { databaseUrl: target, dataDir: tempDir('ext2'), encryptionKeys: keys };

    // Refused: the role may not turn triggers off. Fine, but it must be refused before anything is made.
    await expect(runRestore(config, file)).rejects.toThrow(/session_replication_role|permission/);
    const [{ n }] = await sql(
      url('restored_norole'),
      `select count(*)::int as n from pg_class c join pg_namespace s on s.oid = c.relnamespace
       where c.relkind = 'r' and s.nspname not in ('pg_catalog', 'information_schema') and s.nspname not like 'pg\\_%'`,
    );
    expect(n).toBe(0);
  });
});
