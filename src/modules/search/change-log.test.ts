// The shared change log: a made-up source whose triggers call log_search_change, read through
// changeLog(); and a live index following it, a document appearing, changing and going.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/helpers/test-database.ts';
import { changeLog } from './change-log.ts';
import { LiveSearchIndex } from './live-index.ts';
import { otherDoc } from './other-doc.ts';
import type { SearchSource } from './search-source.ts';

let database: TestDatabase;
const log = changeLog('made-up');

const source: SearchSource = {
  name: 'made-up',
  ...log,
  async documents(db, ownerIds) {
    const ids = ownerIds ? sql`and id = any(${sql.param(ownerIds)}::text[])` : sql``;
    const rows = await db.execute<{ id: string; title: string }>(
      sql`select id, title from made_up where visible ${ids}`,
    );
    return rows.rows.map((r) =>
      otherDoc({ type: 'event', id: r.id, title: { en: r.title }, text: {}, path: `/made-up/${r.id}` }),
    );
  },
};

beforeAll(async () => {
  database = await createTestDatabase({ demo: false });
  await database.db.execute(sql`create table made_up (id text primary key, title text, visible boolean)`);
  for (const [op, refs] of [
    ['insert', 'new table as new_rows'],
    ['update', 'old table as old_rows new table as new_rows'],
    ['delete', 'old table as old_rows'],
  ])
    await database.db.execute(
      sql.raw(`create trigger made_up_${op} after ${op} on made_up referencing ${refs}
        for each statement execute function log_search_change('made-up', 'id')`),
    );
});

afterAll(async () => {
  await database.drop();
});

describe('the shared change log', () => {
  it('gives each source the owners its statements touched, once each, from a position', async () => {
    const start = await log.latestChange(database.db);
    await database.db.execute(sql`insert into made_up values ('a', 'Alpha', true), ('b', 'Beta', true)`);
    await database.db.execute(sql`update made_up set title = 'Alfa' where id = 'a'`);
    const { ownerIds, until } = await log.changesSince(database.db, start);
    expect(ownerIds.sort()).toEqual(['a', 'b']);
    expect(until).not.toBe(start);
    expect((await log.changesSince(database.db, until)).ownerIds).toEqual([]);
    // Another source's log is its own.
    expect((await changeLog('other').changesSince(database.db, start)).ownerIds).toEqual([]);
    await database.db.execute(sql`delete from made_up where id = 'b'`);
    expect((await log.changesSince(database.db, until)).ownerIds).toEqual(['b']);
    await log.pruneChanges(database.db);
  });

  it('keeps a live index in step: a document appears, changes and goes', async () => {
    const live = new LiveSearchIndex(database, [source], { pollMs: 600_000 });
    await live.ready;
    const found = (text: string) =>
      live.index
        .search({ text, filters: { type: ['event'] }, sort: 'relevance', offset: 0, limit: 10 })
        .hits.map((h) => h.doc.id);
    try {
      expect(found('alfa')).toEqual(['a']);
      await database.db.execute(sql`insert into made_up values ('c', 'Gamma', true)`);
      await live.refresh();
      expect(found('gamma')).toEqual(['c']);
      await database.db.execute(sql`update made_up set visible = false where id = 'c'`);
      await live.refresh();
      expect(found('gamma')).toEqual([]);
      expect(found('alfa')).toEqual(['a']);
    } finally {
      await live.close();
    }
  });
});
