import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../../test/helpers/test-app.ts';

const shared = useTestApp();

interface Result {
  type: string;
  id: string;
  name: Record<string, string>;
  organisation: { id: string; name: Record<string, string>; kind: string };
  communes: string[];
  languages: string[];
  themes: string[];
  access_conditions: string[];
  distance_km: number | null;
  matched_terms: string[];
}

async function search(query: string, headers: Record<string, string> = {}) {
  const res = await shared.t.app.inject({ url: `/api/v1/search?${query}`, headers });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as {
    data: Result[];
    meta: { total: number; page: number };
    facets: Record<string, { value: string; count: number }[]>;
    understood: string[];
    did_you_mean: string[];
    drop_filters: { filter: string; total: number }[];
    partial: boolean;
    place: { label: string } | null;
  };
}

/** Ids of the services whose demo key (organisation/service) is given. */
async function serviceId(key: string): Promise<string> {
  const [org, svc] = key.split('/');
  const { rows } = await shared.t.database.db.execute<{ id: string }>(sql`
    select s.id from services s join organisations o on o.id = s.organisation_id
    where o.provenance_id = ${org} and s.provenance_id = ${svc}`);
  return rows[0]!.id;
}

const ids = (body: { data: Result[] }) => body.data.map((r) => r.id);

describe('matching', () => {
  it('finds a French-language service from a Dutch word, through the thesaurus', async () => {
    const debt = await serviceId('f-equilibre/f-equilibre-mediation');
    const body = await search('q=schuldbemiddeling');
    expect(ids(body).slice(0, 3)).toContain(debt);
    expect(body.understood.length).toBeGreaterThan(0);
  });

  it('takes abbreviations in any language as the same thing (CPAS = OCMW = PCSW)', async () => {
    const cpas = await search('q=cpas&per_page=100');
    const ocmw = await search('q=OCMW&per_page=100');
    const pcsw = await search('q=pcsw&per_page=100');
    expect(cpas.meta.total).toBeGreaterThan(0);
    expect(ids(ocmw).sort()).toEqual(ids(cpas).sort());
    expect(ids(pcsw).sort()).toEqual(ids(cpas).sort());
  });

  it('tolerates typos in long words, accents and capitals', async () => {
    const right = ids(await search('q=schuldbemiddeling'));
    expect(ids(await search('q=schuldbemidelling'))).toEqual(right);
    expect(ids(await search('q=SCHULDBEMIDDELING'))).toEqual(right);
    const ecole = ids(await search(`q=${encodeURIComponent('école de devoirs')}`));
    expect(ids(await search(`q=${encodeURIComponent('ECOLE DE DEVOIRS')}`))).toEqual(ecole);
    expect(ecole.length).toBeGreaterThan(0);
  });

  it('does not stretch short words: three letters must match', async () => {
    const body = await search('q=zzq');
    expect(body.meta.total).toBe(0);
  });

  it('finds by commune name in either language', async () => {
    const nl = await search(`q=Elsene`);
    const fr = await search(`q=Ixelles`);
    expect(nl.meta.total).toBeGreaterThan(0);
    expect(nl.meta.total).toBe(fr.meta.total);
    expect(nl.data.every((r) => r.communes.includes('21009'))).toBe(true);
    const molenbeek = await search(`q=${encodeURIComponent('Sint-Jans-Molenbeek')}`);
    expect(molenbeek.data.every((r) => r.communes.includes('21012'))).toBe(true);
  });

  it('explains what matched, for highlighting', async () => {
    const body = await search('q=douche');
    expect(body.data[0]!.matched_terms.length).toBeGreaterThan(0);
  });
});

describe('filters and facets', () => {
  it('counts each facet value among the results, and filtering gives that count', async () => {
    const all = await search('q=&per_page=1');
    const kinds = all.facets.kind!;
    expect(kinds.reduce((n, k) => n + k.count, 0)).toBe(all.meta.total);
    for (const { value, count } of kinds) {
      expect((await search(`kind=${value}&per_page=1`)).meta.total).toBe(count);
    }
    const arabic = all.facets.language!.find((l) => l.value === 'ar')!;
    expect((await search('language=ar&per_page=1')).meta.total).toBe(arabic.count);
  });

  it('combines filters, and keeps showing the other values of a filtered facet', async () => {
    const body = await search('theme=food&language=ar&access=free&per_page=100');
    expect(body.meta.total).toBeGreaterThan(0);
    for (const r of body.data) {
      expect(r.themes).toContain('food');
      expect(r.languages).toContain('ar');
      expect(r.access_conditions).toContain('free');
    }
    // The language facet still offers other languages for food that is free.
    expect(body.facets.language!.length).toBeGreaterThan(1);
  });

  it('filters on evening and weekend opening', async () => {
    const evening = await search('open=evening&per_page=1');
    const weekend = await search('open=weekend&per_page=1');
    const both = await search('open=evening&open=weekend&per_page=1');
    expect(evening.meta.total).toBeGreaterThan(0);
    expect(weekend.meta.total).toBeGreaterThan(0);
    expect(both.meta.total).toBeLessThanOrEqual(Math.min(evening.meta.total, weekend.meta.total));
  });

  it('sorts by distance from a postcode, shows it, and keeps to a radius', async () => {
    const body = await search('near=1080&sort=distance&per_page=20');
    expect(body.place!.label).toContain('1080');
    const distances = body.data.map((r) => r.distance_km!);
    expect(distances.every((d) => typeof d === 'number')).toBe(true);
    expect([...distances].sort((a, b) => a - b)).toEqual(distances);
    const near = await search('near=1080&radius_km=1&per_page=100');
    expect(near.meta.total).toBeGreaterThan(0);
    expect(near.data.every((r) => r.distance_km! <= 1)).toBe(true);
    const street = await search(`near=${encodeURIComponent('Chaussée de Gand')}&sort=distance`);
    expect(street.place!.label).toContain('Gand');
    const coords = await search('lat=50.8466&lon=4.3528&sort=distance&per_page=1');
    expect(coords.data[0]!.distance_km).toBeLessThan(3);
  });
});

