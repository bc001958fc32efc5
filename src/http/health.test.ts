import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { createTestApp, testConfig, useTestApp } from '../../test/helpers/test-app.ts';
import { buildApp } from '../app.ts';
import { connectDatabase } from '../db/client.ts';
import { JobMetrics } from '../jobs.ts';
import type { DatabaseConnection } from '../db/client.ts';
import { healthRoutes } from './health.ts';
import { metricsRegistry } from './metrics.ts';

/** The value of one series in Prometheus text, or undefined when it is not there. */
function metric(body: string, name: string, labels = ''): number | undefined {
  const series = labels ? `${name}{${labels}}` : name;
  const line = body.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe('health and metrics', () => {
  const test = useTestApp({ demo: false });
  const { get } = test;

  it('answers /healthz at once, and /readyz once the search index holds the directory', async () => {
    expect((await get('/healthz')).json()).toEqual({ status: 'ok' });
    const deadline = Date.now() + 10_000;
    let ready = await get('/readyz');
    while (ready.statusCode === 503 && Date.now() < deadline) {
      expect(ready.json()).toEqual({ status: 'starting', reason: 'search index' });
      await new Promise((r) => setTimeout(r, 50));
      ready = await get('/readyz');
    }
    expect(ready.json()).toEqual({ status: 'ready' });
  });

  it('exposes Prometheus metrics with request durations per route', async () => {
    await get('/en/directory');
    const res = await get('/metrics');
    expect(res.headers['content-type']).toContain('text/plain');
    expect(res.body).toContain('http_request_duration_seconds_bucket');
    expect(res.body).toContain('route="/en/directory",status="200"');
    expect(res.body).toContain('process_resident_memory_bytes');
  });

  it('reports the pool, the limits, the event loop and the search index', async () => {
    await expect.poll(async () => (await get('/readyz')).statusCode, { timeout: 10_000 }).toBe(200);
    const body = (await get('/metrics')).body;
    // /readyz queried the database: the pool has a connection open, and nothing waits for one.
    expect(metric(body, 'passerelle_db_pool_connections')).toBeGreaterThanOrEqual(1);
    expect(metric(body, 'passerelle_db_pool_idle_connections')).toBeGreaterThanOrEqual(0);
    expect(metric(body, 'passerelle_db_pool_waiting_requests')).toBe(0);
    expect(metric(body, 'passerelle_db_pool_max_connections')).toBe(test.t.database.pool.options.max);
    expect(metric(body, 'passerelle_db_query_timeout_seconds')).toBeGreaterThan(0);
    expect(metric(body, 'passerelle_heap_size_limit_bytes')).toBeGreaterThan(100 * 2 ** 20);
    expect([0, 50, 100]).toContain(metric(body, 'passerelle_heap_growing_percent'));
    expect(metric(body, 'nodejs_eventloop_lag_p50_seconds')).toBeGreaterThanOrEqual(0);
    expect(metric(body, 'nodejs_eventloop_lag_p99_seconds')).toBeGreaterThanOrEqual(0);
    expect(metric(body, 'nodejs_eventloop_lag_max_seconds')).toBeLessThan(60);
    expect(metric(body, 'passerelle_search_index_ready')).toBe(1);
    // Made after ready: the bench takes the idle memory once they are.
    await expect
      .poll(async () => metric((await get('/metrics')).body, 'passerelle_search_suggestions_ready'), {
        timeout: 10_000,
      })
      .toBe(1);
    expect(metric(body, 'passerelle_search_listening')).toBe(1);
    expect(metric(body, 'passerelle_search_index_documents')).toBeGreaterThanOrEqual(0);
    // The test app's small index takes in no intake large enough to bound the heap's growth.
    expect(metric(body, 'passerelle_search_intake_heap_bounded')).toBe(0);
    const lag = metric(body, 'passerelle_search_index_lag_seconds');
    expect(lag).toBeGreaterThanOrEqual(0);
    expect(lag).toBeLessThan(10);
    // Jobs are off in this process: their figures are declared but have no values.
    expect(body).not.toContain('passerelle_jobs_queued');
  });

  it('sends security headers and compresses large pages', async () => {
    const res = await get('/en/directory', { 'accept-encoding': 'br, gzip' });
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-encoding']).toBe('br');
    // In one call (a length), not through a stream of its own (chunked): see app.ts.
    expect(Number(res.headers['content-length'])).toBe(res.rawPayload.length);
    expect(res.headers['transfer-encoding']).toBeUndefined();
  });
});

describe('readiness that time does not bring', () => {
  it("tells 'unavailable' with the reason, not 'starting', while what was ready stays ready", async () => {
    const app = Fastify();
    let broken: string | null = null;
    // A database that answers: only readiness is asked of it here.
    const database = { db: { execute: async () => [] }, pool: {} } as unknown as DatabaseConnection;
    await app.register(healthRoutes, {
      database,
      ready: () => false,
      unservable: () => broken,
      problem: () => null,
      metrics: [],
    });
    try {
      expect((await app.inject('/readyz')).json()).toEqual({ status: 'starting', reason: 'search index' });
      broken = 'serializers';
      const ready = await app.inject('/readyz');
      expect(ready.statusCode).toBe(503);
      expect(ready.json()).toEqual({ status: 'unavailable', reason: 'serializers' });
      // Not a liveness failure: restarting would not mend a schema.
      expect((await app.inject('/healthz')).statusCode).toBe(200);
    } finally {
      await app.close();
    }
  });
});

describe('without a database', () => {
  it('reports not ready and serves a clean 503 page instead of crashing', async () => {
    // A pool pointing at a closed port: every query fails to connect.
    const broken = connectDatabase('postgres://nobody:nothing@127.0.0.1:1/none', { max: 1 });
    const app = await buildApp(testConfig(), broken, { logger: false });
    try {
      const ready = await app.inject('/readyz');
      expect(ready.statusCode).toBe(503);
      expect(ready.json()).toEqual({ status: 'unavailable', reason: 'database' });
      const page = await app.inject('/nl/directory');
      expect(page.statusCode).toBe(503);
      expect(page.body).toContain('Tijdelijk niet beschikbaar');
      expect(page.body).not.toMatch(/at .*\.ts:\d+/);
      const api = await app.inject('/api/v1/organisations');
      expect(api.statusCode).toBe(503);
      expect(api.json().error).toBe('DATABASE_UNAVAILABLE');
    } finally {
      await app.close();
      await broken.close();
    }
  });
});

describe('metrics behind a token', () => {
  it('answers only a scraper that sends METRICS_TOKEN, as if there were none for anyone else', async () => {
    const token = 'a-scrapers-token-of-some-length';
    const t = await createTestApp({ demo: false, config: { metricsToken: token } });
    try {
      const none = await t.app.inject('/metrics');
      expect(none.statusCode).toBe(404);
      expect(none.body).not.toContain('passerelle_');
      const wrong = await t.app.inject({ url: '/metrics', headers: { authorization: `Bearer ${token}x` } });
      expect(wrong.statusCode).toBe(404);
      const right = await t.app.inject({ url: '/metrics', headers: { authorization: `Bearer ${token}` } });
      expect(right.statusCode).toBe(200);
      expect(right.body).toContain('passerelle_db_pool_connections');
      expect((await t.app.inject('/healthz')).statusCode).toBe(200);
    } finally {
      await t.close();
    }
  });
});

describe('metrics of the scheduled jobs', () => {
  it('reports each queue’s waiting jobs and counts runs, with jobs on', async () => {
    const t = await createTestApp({ demo: false, config: { jobs: true } });
    try {
      // The jobs start in the background once the app is ready.
      let body = '';
      for (let tries = 0; tries < 200 && !body.includes('queue="referral-deadlines"'); tries++) {
        if (tries) await new Promise((r) => setTimeout(r, 50));
        body = (await t.app.inject('/metrics')).body;
      }
      expect(metric(body, 'passerelle_jobs_queued', 'queue="referral-deadlines"')).toBeGreaterThanOrEqual(0);
      expect(metric(body, 'passerelle_jobs_failed_total', 'queue="referral-deadlines"')).toBe(0);
      expect(metric(body, 'passerelle_jobs_completed_total', 'queue="purge-sent-mail"')).toBe(0);
    } finally {
      await t.close();
    }
  });

  it('counts a run that throws as a failure, and one that ends as a success', async () => {
    const jobs = new JobMetrics();
    jobs.follow(undefined, ['a-job']);
    await expect(jobs.count('a-job', () => Promise.reject(new Error('broken')))).rejects.toThrow('broken');
    await jobs.count('a-job', async () => 'done');
    const body = await metricsRegistry(jobs.sources).metrics();
    expect(metric(body, 'passerelle_jobs_failed_total', 'queue="a-job"')).toBe(1);
    expect(metric(body, 'passerelle_jobs_completed_total', 'queue="a-job"')).toBe(1);
    expect(metric(body, 'passerelle_jobs_last_success_timestamp_seconds', 'queue="a-job"')).toBeCloseTo(
      Date.now() / 1000,
      -1,
    );
  });
});
