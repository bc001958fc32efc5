import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../../test/helpers/test-database.ts';
import { readDemoOrganisations, validateDemoData } from '../demo/validate-demo-data.ts';
import { loadDemoData } from './load-demo-data.ts';

describe('demo data files', () => {
  it('are valid, realistic in coverage and free of real contact details', () => {
    const { orgs, problems } = readDemoOrganisations();
    expect([...problems, ...validateDemoData(orgs)]).toEqual([]);
    const phones = orgs.flatMap((o) => [
      ...(o.phones ?? []).map((p) => p.number),
      ...o.contacts.map((c) => c.phone).filter(Boolean),
      ...o.services.flatMap((s) => (s.phones ?? []).map((p) => p.number)),
    ]);
    for (const phone of phones) expect(phone).toMatch(/^\+32 2 000 \d\d \d\d$/);
    const kinds = new Set(orgs.map((o) => o.kind));
    expect(kinds.size).toBe(6);
  });
});

describe('loadDemoData', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase({ demo: false });
  });
  afterAll(() => database.drop());

  it('fills an empty directory once, with communes derived from coordinates, and never twice', async () => {
    const { orgs } = readDemoOrganisations();
    const first = await loadDemoData(database.db);
    expect(first).toEqual({
      loaded: true,
      organisations: orgs.length,
      services: orgs.reduce((n, o) => n + o.services.length, 0),
    });
    const { rows } = await database.db.execute<{
      orgs: number;
      demo: number;
      located: number;
      communes: number;
    }>(sql`
      select (select count(*)::int from organisations) as orgs,
             (select count(*)::int from organisations where is_demo) as demo,
             (select count(*)::int from locations where commune_nis is not null) as located,
             (select count(distinct commune_nis)::int from locations) as communes`);
    expect(rows[0]!.orgs).toBe(orgs.length);
    expect(rows[0]!.demo).toBe(orgs.length);
    expect(rows[0]!.located).toBe(orgs.reduce((n, o) => n + o.locations.length, 0));
    expect(rows[0]!.communes).toBe(19);

    const second = await loadDemoData(database.db);
    expect(second.loaded).toBe(false);
    const again = await database.db.execute<{ n: number }>(sql`select count(*)::int as n from organisations`);
    expect(again.rows[0]!.n).toBe(orgs.length);
  });
});
