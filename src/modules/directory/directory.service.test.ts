// Listing services with filters against the demo data: paging counts only what matches.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/helpers/test-database.ts';
import { listServices } from './directory.service.ts';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.drop());

describe('listServices', () => {
  it('leaves out the organisations excluded before paging, so every page is full and the total is right', async () => {
    const all = await listServices(database.db, {}, { page: 1, perPage: 500 });
    // The organisations of the first page's first three services: a page of three would hold none.
    const excluded = [...new Set(all.items.slice(0, 3).map((s) => s.organisationId))];
    const kept = all.items.filter((s) => !excluded.includes(s.organisationId));
    expect(kept.length).toBeGreaterThan(3);

    const page = await listServices(
      database.db,
      { excludeOrganisationIds: excluded },
      { page: 1, perPage: 3 },
    );
    expect(page.total).toBe(kept.length);
    expect(page.items.map((s) => s.id)).toEqual(kept.slice(0, 3).map((s) => s.id));
  });

  it('ignores an exclusion that is not a list of ids, as a query string could pass it', async () => {
    const all = await listServices(database.db, {}, { page: 1, perPage: 5 });
    const odd = { excludeOrganisationIds: 'abc' as unknown as string[] };
    expect(await listServices(database.db, odd, { page: 1, perPage: 5 })).toEqual(all);
    const notIds = { excludeOrganisationIds: ['abc', "x' or 1=1"] };
    expect(await listServices(database.db, notIds, { page: 1, perPage: 5 })).toEqual(all);
  });
});
