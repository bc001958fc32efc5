import { describe, expect, it } from 'vitest';
import { testConfig, useTestApp } from '../../test/helpers/test-app.ts';
import { buildApp } from '../app.ts';
import { connectDatabase } from '../db/client.ts';

describe('health and metrics', () => {
  const { get } = useTestApp({ demo: false });

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

  it('sends security headers and compresses large pages', async () => {
    const res = await get('/en/directory', { 'accept-encoding': 'br, gzip' });
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-encoding']).toBe('br');
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
