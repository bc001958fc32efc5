// Numbers in query strings: "Infinity", "NaN", "1e309", values out of range and other spellings get
// a translated 400 naming the parameter on every endpoint, never a 500 (once "?page=Infinity"
// reached PostgreSQL). The API's parameters come from the OpenAPI document, the pages' from the app's
// own list of routes with numeric parameters (src/http/query-rules.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memberOf, sql } from './helpers/referrals.ts';
import { createTestApp, type TestApp } from './helpers/test-app.ts';

let t: TestApp;
/** An organisation's API token: the referral API checks it before anything else. */
let token = '';
beforeAll(async () => {
  t = await createTestApp({ demo: true });
  const [{ id }] = await sql(t, 'select id from organisations order by provenance_id limit 1');
  const admin = await memberOf(t, id, ['admin']);
  await admin.get(`/en/manage/organisations/${id}/api-tokens`);
  const page = await admin.post(`/en/manage/organisations/${id}/api-tokens`, { name: 'Numbers' });
  token = /<code class="token">(psl_[\w-]{43})<\/code>/.exec(page.body)![1]!;
});
afterAll(() => t.close());

interface Parameter {
  name: string;
  integer: boolean;
  minimum?: number;
  maximum?: number;
}

/** Values that must be refused for a parameter, with why. */
function badValues(p: Parameter): string[] {
  const values = [
    'Infinity',
    '-Infinity',
    'NaN',
    '1e309',
    '-1e309',
    '99999999999999999999',
    '0x10',
    ' 2',
    'ten',
    '1,5',
    `${'1'.repeat(40)}x`,
    '1'.repeat(40),
  ];
  if (p.integer) values.push('1.5');
  if (p.minimum !== undefined) values.push(String(p.minimum - 1), `${p.minimum - 1e6}`);
  if (p.maximum !== undefined) values.push(String(p.maximum + 1), `${p.maximum * 1000 + 1}`);
  return values;
}

/** Any id for a path parameter: validation comes before the route looks anything up. */
const concrete = (url: string) => url.replace(/:\w+/g, '00000000-0000-4000-8000-000000000000');

async function expectRefused(url: string, name: string, language: 'nl' | 'fr' | 'en') {
  const res = await t.app.inject({
    url,
    headers: { 'accept-language': language, authorization: `Bearer ${token}` },
  });
  expect(res.statusCode, url).toBe(400);
  if (url.startsWith('/api/')) {
    const body = res.json();
    expect(body.error, url).toBe('VALIDATION_FAILED');
    expect(
      body.fields.map((f: { field: string }) => f.field),
      url,
    ).toContain(name);
    return body.message as string;
  }
  expect(res.headers['content-type'], url).toMatch(/^text\/html/);
  return res.body;
}

describe('numeric query parameters', () => {
  it('are refused with a translated 400 on every API endpoint of the OpenAPI document', async () => {
    const doc = (await t.app.inject('/api/docs/json')).json() as {
      paths: Record<
        string,
        Record<string, { parameters?: { in: string; name: string; schema: Parameter & { type: string } }[] }>
      >;
    };
    let tried = 0;
    for (const [path, operations] of Object.entries(doc.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        if (method !== 'get') continue;
        for (const p of operation.parameters ?? []) {
          if (p.in !== 'query' || !['integer', 'number'].includes(p.schema.type)) continue;
          const parameter = { ...p.schema, name: p.name, integer: p.schema.type === 'integer' };
          for (const value of badValues(parameter)) {
            const url = `${concrete(path.replace(/\{(\w+)\}/g, ':$1'))}?${p.name}=${encodeURIComponent(value)}`;
            const message = await expectRefused(url, p.name, 'nl');
            expect(message).toBe('Sommige waarden in het adres zijn niet geldig. Er is niets gewijzigd.');
            tried++;
          }
        }
      }
    }
    // The directory, search, HSDS and referral lists at least.
    expect(tried).toBeGreaterThan(100);
  });

  it('are refused with a translated error page on every page and API route that takes one', async () => {
    const routes = t.app.numericRoutes;
    expect(routes.map((r) => r.url)).toEqual(
      expect.arrayContaining(['/fr/directory', '/fr/search', '/fr/admin/audit', '/fr/referrals']),
    );
    for (const route of routes.filter((r) => r.method === 'GET')) {
      for (const parameter of route.query) {
        for (const value of badValues(parameter)) {
          const url = `${concrete(route.url)}?${parameter.name}=${encodeURIComponent(value)}`;
          const body = await expectRefused(url, parameter.name, 'fr');
          if (!url.startsWith('/api/') && url.startsWith('/fr/'))
            expect(body).toContain('Demande non valable');
        }
      }
    }
  });

  it('are refused on the pages known to take them, whatever the route list says', async () => {
    for (const path of ['/nl/directory', '/nl/search', '/nl/admin/audit', '/nl/referrals'])
      for (const value of ['Infinity', '-1', '1e309', 'NaN'])
        expect((await t.app.inject(`${path}?page=${value}`)).statusCode, `${path} ${value}`).toBe(400);
  });

  it('still take plain numbers, and treat an empty value as not set', async () => {
    expect((await t.app.inject('/api/v1/organisations?page=2&per_page=5')).statusCode).toBe(200);
    expect((await t.app.inject('/api/v1/search?q=&lat=50.85&lon=4.35&radius_km=2.5')).statusCode).toBe(200);
    expect((await t.app.inject('/en/directory?theme=&page=')).statusCode).toBe(200);
    expect((await t.app.inject('/api/v1/search?lat=-0.5&lon=4')).statusCode).toBe(200);
    expect((await t.app.inject('/api/v1/organisations?page=2e1')).json().meta.page).toBe(20);
  });
});
