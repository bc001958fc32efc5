import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../../test/helpers/test-app.ts';
import { loadDemoCalls } from './demo-calls.ts';
import { searchCalls } from './search-calls.ts';

const app = useTestApp();

describe('loadDemoCalls', () => {
  it('publishes a few demo calls, once, on the calendar and marked as demo', async () => {
    const { database } = app.t;
    const now = new Date();
    expect(await loadDemoCalls(database.db, now)).toBe(4);
    const { rows } = await database.pool.query(
      'select is_demo, publisher_id, author_id, link, opens_at < $1 as open from exchange_calls',
      [now],
    );
    expect(rows).toHaveLength(4);
    expect(rows.every((r) => r.is_demo && r.publisher_id === null && r.author_id === null)).toBe(true);
    expect(rows.every((r) => r.link === 'https://example.org/')).toBe(true);
    const all = await searchCalls(database.db, { page: 1, perPage: 20 }, now, undefined);
    expect(all.hits).toHaveLength(4);
    expect(all.hits.every((c) => c.isDemo)).toBe(true);
    const open = await searchCalls(database.db, { open: true, page: 1, perPage: 20 }, now, undefined);
    expect(open.hits).toHaveLength(3);
    const page = await app.get('/nl/exchange/calls');
    expect(page.body).toContain('Demo: projectoproep buurtwerking en ontmoeting');
    expect(page.body).toContain('class="badge">Demo');
    expect(await loadDemoCalls(database.db, now)).toBe(0);
  });
});
