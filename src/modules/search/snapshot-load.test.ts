import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/helpers/test-database.ts';
import { ByteScratch } from './copy-out.ts';
import { joinSnapshot, readPart } from './snapshot-load.ts';

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase({ demo: false });
});

afterAll(async () => {
  await database.drop();
});

describe('the second connection of a snapshot load', () => {
  it('sees the first connection’s snapshot of the tables, not a change committed after it', async () => {
    await database.pool.query('create table snapshot_probe (n int)');
    const first = await database.pool.connect();
    try {
      await first.query('begin isolation level repeatable read read only');
      const { id } = (await first.query<{ id: string }>('select pg_export_snapshot() as id')).rows[0]!;
      await database.pool.query('insert into snapshot_probe values (1)');
      const errors: unknown[] = [];
      const second = await joinSnapshot(database, id, (e) => errors.push(e));
      expect(errors).toEqual([]);
      const seen = await second!.query<{ n: string }>('select count(*) as n from snapshot_probe');
      expect(seen.rows[0]!.n).toBe('0');
      await second!.end();
      await first.query('commit');
    } finally {
      first.release();
    }
  });

  it('is given up, and the failure reported, when it cannot join: the first reads alone', async () => {
    const errors: unknown[] = [];
    const second = await joinSnapshot(database, '00000003-0000001B-1', (e) => errors.push(e));
    expect(second).toBeUndefined();
    expect(errors).toHaveLength(1);
  });
});

describe('a snapshot part read through a binary COPY', () => {
  it('comes whole when larger than one 64 KiB slice, and not at all when its checksum fails', async () => {
    const client = await database.pool.connect();
    try {
      await client.query(
        `insert into search_snapshots (source, analysis_key, change_cursor, cursor_read_at, built_at, documents)
         values ('big', 'k', '1:1:', now(), now(), 0)`,
      );
      // Not a multiple of a slice, and bytes that differ from slice to slice.
      const data = Buffer.alloc(200_000 + 17, 0);
      for (let i = 0; i < data.length; i++) data[i] = (i * 7 + (i >> 16)) & 255;
      const json = `${'é'.repeat(50_000)}\n${'["a","b"]'.repeat(10_000)}`;
      await client.query(
        `insert into search_snapshot_parts (source, kind, part, data, checksum) values
           ('big', 'words', 0, $1::bytea, md5($1::bytea)),
           ('big', 'terms', 0, convert_to($2::text, 'UTF8'), md5(convert_to($2::text, 'UTF8'))),
           ('big', 'terms', 1, convert_to($2::text, 'UTF8'), md5('other'))`,
        [data, json],
      );
      const scratch = { copy: new ByteScratch(), part: new ByteScratch() };
      const words = await readPart(client, { source: 'big', kind: 'words', part: 0 }, scratch);
      expect(words?.equals(data)).toBe(true);
      const terms = await readPart(client, { source: 'big', kind: 'terms', part: 0 }, scratch);
      expect(terms?.toString('utf8')).toBe(json);
      expect(await readPart(client, { source: 'big', kind: 'terms', part: 1 }, scratch)).toBeUndefined();
      expect(await readPart(client, { source: 'big', kind: 'terms', part: 2 }, scratch)).toBeUndefined();
    } finally {
      client.release();
    }
  });
});
