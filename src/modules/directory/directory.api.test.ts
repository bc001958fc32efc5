import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/helpers/test-app.ts';

const shared = useTestApp();
const { get } = shared;

async function count(query: string): Promise<number> {
  const result = await shared.t.database.db.execute<{ n: number }>(
    sql.raw(`select count(*)::int as n from ${query}`),
  );
  return result.rows[0]!.n;
}

describe('GET /api/v1/organisations', () => {
  it('pages through every organisation with counts and links', async () => {
    const total = await count('organisations');
    const first = await get('/api/v1/organisations?per_page=10');
    expect(first.statusCode).toBe(200);
    const body = first.json();
    expect(body.meta).toEqual({ page: 1, per_page: 10, total, total_pages: Math.ceil(total / 10) });
    expect(body.data).toHaveLength(10);
    expect(body.links.next).toBe('/api/v1/organisations?page=2&per_page=10');
    expect(body.links.prev).toBeNull();

    const ids = new Set<string>();
    for (let page = 1; page <= body.meta.total_pages; page++) {
      const res = await get(`/api/v1/organisations?per_page=10&page=${page}`);
      for (const org of res.json().data) ids.add(org.id);
    }
    expect(ids.size).toBe(total);
  });

  it('returns an empty page past the end, with the real total', async () => {
    const res = await get('/api/v1/organisations?page=999');
    expect(res.statusCode).toBe(200);
    expect(res.json().data).toEqual([]);
    expect(res.json().meta.total).toBeGreaterThan(0);
  });

  it('filters by kind, theme, commune and language, also combined', async () => {
    const bykind = (await get('/api/v1/organisations?kind=self_organisation&per_page=100')).json();
    expect(bykind.meta.total).toBeGreaterThan(0);
    expect(bykind.data.every((o: { kind: string }) => o.kind === 'self_organisation')).toBe(true);

    const housing = (await get('/api/v1/organisations?theme=housing&per_page=100')).json();
    expect(housing.meta.total).toBeGreaterThan(0);
    expect(housing.data.every((o: { themes: string[] }) => o.themes.includes('housing'))).toBe(true);

    const molenbeek = (await get('/api/v1/organisations?commune=21012&per_page=100')).json();
    expect(molenbeek.meta.total).toBeGreaterThan(0);
    expect(molenbeek.data.every((o: { communes: string[] }) => o.communes.includes('21012'))).toBe(true);

    const arabic = (await get('/api/v1/organisations?language=ar&per_page=100')).json();
    expect(arabic.data.every((o: { languages: string[] }) => o.languages.includes('ar'))).toBe(true);

    const both = (await get('/api/v1/organisations?language=ar&kind=self_organisation&per_page=100')).json();
    expect(both.meta.total).toBeLessThanOrEqual(Math.min(arabic.meta.total, bykind.meta.total));
    expect(
      both.data.every(
        (o: { kind: string; languages: string[] }) =>
          o.kind === 'self_organisation' && o.languages.includes('ar'),
      ),
    ).toBe(true);
  });

  it('treats empty parameters as absent, as a plain form sends them', async () => {
    const res = await get('/api/v1/organisations?theme=&commune=&kind=&language=');
    expect(res.statusCode).toBe(200);
    expect(res.json().meta.total).toBe(await count('organisations'));
  });

  it('refuses bad parameters with 400 naming each field', async () => {
    const res = await get(
      '/api/v1/organisations?page=0&per_page=500&kind=castle&theme=nope&commune=99999&language=ARABIC',
    );
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.error).toBe('VALIDATION_FAILED');
    expect(body.fields.map((f: { field: string }) => f.field).sort()).toEqual([
      'commune',
      'kind',
      'language',
      'page',
      'per_page',
      'theme',
    ]);
  });

  it('answers a non-numeric or unrepresentable page and SQL in a filter with 400, not 500', async () => {
    expect((await get('/api/v1/organisations?page=abc')).statusCode).toBe(400);
    const huge = await get('/api/v1/organisations?page=1e309');
    expect(huge.statusCode).toBe(400);
    expect(huge.json().fields).toEqual([{ field: 'page', message: 'is too large' }]);
    expect((await get('/api/v1/organisations?page=2e1')).json().meta.page).toBe(20);
    expect((await get("/api/v1/organisations?kind=formal'%20or%201=1--")).statusCode).toBe(400);
  });
});

describe('GET /api/v1/organisations/:id', () => {
  it('returns one organisation with locations, contacts and services', async () => {
    const [row] = (
      await shared.t.database.db.execute<{ id: string }>(
        sql`select id from organisations order by id limit 1`,
      )
    ).rows;
    const res = await get(`/api/v1/organisations/${row!.id}`);
    expect(res.statusCode).toBe(200);
    const org = res.json();
    expect(org.id).toBe(row!.id);
    expect(org.name).toEqual(expect.any(Object));
    expect(org.locations.length).toBeGreaterThan(0);
    expect(org.locations[0].commune).toEqual({
      nis: expect.stringMatching(/^21\d{3}$/),
      name: expect.objectContaining({ nl: expect.any(String), fr: expect.any(String) }),
    });
    expect(org.services.length).toBeGreaterThan(0);
    expect(org.links.html.nl).toBe(`/nl/organisations/${row!.id}`);
  });

  it('gives 404 for an unknown or malformed id', async () => {
    for (const id of ['00000000-0000-4000-8000-000000000000', 'not-a-uuid', '1%27%20or%201=1']) {
      const res = await get(`/api/v1/organisations/${id}`);
      expect(res.statusCode).toBe(404);
      expect(res.json().error).toBe('ORGANISATION_NOT_FOUND');
    }
  });

  it('answers a repeated request with 304 when the ETag matches', async () => {
    const [row] = (
      await shared.t.database.db.execute<{ id: string }>(sql`select id from organisations limit 1`)
    ).rows;
    const first = await get(`/api/v1/organisations/${row!.id}`);
    expect(first.headers.etag).toBeTruthy();
    const again = await get(`/api/v1/organisations/${row!.id}`, {
      'if-none-match': String(first.headers.etag),
    });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
  });
});

