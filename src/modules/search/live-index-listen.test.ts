// The live index follows change notifications on a connection of its own. When the database goes
// away for longer than a moment (here: the connection is cut and new ones refused for 3 s), it must
// listen again once the database is back, so a change is seen at once again, not at the next poll.
import pg from 'pg';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/helpers/test-database.ts';
import { LiveSearchIndex } from './live-index.ts';
import type { SearchSource } from './search-source.ts';

let refreshes = 0;
const source: SearchSource = {
  name: 'made-up',
  channel: 'made_up_changed',
  documents: async () => [],
  latestChange: async () => '0',
  changesSince: async (_db, cursor) => {
    refreshes++;
    return { ownerIds: [], until: cursor };
  },
  pruneChanges: async () => {},
};

let database: TestDatabase;
let live: LiveSearchIndex;
const name = () => new URL(database.url).pathname.slice(1);

async function onAdmin(statement: string, values: unknown[] = []): Promise<void> {
  const admin = new pg.Client({ connectionString: inject('pgAdminUrl') });
  await admin.connect();
  try {
    await admin.query(statement, values);
  } finally {
    await admin.end();
  }
}

beforeAll(async () => {
  database = await createTestDatabase({ demo: false });
  // No polling in this test: only a notification can bring a change in.
  live = new LiveSearchIndex(database, [source], { pollMs: 600_000, onError: () => {} });
  await live.ready;
});

afterAll(async () => {
  await live.close();
  await database.drop();
});

it('listens again after the database was away for longer than a moment', async () => {
  expect(live.listening).toBe(true);
  await onAdmin(`alter database ${name()} allow_connections false`);
  try {
    await onAdmin(
      "select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and query like 'LISTEN%'",
      [name()],
    );
    await expect.poll(() => live.listening, { timeout: 10_000 }).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    expect(live.listening).toBe(false);
  } finally {
    await onAdmin(`alter database ${name()} allow_connections true`);
  }
  await expect.poll(() => live.listening, { timeout: 30_000, interval: 100 }).toBe(true);
  const before = refreshes;
  await database.pool.query('notify made_up_changed');
  await expect.poll(() => refreshes, { timeout: 2_000, interval: 50 }).toBeGreaterThan(before);
});
