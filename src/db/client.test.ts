// Every query has a time limit, also when PostgreSQL stops answering altogether (a frozen server,
// a connection cut without a reset): the client gives up instead of holding a request for ever.
import { inject, it, expect } from 'vitest';
import type { EventEmitter } from 'node:events';
import { sql } from 'drizzle-orm';
import type pg from 'pg';
import { connectDatabase } from './client.ts';
import { nextTurn } from '../shared/turns.ts';

it('gives up a query when the server process behind the connection stops answering', async () => {
  const connection = connectDatabase(inject('pgAdminUrl'), { max: 1, queryTimeoutMs: 1_000 });
  const { rows } = await connection.pool.query('select pg_backend_pid() as pid');
  const backend = Number(rows[0].pid);
  // Freezes only this connection's server process, as a stalled server would look to it.
  process.kill(backend, 'SIGSTOP');
  try {
    // Without a client-side limit this query would wait for ever (the test would time out).
    await expect(connection.pool.query('select 1')).rejects.toThrow('Query read timeout');
  } finally {
    process.kill(backend, 'SIGCONT');
    await connection.close();
  }
});

it('has PostgreSQL stop a query that runs past the limit', async () => {
  const connection = connectDatabase(inject('pgAdminUrl'), { max: 1, queryTimeoutMs: 1_000 });
  try {
    await expect(connection.pool.query('select pg_sleep(5)')).rejects.toMatchObject({ code: '57014' });
  } finally {
    await connection.close();
  }
});

/** Lets a frozen server process go on (it may have ended meanwhile, its client gone). */
function resume(pid: number): void {
  try {
    if (pid) process.kill(pid, 'SIGCONT');
  } catch {
    // Already gone.
  }
}

it('does not let a transaction whose query timed out be committed by the next one', async () => {
  const connection = connectDatabase(inject('pgAdminUrl'), { max: 1, queryTimeoutMs: 1_000 });
  const table = `timed_out_${Date.now()}`;
  await connection.pool.query(`create table ${table} (note text)`);
  let backend = 0;
  try {
    await expect(
      connection.db.transaction(async (tx) => {
        await tx.execute(sql.raw(`insert into ${table} values ('from the timed-out transaction')`));
        backend = Number(
          (await tx.execute<{ pid: number }>(sql`select pg_backend_pid() as pid`)).rows[0]!.pid,
        );
        process.kill(backend, 'SIGSTOP');
        await tx.execute(sql`select 1`);
      }),
    ).rejects.toThrow();
    resume(backend);
    await connection.db.transaction(async (tx) => {
      await tx.execute(sql`select 1`);
    });
    const { rows } = await connection.pool.query(`select count(*)::int as n from ${table}`);
    expect(rows[0].n).toBe(0);
  } finally {
    resume(backend);
    await connection.pool.query(`drop table if exists ${table}`);
    await connection.close();
  }
});

it('goes on with rows read outside a transaction in a turn of its own, after the turns asked before', async () => {
  const connection = connectDatabase(inject('pgAdminUrl'), { max: 1 });
  try {
    const order: string[] = [];
    // The pool takes its client back in the callback that reads the rows, before handing them on:
    // a turn asked for there comes before the rows' own.
    connection.pool.once('release', () => void nextTurn().then(() => order.push('asked before')));
    await connection.db.execute(sql`select 1`);
    order.push('rows');
    expect(order).toEqual(['asked before', 'rows']);

    // A transaction's queries go on at once, in the callback that reads their rows: it holds its
    // locks meanwhile.
    let lent: pg.PoolClient | undefined;
    connection.pool.once('acquire', (client) => (lent = client));
    await connection.db.transaction(async (tx) => {
      let turned = false;
      const wire = (lent as unknown as { connection: EventEmitter }).connection;
      wire.once('readyForQuery', () => void nextTurn().then(() => (turned = true)));
      await tx.execute(sql`select 1`);
      expect(turned).toBe(false);
    });
  } finally {
    await connection.close();
  }
});
