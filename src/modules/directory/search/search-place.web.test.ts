// Places in a search, through the real HTTP app: a place named in the words becomes a filter shown
// as such (and dropped by a link), the nearest results when it has none, an unknown "near" said on
// the page (with and without htmx) rather than a 400 that loses the search, and services for the
// residents of one commune (a CPAS/OCMW) ranked by the reader's commune and said so.
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { confirmedPerson } from '../../../../test/helpers/form-client.ts';
import { useTestApp } from '../../../../test/helpers/test-app.ts';

const shared = useTestApp();
const { get } = shared;
const htmx = { 'hx-request': 'true', 'hx-target': 'search-layout' };

interface ApiResult {
  organisation: { name: Record<string, string> };
  name: Record<string, string>;
  communes: string[];
  distance_km: number | null;
  residents_of: string[];
}

async function api(query: string, lang = 'fr') {
  const res = await get(`/api/v1/search?${query}`, { 'accept-language': lang });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as {
    data: ApiResult[];
    meta: { total: number };
    place_filter: {
      label: string;
      kind: string;
      named: string;
      rest: string;
      radius_km: number | null;
    } | null;
    nearest: ApiResult[];
  };
}

async function serviceOf(org: string, svc: string): Promise<string> {
  const { rows } = await shared.t.database.db.execute<{ id: string }>(sql`
    select s.id from services s join organisations o on o.id = s.organisation_id
    where o.provenance_id = ${org} and s.provenance_id = ${svc}`);
  return rows[0]!.id;
}

describe('a place named in the words', () => {
  it('filters by it, says so with a link that drops it, and offers the nearest when there is none', async () => {
    for (const headers of [{}, htmx]) {
      const res = await get('/fr/search?q=logement+Molenbeek&access=free', headers);
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain('<span class="chip">Lieu : Molenbeek-Saint-Jean</span>');
      // The link searches the other words everywhere, keeping the filters.
      expect(res.body).toMatch(/<a class="chip-remove" href="\/fr\/search\?q=logement&(amp;)?access=free"/);
      expect(res.body).toContain('Rien à Molenbeek-Saint-Jean.');
      expect(res.body).toContain('Les plus proches :');
      // Housing, not the medical practice of Molenbeek whose Dutch theme name says "huis".
      const nearest = res.body.slice(res.body.indexOf('class="nearest"'));
      expect(nearest).toContain('<span>Hébergement de nuit</span>');
      expect(nearest).toMatch(/class="badge distance">[\d.,]+ km</);
      expect(res.body).not.toContain('Consultations de médecine générale');
    }
    const dropped = await get('/fr/search?q=logement&access=free');
    expect(dropped.body).not.toContain('class="chip"');
    expect(dropped.body).toMatch(/id="search-count"[^>]*>\d+ résultats?/);
  });

  it('gives the place filter and the nearest results through the API', async () => {
    const body = await api('q=logement%20Molenbeek');
    expect(body.meta.total).toBe(0);
    expect(body.place_filter).toEqual({
      label: 'Molenbeek-Saint-Jean',
      kind: 'commune',
      named: 'Molenbeek',
      rest: 'logement',
      radius_km: null,
    });
    expect(body.nearest.length).toBeGreaterThan(0);
    const km = body.nearest.map((r) => r.distance_km!);
    expect([...km].sort((a, b) => a - b)).toEqual(km);
    expect(body.nearest.some((r) => r.name.fr === 'Hébergement de nuit')).toBe(true);

    const station = await api('q=aide%20alimentaire%20gare%20du%20midi');
    expect(station.place_filter).toMatchObject({ kind: 'station', rest: 'aide alimentaire', radius_km: 1 });
    expect(station.data.length).toBeGreaterThan(0);
    for (const r of station.data) expect(r.distance_km).toBeLessThanOrEqual(1);

    const cpas = await api('q=CPAS%20Schaerbeek');
    expect(cpas.place_filter).toMatchObject({ kind: 'commune', label: 'Schaerbeek', rest: 'CPAS' });
    for (const r of cpas.data) expect(r.communes).toContain('21015');
    // A chosen commune wins over one named in the words.
    expect((await api('q=logement%20Molenbeek&commune=21001')).place_filter).toBeNull();
  });
});

