// Places and contact persons are one organisation's own (own-rows.ts). Another organisation's place,
// named by its id in the form or in the address, is "not found" and stays as it was; a place its
// own organisation removes leaves everything it held in the history.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memberOf, sql } from '../../../../test/helpers/members.ts';
import { createTestApp, type TestApp } from '../../../../test/helpers/test-app.ts';

let t: TestApp;
let orgId: string;
let otherId: string;

beforeAll(async () => {
  t = await createTestApp({ demo: true });
  const [org, other] = await sql(
    t,
    `select o.id from organisations o
     where exists (select 1 from locations l where l.organisation_id = o.id)
     order by o.provenance_id limit 2`,
  );
  orgId = org.id;
  otherId = other.id;
});
afterAll(() => t.close());

const placesOf = (organisationId: string) => `/en/manage/organisations/${organisationId}/locations`;

async function aPlaceOf(organisationId: string) {
  const [place] = await sql(
    t,
    'select id, address, postcode from locations where organisation_id = $1 order by id limit 1',
    [organisationId],
  );
  return place;
}

describe('an organisation’s own places', () => {
  it('are not found by another organisation’s editor, who changes and removes nothing', async () => {
    const place = await aPlaceOf(orgId);
    const outsider = await memberOf(t, otherId, ['editor']);
    const places = placesOf(otherId);

    const edited = await outsider.submit(places, places, {
      location_id: place.id,
      [`l-${place.id}-address`]: 'Zennestraat 12',
      [`l-${place.id}-postcode`]: '1000',
    });
    expect(edited.statusCode).toBe(404);
    await outsider.get(places);
    expect((await outsider.post(`${places}/${place.id}/delete`, {})).statusCode).toBe(404);

    expect(await sql(t, 'select address, postcode from locations where id = $1', [place.id])).toEqual([
      { address: place.address, postcode: place.postcode },
    ]);
    expect(await sql(t, 'select 1 from listing_versions where record_id = $1', [place.id])).toEqual([]);
  });

  it('leave what they held in the history when their organisation removes them', async () => {
    const place = await aPlaceOf(otherId);
    const services = (
      await sql(t, 'select service_id from service_at_locations where location_id = $1', [place.id])
    )
      .map((r) => r.service_id as string)
      .sort();
    const editor = await memberOf(t, otherId, ['editor']);
    await editor.get(placesOf(otherId));

    const removed = await editor.post(`${placesOf(otherId)}/${place.id}/delete`, {});
    expect(removed.statusCode).toBe(303);

    expect(await sql(t, 'select 1 from locations where id = $1', [place.id])).toEqual([]);
    const [version] = await sql(
      t,
      `select action, organisation_id, changes from listing_versions
       where record_type = 'location' and record_id = $1`,
      [place.id],
    );
    expect(version).toMatchObject({ action: 'delete', organisation_id: otherId });
    expect(version.changes.address).toEqual({ before: place.address, after: null });
    expect(version.changes.services).toEqual({ before: services, after: null });
    expect(
      Object.values(version.changes).every((change) => (change as { after: unknown }).after === null),
    ).toBe(true);
  });
});
