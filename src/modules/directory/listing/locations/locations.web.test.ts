// Places through the real form: an address is placed from its street and postcode (approximately,
// and the page says so), coordinates inside the region decide, and a place that cannot be put in a
// Brussels commune is refused with the reason in the reader's language and nothing stored.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memberOf } from '../../../../../test/helpers/members.ts';
import { createTestApp, type TestApp } from '../../../../../test/helpers/test-app.ts';

let t: TestApp;
let orgId: string;

beforeAll(async () => {
  t = await createTestApp({ demo: true });
  const { rows } = await t.database.pool.query(`select id from organisations order by provenance_id limit 1`);
  orgId = rows[0].id;
});
afterAll(() => t.close());

const editor = () => memberOf(t, orgId, ['editor']);

const placesPath = (locale: string) => `/${locale}/manage/organisations/${orgId}/locations`;

async function stored() {
  const { rows } = await t.database.pool.query(
    `select id, address, postcode, commune_nis, quartier_code, latitude, longitude, placement, updated_at
     from locations where organisation_id = $1 order by created_at, id`,
    [orgId],
  );
  return rows;
}

describe('placing a place from its address', () => {
  it('puts the street in the postcode’s commune, says the position is approximate, and lets the marker decide', async () => {
    const person = await editor();
    await person.get(placesPath('en'));
    const wavre = await person.post(placesPath('en'), {
      'new-address': 'Chaussée de Wavre 50',
      'new-postcode': '1050',
      'new-locality': 'Ixelles',
    });
    expect(wavre.statusCode).toBe(303);
    await person.get(placesPath('en'));
    const zenne = await person.post(placesPath('en'), {
      'new-address': 'Zennestraat 12',
      'new-postcode': '1000',
    });
    expect(zenne.statusCode).toBe(303);
    const rows = await stored();
    const wavreRow = rows.find((r) => r.address === 'Chaussée de Wavre 50');
    const zenneRow = rows.find((r) => r.address === 'Zennestraat 12');
    expect(wavreRow).toMatchObject({ commune_nis: '21009' });
    expect(zenneRow).toMatchObject({ commune_nis: '21004', placement: 'postcode' });
    expect(zenneRow.quartier_code).not.toBeNull();

    // The page says where the places stand, with a map for each form.
    const page = await person.get(placesPath('en'));
    expect(page.body).toContain('Placed in the middle of the postcode’s area');
    expect(page.body.match(/data-map="location"/g)?.length).toBe(rows.length + 1);
    expect(page.body).toContain('/assets/map.js');
    // An approximate position stays out of the coordinate fields, so a new street places it again.
    expect(page.body).toMatch(new RegExp(`name="l-${zenneRow.id}-latitude"[^>]*value=""`));
    expect(page.body).toContain(`data-lat="${zenneRow.latitude}"`);

    // Moving the marker (or typing coordinates) gives the position: it decides the commune.
    const moved = await person.post(placesPath('en'), {
      location_id: zenneRow.id,
      [`l-${zenneRow.id}-address`]: 'Zennestraat 12',
      [`l-${zenneRow.id}-postcode`]: '1000',
      [`l-${zenneRow.id}-latitude`]: '50.849',
      [`l-${zenneRow.id}-longitude`]: '4.3455',
    });
    expect(moved.statusCode).toBe(303);
    const after = (await stored()).find((r) => r.id === zenneRow.id);
    expect(after).toMatchObject({
      latitude: 50.849,
      longitude: 4.3455,
      commune_nis: '21004',
      placement: 'coordinates',
    });
    expect(after.updated_at.getTime()).toBeGreaterThan(zenneRow.updated_at.getTime());
    expect((await person.get(placesPath('en'))).body).toMatch(
      new RegExp(`name="l-${zenneRow.id}-latitude"[^>]*value="50.849"`),
    );
  });

  it('refuses a place it cannot put in a Brussels commune, with the reason in nl, fr and en, and stores nothing', async () => {
    const person = await editor();
    const before = await stored();
    const cases: { locale: string; body: Record<string, string>; says: string }[] = [
      {
        locale: 'fr',
        body: { 'new-address': 'Avenue des Ébéniers 3', 'new-postcode': '1050' },
        says: 'Cette rue ne passe pas dans ce code postal.',
      },
      {
        locale: 'nl',
        body: { 'new-address': 'Onbestaandestraat 3', 'new-postcode': '1000' },
        says: 'We kennen deze straat in Brussel niet.',
      },
      {
        locale: 'en',
        body: { 'new-address': 'Rue de la Senne 12', 'new-postcode': '9000' },
        says: 'This is not a postcode of the Brussels region.',
      },
      {
        // Leuven: in Belgium, outside the region.
        locale: 'en',
        body: {
          'new-address': 'Rue de la Senne 12',
          'new-postcode': '1000',
          'new-latitude': '50.8798',
          'new-longitude': '4.7005',
        },
        says: 'This point is outside the Brussels region.',
      },
    ];
    for (const { locale, body, says } of cases) {
      await person.get(placesPath(locale));
      const res = await person.post(placesPath(locale), body);
      expect(res.statusCode, says).toBe(400);
      expect(res.body).toContain(says);
    }
    expect(await stored()).toEqual(before);
  });
});