describe('GET /api/v1/services', () => {
  it('lists services with their hours, themes and locations, filtered', async () => {
    const total = await count('services');
    const res = await get('/api/v1/services?per_page=5');
    expect(res.statusCode).toBe(200);
    expect(res.json().meta.total).toBe(total);
    const svc = res.json().data[0];
    expect(svc.themes.length).toBeGreaterThan(0);
    expect(svc.locations.length).toBeGreaterThan(0);
    expect(svc.languages.length).toBeGreaterThan(0);

    const legal = (await get('/api/v1/services?theme=legal&per_page=100')).json();
    expect(
      legal.data.every((s: { themes: { code: string; parent_code: string | null }[] }) =>
        s.themes.some((th) => th.code === 'legal' || th.parent_code === 'legal'),
      ),
    ).toBe(true);
  });

  it('gives a kept list the ETag of its body, answers 304 to it, and says what a service says of opening', async () => {
    const first = await get('/api/v1/services?page=2&per_page=4');
    const again = await get('/api/v1/services?page=2&per_page=4');
    expect(again.body).toBe(first.body);
    // The body's weak ETag (http/entity-tag.ts), made once when the answer is kept.
    expect(first.headers.etag).toBe(`W/"${createHash('sha1').update(first.body).digest('base64')}"`);
    expect(again.headers.etag).toBe(first.headers.etag);
    const unchanged = await get('/api/v1/services?page=2&per_page=4', {
      'if-none-match': String(first.headers.etag),
    });
    expect(unchanged.statusCode).toBe(304);
    expect(unchanged.body).toBe('');
    // Every service of a list is judged open at one moment, as its own page judges it.
    for (const svc of first.json().data as { id: string; open_now: boolean | null }[])
      expect((await get(`/api/v1/services/${svc.id}`)).json().open_now).toBe(svc.open_now);
  });

  it('returns one service, and 404 for an unknown one', async () => {
    const [row] = (
      await shared.t.database.db.execute<{ id: string }>(
        sql`select s.id from services s join schedules h on h.service_id = s.id limit 1`,
      )
    ).rows;
    const res = await get(`/api/v1/services/${row!.id}`);
    expect(res.statusCode).toBe(200);
    const svc = res.json();
    expect(svc.schedules[0]).toEqual(
      expect.objectContaining({
        weekday: expect.any(Number),
        opens_at: expect.stringMatching(/^\d\d:\d\d$/),
      }),
    );
    expect(typeof svc.open_now).toBe('boolean');
    expect((await get('/api/v1/services/00000000-0000-4000-8000-000000000000')).json().error).toBe(
      'SERVICE_NOT_FOUND',
    );
  });
});

describe('taxonomy, map and geography', () => {
  it('serves the theme tree in three languages', async () => {
    const { data } = (await get('/api/v1/taxonomy')).json();
    expect(data.length).toBeGreaterThanOrEqual(20);
    expect(
      data.reduce((n: number, t: { children: unknown[] }) => n + t.children.length, 0),
    ).toBeGreaterThanOrEqual(80);
    for (const theme of data) expect(Object.keys(theme.name).sort()).toEqual(['en', 'fr', 'nl']);
  });

  it('serves every located organisation as GeoJSON points, filterable', async () => {
    const located = await count('locations where latitude is not null');
    const res = await get('/api/v1/map');
    expect(res.headers['content-type']).toContain('application/geo+json');
    expect(res.json().features).toHaveLength(located);
    const kinds = (await get('/api/v1/map?kind=faith_community'))
      .json()
      .features.map((f: { properties: { kind: string } }) => f.properties.kind);
    expect(new Set(kinds)).toEqual(new Set(['faith_community']));
  });

  it('serves the 19 communes and 145 quartiers as GeoJSON', async () => {
    const communes = (await get('/api/v1/geo/communes')).json();
    expect(communes.features).toHaveLength(19);
    expect(communes.features[0].geometry.type).toMatch(/Polygon/);
    const quartiers = (await get('/api/v1/geo/quartiers')).json();
    expect(quartiers.features).toHaveLength(145);
    expect(
      quartiers.features.find((f: { properties: { code: number } }) => f.properties.code === 36).properties
        .name.fr,
    ).toBe('Matonge');
  });
});

describe('OpenAPI', () => {
  it('describes the API as OpenAPI 3.1 with a docs page', async () => {
    const doc = (await get('/api/docs/json')).json();
    expect(doc.openapi).toBe('3.1.0');
    for (const path of [
      '/api/v1/organisations',
      '/api/v1/organisations/{id}',
      '/api/v1/services',
      '/api/v1/services/{id}',
      '/api/v1/taxonomy',
      '/api/v1/geo/communes',
      '/api/v1/geo/quartiers',
      '/api/hsds/services',
      '/api/v1/referrals',
      '/api/v1/referrals/{id}',
      '/api/v1/referrals/{id}/actions/{action}',
    ]) {
      expect(doc.paths[path], path).toBeDefined();
    }
    // Referral routes say they need an organisation's token.
    expect(doc.paths['/api/v1/referrals'].post.security).toEqual([{ apiToken: [] }]);
    expect(doc.components.securitySchemes.apiToken).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(Object.keys(doc.paths).some((p) => p.startsWith('/nl/'))).toBe(false);
    const docs = await get('/api/docs');
    expect([200, 302]).toContain(docs.statusCode);
  });
});
