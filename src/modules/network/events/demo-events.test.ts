import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../../test/helpers/test-database.ts';
import { loadDemoEvents } from './demo-events.ts';

describe('loadDemoEvents', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase({ demo: true });
  });
  afterAll(() => database.drop());

  it('gives demo organisations a few demo events with dates to come, once', async () => {
    const now = new Date();
    expect(await loadDemoEvents(database.db, now)).toBe(6);
    const { rows } = await database.pool.query(
      `select e.is_demo, o.is_demo as org_demo, e.kind, e.place_kind, e.commune_nis,
              (select count(*)::int from event_occurrences d where d.event_id = e.id and d.starts_at > $1) as dates
         from events e join organisations o on o.id = e.organisation_id`,
      [now],
    );
    expect(rows).toHaveLength(6);
    expect(rows.every((r) => r.is_demo && r.org_demo && r.dates >= 1)).toBe(true);
    expect(new Set(rows.map((r) => r.kind)).size).toBe(6);
    expect(rows.filter((r) => r.place_kind !== 'online').every((r) => /^21\d{3}$/.test(r.commune_nis))).toBe(
      true,
    );
    expect(rows.reduce((n, r) => n + r.dates, 0)).toBe(1 + 6 + 6 + 1 + 1 + 8);
    expect(await loadDemoEvents(database.db, now)).toBe(0);
  });
});
