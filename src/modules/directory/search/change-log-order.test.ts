// Two transactions that commit out of the order of their log entries: the one that wrote first
// commits last. A reader that read the later entry already must still be given the earlier one.
// Real PostgreSQL clients, one per transaction; both change logs (search_changes, directory_changes).
// With ids as cursors (before migration 0041) both tests failed: the second read gave nothing.
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../../test/helpers/test-database.ts';
import { directorySearchSource } from './directory-source.ts';
import { changeLog } from '../../search/change-log.ts';
import type { SearchSource } from '../../search/search-source.ts';

let database: TestDatabase;
const clients: pg.Client[] = [];

async function client(): Promise<pg.Client> {
  const c = new pg.Client({ connectionString: database.url });
  await c.connect();
  clients.push(c);
  return c;
}

beforeAll(async () => {
  database = await createTestDatabase({ demo: false });
  await database.db.execute(sql`create table made_up (id text primary key)`);
  await database.db.execute(
    sql.raw(`create trigger made_up_insert after insert on made_up referencing new table as new_rows
      for each statement execute function log_search_change('made-up', 'id')`),
  );
});

afterAll(async () => {
  for (const c of clients) await c.end().catch(() => {});
  await database.drop();
});

type Log = Pick<SearchSource, 'latestChange' | 'changesSince'>;

/**
 * A writes its entry first and commits last; B writes after A and commits first; the reader reads
 * between the two commits and after. Gives the owners read each time.
 */
async function outOfOrder(log: Log, write: (c: pg.Client, key: string) => Promise<string>) {
  const [a, b] = [await client(), await client()];
  const start = await log.latestChange(database.db);
  await a.query('begin');
  const first = await write(a, 'a');
  await b.query('begin');
  const second = await write(b, 'b');
  await b.query('commit');
  const before = await log.changesSince(database.db, start);
  await a.query('commit');
  const after = await log.changesSince(database.db, before.until);
  // Nothing more: each entry is given once.
  const again = await log.changesSince(database.db, after.until);
  return { first, second, before: before.ownerIds, after: after.ownerIds, again: again.ownerIds };
}

describe('a change log read while transactions commit out of order', () => {
  it('gives the shared log entry of the transaction that committed last', async () => {
    const seen = await outOfOrder(changeLog('made-up'), async (c, key) => {
      await c.query('insert into made_up values ($1)', [key]);
      return key;
    });
    expect(seen.before).toEqual(['b']);
    expect(seen.after).toEqual(['a']);
    expect(seen.again).toEqual([]);
  });

  it("gives the directory log's organisation of the transaction that committed last", async () => {
    const seen = await outOfOrder(directorySearchSource, async (c, key) => {
      const row = await c.query<{ id: string }>(
        `insert into organisations (name, kind) values ($1, 'formal') returning id`,
        [{ en: `Organisation ${key}` }],
      );
      return row.rows[0]!.id;
    });
    expect(seen.before).toEqual([seen.second]);
    expect(seen.after).toEqual([seen.first]);
    expect(seen.again).toEqual([]);
  });
});
