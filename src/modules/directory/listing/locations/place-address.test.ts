// The address of one place of an organisation, as other modules' e-mails give it: the place's own
// organisation finds it, any other organisation (or ids that are none) finds nothing. The statement
// is built once per database handle and once per transaction: both give the same answer.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../../../test/helpers/test-database.ts';
import { getPlaceAddress } from '../../directory.service.ts';

describe('getPlaceAddress', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase({ demo: true });
  });
  afterAll(() => database.drop());

  it('gives the address of a place to its organisation only', async () => {
    const { rows } = await database.pool.query<Record<string, string>>(
      `select l.organisation_id as org, l.id as place,
              (select o.id from organisations o where o.id <> l.organisation_id limit 1) as other,
              l.address, l.postcode, l.locality
         from locations l where l.address is not null limit 1`,
    );
    const { org, place, other, ...address } = rows[0]!;
    expect(await getPlaceAddress(database.db, org!, place!)).toEqual(address);
    expect(await getPlaceAddress(database.db, org!.toUpperCase(), place!.toUpperCase())).toEqual(address);
    expect(await getPlaceAddress(database.db, other!, place!)).toBeUndefined();
    expect(await getPlaceAddress(database.db, 'not-an-id', place!)).toBeUndefined();
    await database.db.transaction(async (tx) => {
      expect(await getPlaceAddress(tx, org!, place!)).toEqual(address);
      expect(await getPlaceAddress(tx, other!, place!)).toBeUndefined();
    });
  });
});