describe('when nothing matches', () => {
  it('suggests the thesaurus equivalents and which filter to drop', async () => {
    const body = await search('q=cpas&commune=21017&kind=public_service');
    expect(body.meta.total).toBe(0);
    expect(body.did_you_mean).toEqual(expect.arrayContaining(['OCMW']));
    expect(body.drop_filters.length).toBeGreaterThan(0);
    for (const drop of body.drop_filters) {
      const without = drop.filter === 'commune' ? 'q=cpas&kind=public_service' : 'q=cpas&commune=21017';
      expect((await search(`${without}&per_page=1`)).meta.total, drop.filter).toBe(drop.total);
    }
  });
});

describe('suggestions', () => {
  it('completes what is being typed', async () => {
    const res = await shared.t.app.inject('/api/v1/search/suggest?q=schuld&locale=nl');
    expect(res.statusCode).toBe(200);
    const texts = res.json().data.map((s: { text: string }) => s.text.toLowerCase());
    expect(texts.some((s: string) => s.includes('schuld'))).toBe(true);
    const empty = await shared.t.app.inject('/api/v1/search/suggest?q=');
    expect(empty.json().data).toEqual([]);
  });
});

describe('bad input', () => {
  it.each([
    ['an empty query', 'q='],
    ['a 1,000-character query', `q=${'aide '.repeat(200)}`],
    ['SQL', `q=${encodeURIComponent("'; drop table services; --")}`],
    ['regular-expression characters', `q=${encodeURIComponent('.*[(+?\\')}`],
    ['emoji', `q=${encodeURIComponent('🍞🏠 aide')}`],
    ['Arabic script', `q=${encodeURIComponent('مساعدة غذائية')}`],
    ['only stopwords', 'q=de%20la%20het'],
  ])('answers %s sensibly', async (_what, query) => {
    const res = await shared.t.app.inject(`/api/v1/search?${query}`);
    expect(res.statusCode).toBe(200);
    expect(res.json().meta.total).toBeGreaterThanOrEqual(0);
  });

  it.each([
    ['a query over 1,000 characters', `q=${'x'.repeat(1001)}`, 'q'],
    ['an unknown theme', 'theme=castles', 'theme'],
    ['an unknown access condition', 'access=teleport', 'access'],
    ['an unknown type', 'type=castle', 'type'],
    ['an absurd latitude', 'lat=1000&lon=4.35', 'lat'],
    ['half a coordinate', 'lat=50.85', 'lon'],
    ['a radius of zero', 'near=1000&radius_km=0', 'radius_km'],
    ['a page past 10,000', 'page=10001', 'page'],
  ])('refuses %s with a 400 naming the field', async (_what, query, field) => {
    const res = await shared.t.app.inject(`/api/v1/search?${query}`);
    expect(res.statusCode).toBe(400);
    expect(res.json().fields.map((f: { field: string }) => f.field)).toContain(field);
  });

  it('sends a weak ETag that says 304 to a repeat, and varies with the reader’s language', async () => {
    const ask = (headers: Record<string, string>) =>
      shared.t.app.inject({ url: '/api/v1/search?q=schuldbemiddeling', headers });
    const first = await ask({ 'accept-language': 'fr', 'accept-encoding': 'gzip' });
    expect(first.statusCode).toBe(200);
    // The same tag goes with the plain and the compressed body: weak (RFC 9110, 8.8.1).
    expect(first.headers.etag).toMatch(/^W\/"/);
    expect(String(first.headers.vary)).toMatch(/accept-language/i);
    const again = await ask({ 'accept-language': 'fr', 'if-none-match': String(first.headers.etag) });
    expect(again.statusCode).toBe(304);
    const suggestion = await shared.t.app.inject({
      url: '/api/v1/search/suggest?q=schuld',
      headers: { 'accept-language': 'nl' },
    });
    expect(String(suggestion.headers.vary)).toMatch(/accept-language/i);
  });

  it('says in the reader’s language that a place is unknown', async () => {
    const res = await shared.t.app.inject({
      url: '/api/v1/search?near=Xyzzyville',
      headers: { 'accept-language': 'nl' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ error: 'PLACE_NOT_FOUND', fields: [{ field: 'near' }] });
    expect(res.json().message).toContain('postcode');
    // The page says so itself, keeping the words and filters (search-place.web.test.ts).
    const page = await shared.t.app.inject('/fr/search?near=Xyzzyville');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Nous ne connaissons pas le lieu « Xyzzyville »');
  });
});

describe('HSDS', () => {
  it('searches services with the same engine', async () => {
    const engine = await search('q=schuldbemiddeling&per_page=100');
    const hsds = (
      await shared.t.app.inject('/api/hsds/services?search=schuldbemiddeling&per_page=100')
    ).json();
    expect(hsds.contents.map((s: { id: string }) => s.id)).toEqual(
      engine.data.filter((r) => r.type === 'service').map((r) => r.id),
    );
  });
});
