// Each test file works on its own copy of a template database, so files can run in parallel and a
// test never sees another's rows.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { connectDatabase, type DatabaseConnection } from '../../src/db/client.ts';

export interface TestDatabase extends DatabaseConnection {
  url: string;
  /** Closes the connections and drops the database. */
  drop(): Promise<void>;
}

async function admin<T>(run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: inject('pgAdminUrl') });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

export async function createTestDatabase({ demo = true }: { demo?: boolean } = {}): Promise<TestDatabase> {
  const name = `test_${randomBytes(6).toString('hex')}`;
  const template = inject('templates')[demo ? 'demo' : 'empty'];
  await admin((c) => c.query(`create database ${name} template ${template}`));
  const url = new URL(inject('pgAdminUrl'));
  url.pathname = `/${name}`;
  const connection = connectDatabase(url.toString(), { max: 5 });
  return {
    ...connection,
    url: url.toString(),
    async drop() {
      await connection.close();
      await admin((c) => c.query(`drop database if exists ${name} with (force)`));
    },
  };
}