describe('an unknown "near"', () => {
  it('is said on the page, which keeps the words, the place typed and the filters, with and without htmx', async () => {
    // The same search without a place first: its kept outcome must not hide the message.
    await get('/fr/search?q=douche&access=free', htmx);
    for (const headers of [{}, htmx]) {
      const res = await get('/fr/search?q=douche&near=Xyzzyville&access=free', headers);
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain('Nous ne connaissons pas le lieu « Xyzzyville »');
      expect(res.body).toContain('<a href="#near">Changer le lieu</a>');
      expect(res.body).toMatch(/id="search-count"[^>]*>\d+ résultats?/);
    }
    const page = await get('/fr/search?q=douche&near=Xyzzyville&access=free');
    expect(page.body).toContain('value="douche"');
    expect(page.body).toMatch(/id="near"[^>]*value="Xyzzyville"/);
    expect(page.body).toContain('name="access" value="free" checked');
    const street = await get("/nl/search?q=douche&near=Chauss%C3%A9e%20d'Ixelles");
    expect(street.body).toContain('We kennen “Chaussée d&#39;Ixelles - Elsense Steenweg”');
    // The API still refuses it, with the field.
    const res = await get('/api/v1/search?near=Xyzzyville');
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ error: 'PLACE_NOT_FOUND', fields: [{ field: 'near' }] });
  });

  it('understands the places people name', async () => {
    for (const near of [
      'rue neuve',
      'Nieuwstraat',
      'boulevard anspach',
      'rue haute',
      'gare du midi',
      'Flagey',
      'Matonge',
    ]) {
      const res = await get(`/api/v1/search?q=aide&near=${encodeURIComponent(near)}`);
      expect(res.statusCode, near).toBe(200);
      expect(res.json().place, near).not.toBeNull();
    }
    // A street no source places, with its postcode: near the postcode's middle, said so.
    const approx = await get("/fr/search?q=aide&near=Chauss%C3%A9e%20d'Ixelles%201050");
    expect(approx.body).toContain('(à peu près : le milieu du code postal)');
  });
});

describe('services for the residents of a commune', () => {
  it('rank the one competent for the reader’s place first, and say who they are for', async () => {
    const near = async (place: string, lang = 'fr') =>
      (await api(`q=cpas&near=${encodeURIComponent(place)}`, lang)).data[0]!.organisation.name.fr;
    expect(await near('Rue du Chapitre 1070')).toBe('Antenne sociale Horizon');
    expect(await near('1150', 'nl')).toBe('Antenne sociale Les Peupliers');
    expect(await near('Auderghem')).toBe('Antenne sociale Les Peupliers');
    // A place named in the words counts too: the Anderlecht office goes last for a reader of Forest.
    const forest = await api('q=revenu%20d%27int%C3%A9gration&near=1190');
    expect(forest.data.at(-1)?.residents_of.length).toBeGreaterThan(0);
    const first = (await api('q=ocmw%20Anderlecht', 'nl')).data[0]!;
    expect(first).toMatchObject({
      organisation: { name: { fr: 'Antenne sociale Horizon' } },
      residents_of: ['21001'],
    });

    const page = await get('/fr/search?q=cpas&near=Anderlecht');
    expect(page.body).toContain('Uniquement pour les personnes qui habitent à Anderlecht');
    const service = await get(`/nl/services/${await serviceOf('f-peupliers', 'f-peupliers-aide-sociale')}`);
    expect(service.body).toContain('Alleen voor wie in Sint-Pieters-Woluwe en Oudergem woont');
  });

  it('are set in the service form, which refuses an unknown commune', async () => {
    const serviceId = await serviceOf('f-grange', 'f-grange-epicerie');
    const client = await confirmedPerson(shared.t.app, shared.t.database);
    await shared.t.database.pool.query(
      `insert into memberships (user_id, organisation_id, roles)
       select u.id, s.organisation_id, '{editor}'::organisation_role[] from users u, services s
       where u.email = $1 and s.id = $2`,
      [client.email, serviceId],
    );
    const form = await client.get(`/fr/manage/services/${serviceId}`);
    expect(form.body).toContain('Réservé aux habitants de ces communes');
    expect(form.body).toMatch(/name="resident_communes" value="21006"/);
    const base = { 'name.fr': 'Épicerie sociale', status: 'active', languages: 'fr' };
    const bad = await client.post(`/fr/manage/services/${serviceId}`, {
      ...base,
      resident_communes: ['99999'],
    });
    expect(bad.statusCode).toBe(400);
    await client.get(`/fr/manage/services/${serviceId}`);
    const ok = await client.post(`/fr/manage/services/${serviceId}`, {
      ...base,
      resident_communes: ['21006'],
    });
    expect(ok.statusCode).toBe(303);
    const { rows } = await shared.t.database.pool.query(
      'select resident_communes from services where id = $1',
      [serviceId],
    );
    expect(rows[0].resident_communes).toEqual(['21006']);
    const again = await client.get(`/fr/manage/services/${serviceId}`);
    expect(again.body).toMatch(/name="resident_communes" value="21006" checked/);
  });
});
