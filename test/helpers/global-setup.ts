// Starts one throwaway PostgreSQL for the whole test run (embedded, in a fresh temporary folder, or
// the server at TEST_DATABASE_URL) and prepares two template databases that each test file copies:
// "empty" (migrated, taxonomy loaded) and "demo" (plus the demo data). Their names carry a per-run
// suffix, so two runs can share one TEST_DATABASE_URL without dropping each other's templates.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { connectDatabase } from '../../src/db/client.ts';
import { startEmbeddedDatabase } from '../../src/db/embedded.ts';
import { migrateDatabase } from '../../src/db/migrate.ts';
import { loadDemoData } from '../../src/modules/directory/use-cases/load-demo-data.ts';
import { syncTaxonomy } from '../../src/modules/directory/use-cases/sync-taxonomy.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A URL to the test server's maintenance database, for creating and dropping databases. */
    pgAdminUrl: string;
    /** The template databases of this run. */
    templates: { empty: string; demo: string };
  }
}

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

async function onServer(adminUrl: string, statements: string[]): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    for (const statement of statements) await client.query(statement);
  } finally {
    await client.end();
  }
}

async function prepareTemplate(adminUrl: string, name: string, demo: boolean): Promise<void> {
  await onServer(adminUrl, [`drop database if exists ${name} with (force)`, `create database ${name}`]);
  const connection = connectDatabase(withDatabase(adminUrl, name), { max: 2 });
  try {
    await migrateDatabase(connection);
    await syncTaxonomy(connection.db);
    if (demo) await loadDemoData(connection.db);
  } finally {
    await connection.close();
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  let adminUrl: string;
  let teardown = async () => {};
  const external = process.env.TEST_DATABASE_URL;
  if (external) {
    adminUrl = external;
  } else {
    const dir = mkdtempSync(join(tmpdir(), 'passerelle-test-'));
    // A throwaway cluster need not survive a power cut: no waiting for the disk at each commit (a
    // burst of commits on one row queued behind each other's flushes on a busy machine), as
    // PostgreSQL's "non-durable settings" describe.
    const embedded = await startEmbeddedDatabase(dir, () => {}, {
      fsync: 'off',
      synchronous_commit: 'off',
      full_page_writes: 'off',
    });
    adminUrl = withDatabase(embedded.url, 'postgres');
    teardown = async () => {
      await embedded.stop();
      rmSync(dir, { recursive: true, force: true });
    };
  }
  const run = randomBytes(4).toString('hex');
  const templates = { empty: `passerelle_empty_${run}`, demo: `passerelle_demo_${run}` };
  await prepareTemplate(adminUrl, templates.empty, false);
  await prepareTemplate(adminUrl, templates.demo, true);
  project.provide('pgAdminUrl', adminUrl);
  project.provide('templates', templates);
  return async () => {
    if (external)
      await onServer(
        adminUrl,
        Object.values(templates).map((name) => `drop database if exists ${name} with (force)`),
      );
    await teardown();
  };
}
