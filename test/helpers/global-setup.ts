// Starts one throwaway PostgreSQL for the whole test run (embedded, in a fresh temporary folder, or
// the server at TEST_DATABASE_URL) and prepares two template databases that each test file copies:
// "passerelle_empty" (migrated, taxonomy loaded) and "passerelle_demo" (plus the demo data).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { connectDatabase } from '../../src/db/client.ts';
import { startEmbeddedDatabase } from '../../src/db/embedded.ts';
import { migrateDatabase } from '../../src/db/migrate.ts';
import { loadDemoData, syncTaxonomy } from '../../src/modules/directory/index.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A URL to the test server's maintenance database, for creating and dropping databases. */
    pgAdminUrl: string;
  }
}

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

async function recreate(adminUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`drop database if exists ${name} with (force)`);
    await client.query(`create database ${name}`);
  } finally {
    await client.end();
  }
}

async function prepareTemplate(adminUrl: string, name: string, demo: boolean): Promise<void> {
  await recreate(adminUrl, name);
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
    const embedded = await startEmbeddedDatabase(dir);
    adminUrl = withDatabase(embedded.url, 'postgres');
    teardown = async () => {
      await embedded.stop();
      rmSync(dir, { recursive: true, force: true });
    };
  }
  await prepareTemplate(adminUrl, 'passerelle_empty', false);
  await prepareTemplate(adminUrl, 'passerelle_demo', true);
  project.provide('pgAdminUrl', adminUrl);
  return teardown;
}
