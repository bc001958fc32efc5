// Every query has a time limit, also when PostgreSQL stops answering altogether (a frozen server,
// a connection cut without a reset): the client gives up instead of holding a request for ever.
import { inject, it, expect } from 'vitest';
import { connectDatabase } from './client.ts';

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
