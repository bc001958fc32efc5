import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/helpers/test-database.ts';
import { ByteScratch, copyRows, parseBinaryCopy } from './copy-out.ts';

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase({ demo: false });
});

afterAll(async () => {
  await database.drop();
});

describe('rows as bytes through a binary COPY', () => {
  it('gives text as its UTF-8 bytes, bytea as they are, null as null, in order', async () => {
    const client = await database.pool.connect();
    try {
      const rows = await copyRows(
        client,
        `select n, convert_to('é ' || n, 'UTF8'), case when n = 2 then null else '\\x00ff'::bytea end
         from generate_series(1, 3) n order by n`,
      );
      expect(rows).toHaveLength(3);
      expect(rows.map((row) => row[0]!.readInt32BE(0))).toEqual([1, 2, 3]);
      expect(rows.map((row) => row[1]!.toString('utf8'))).toEqual(['é 1', 'é 2', 'é 3']);
      expect(rows[1]![2]).toBeNull();
      expect([...rows[0]![2]!]).toEqual([0, 255]);
    } finally {
      client.release();
    }
  });

  it('takes a value of megabytes sent in many chunks, and reuses its scratch for the next query', async () => {
    const client = await database.pool.connect();
    const scratch = new ByteScratch();
    try {
      const [big] = await copyRows(client, `select convert_to(repeat('abcdefgh', 500000), 'UTF8')`, scratch);
      expect(big![0]!.length).toBe(4_000_000);
      expect(big![0]!.subarray(3_999_992).toString()).toBe('abcdefgh');
      const [small] = await copyRows(client, `select convert_to('x', 'UTF8')`, scratch);
      expect(small![0]!.toString()).toBe('x');
      expect(scratch.length).toBeLessThan(100);
    } finally {
      client.release();
    }
  });

  it('fails with the query’s error, and leaves the connection usable', async () => {
    const client = await database.pool.connect();
    try {
      await expect(copyRows(client, 'select 1 / 0')).rejects.toThrow(/division by zero/);
      expect((await client.query<{ n: number }>('select 2 as n')).rows[0]!.n).toBe(2);
    } finally {
      client.release();
    }
  });

  it('throws on bytes that are not a whole binary COPY', () => {
    expect(() => parseBinaryCopy(Buffer.from('not a copy at all, no'))).toThrow(/binary COPY/);
    const header = Buffer.concat([Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1'), Buffer.alloc(8)]);
    // A row of one column of 10 bytes, cut short.
    const row = Buffer.from([0, 1, 0, 0, 0, 10, 1, 2]);
    expect(() => parseBinaryCopy(Buffer.concat([header, row]))).toThrow(/binary COPY/);
    expect(parseBinaryCopy(Buffer.concat([header, Buffer.from([0xff, 0xff])]))).toEqual([]);
  });

  it('fails with an error sent after some of the rows, and reuses its scratch for the next query', async () => {
    const client = await database.pool.connect();
    const scratch = new ByteScratch();
    try {
      // Some 4 MB of rows go out before the division fails.
      const failing = `select case when n < 40000 then repeat('x', 100) else (1 / (n - n))::text end
         from generate_series(1, 40001) n`;
      await expect(copyRows(client, failing, scratch)).rejects.toThrow(/division by zero/);
      expect(scratch.length).toBeGreaterThan(0);
      const [row] = await copyRows(client, `select convert_to('after', 'UTF8')`, scratch);
      expect(row![0]!.toString()).toBe('after');
    } finally {
      client.release();
    }
  });

  it('gives up its connection when pg’s read timeout fails it: never back to a pool busy', async () => {
    // A plain pg client, not db/client.ts's, which gives up the connection for promise queries only.
    const client = new pg.Client({ connectionString: database.url, query_timeout: 200 });
    client.on('error', () => {});
    await client.connect();
    const ended = new Promise((resolve) => client.once('end', resolve));
    try {
      await expect(copyRows(client, 'select pg_sleep(5)')).rejects.toThrow(/read timeout/);
      await ended;
      await expect(client.query('select 1')).rejects.toThrow();
    } finally {
      await client.end().catch(() => {});
    }
  });
});
