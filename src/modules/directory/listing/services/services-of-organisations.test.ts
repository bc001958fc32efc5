import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../../../test/helpers/test-database.ts';
import { listServices } from '../../directory.service.ts';
import { findServicesOfOrganisations } from './services-of-organisations.ts';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase({ demo: true });
}, 60_000);
afterAll(() => database.drop());

describe('the first services of several organisations in one query', () => {
  it('gives the same services as listServices per organisation, organisations in the order asked', async () => {
    const { rows } = await database.pool.query<{ id: string }>(
      `select organisation_id as id from services where status = 'active'
       group by 1 order by count(*) desc, 1 limit 3`,
    );
    const ids = [rows[2]!.id, rows[0]!.id, 'not-an-id', rows[1]!.id];
    const found = await findServicesOfOrganisations(database.db, ids, 2);
    const expected = [];
    for (const id of [rows[2]!.id, rows[0]!.id, rows[1]!.id])
      expected.push(
        ...(await listServices(database.db, { organisationId: id }, { page: 1, perPage: 2 })).items,
      );
    expect(found.map((s) => s.id)).toEqual(expected.map((s) => s.id));
    expect(found.map((s) => s.organisationName)).toEqual(expected.map((s) => s.organisation.name));
    expect(found[0]!.communes).toEqual([
      ...new Set(expected[0]!.serviceAtLocations.flatMap((l) => l.location.communeNis ?? [])),
    ]);
    expect(await findServicesOfOrganisations(database.db, [], 3)).toEqual([]);
  });
});
