import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/helpers/test-database.ts';
import { joinSnapshot } from './snapshot-load.ts';

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
