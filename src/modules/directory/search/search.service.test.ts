// The outcome cache must never show a stale "open now": a cached search seen in a later minute gets
// the same open-now figures as a search run afresh at that moment.
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../../test/helpers/test-database.ts';
import { zone } from '../../../shared/opening-hours.ts';
import { LiveSearchIndex } from '../../search/live-index.ts';
import { searchDirectory } from './search.service.ts';
import { directorySearchSource } from './directory-source.ts';

let database: TestDatabase;
let live: LiveSearchIndex;
beforeAll(async () => {
  database = await createTestDatabase({ demo: true });
  live = new LiveSearchIndex(database, [directorySearchSource], { listen: false });
  await live.ready;
});
afterAll(async () => {
  await live.close();
  await database.drop();
});

const openNow = (facets: { open: { value: string; count: number }[] }) =>
  facets.open.find((f) => f.value === 'now')?.count ?? 0;

describe('searchDirectory cache and the clock', () => {
  // A Tuesday morning, when many services are open, and the night after, when few are.
  const morning = DateTime.fromISO('2026-11-24T10:30', { zone });
  const night = DateTime.fromISO('2026-11-25T03:30', { zone });

  it('refreshes open-now counts and badges of a cached search when the minute turns', async () => {
    const params = { q: '', page: 1, per_page: 20 };
    const first = await searchDirectory(live, params, 'fr', morning);
    const later = await searchDirectory(live, params, 'fr', night);
    const afresh = await searchDirectory(live, { per_page: 20, page: 1, q: '' }, 'fr', night);
    expect(openNow(first.facets)).toBeGreaterThan(openNow(afresh.facets));
    expect(openNow(later.facets)).toBe(openNow(afresh.facets));
    expect(later.hits.map((h) => h.openNow)).toEqual(afresh.hits.map((h) => h.openNow));
  });

  it('reruns a search filtered on "open now" in a new minute', async () => {
    const params = { open: ['now' as const], page: 1, per_page: 5 };
    const first = await searchDirectory(live, params, 'fr', morning);
    const later = await searchDirectory(live, params, 'fr', night);
    expect(later.total).toBeLessThan(first.total);
    expect(later.hits.every((h) => h.openNow)).toBe(true);
  });

  it('computes a search asked for several times at once only once', async () => {
    const searchSoon = live.index.searchSoon.bind(live.index);
    let runs = 0;
    live.index.searchSoon = (...args) => {
      runs++;
      return searchSoon(...args);
    };
    try {
      const params = { q: 'schuldbemiddeling aan huis', page: 1, per_page: 20 };
      const outcomes = await Promise.all(
        (['fr', 'nl', 'en', 'fr'] as const).map((l) => searchDirectory(live, params, l, morning)),
      );
      expect(runs).toBe(1);
      expect(new Set(outcomes.map((o) => o.total)).size).toBe(1);
      // Then from the cache, still once.
      await searchDirectory(live, params, 'nl', morning);
      expect(runs).toBe(1);
    } finally {
      live.index.searchSoon = searchSoon;
    }
  });
});
