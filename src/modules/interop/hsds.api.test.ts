// Validates real responses of /api/hsds against the official Open Referral HSDS 3.0 JSON schemas
// (test/fixtures/hsds-schema, copied unchanged from openreferral/specification).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/helpers/test-app.ts';

const schemaDir = new URL('../../../test/fixtures/hsds-schema/', import.meta.url).pathname;
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
// The schemas carry no $id and refer to each other by file name: register each under its name.
for (const dir of ['', 'compiled']) {
  for (const file of readdirSync(join(schemaDir, dir)).filter(
    (f) => f.endsWith('.json') && f !== 'openapi.json',
  )) {
    const schema = JSON.parse(readFileSync(join(schemaDir, dir, file), 'utf8'));
    delete schema.$schema;
    ajv.addSchema(schema, dir ? `${dir}/${file}` : file);
  }
}

function expectValid(schemaName: string, data: unknown): void {
  const validate = ajv.getSchema(schemaName);
  if (!validate) throw new Error(`no schema ${schemaName}`);
  const ok = validate(data);
  expect(ok ? [] : validate.errors, schemaName).toEqual([]);
}

const pageKeys = [
  'total_items',
  'total_pages',
  'page_number',
  'size',
  'first_page',
  'last_page',
  'empty',
  'contents',
];

const shared = useTestApp();
const { get } = shared;

describe('/api/hsds', () => {
  it('describes itself', async () => {
    const body = (await get('/api/hsds/')).json();
    expect(body.version).toBe('3.0');
    expect(body.openapi_url).toMatch(/\/api\/docs\/json$/);
  });

  it('lists services in HSDS pages whose items match service_list', async () => {
    const res = await get('/api/hsds/services?per_page=100');
    expect(res.statusCode).toBe(200);
    const page = res.json();
    expect(Object.keys(page).sort()).toEqual([...pageKeys].sort());
    expect(page.contents.length).toBe(Math.min(100, page.total_items));
    expect(page.first_page).toBe(true);
    for (const item of page.contents) expectValid('compiled/service_list.json', item);
  });

  it('returns full services that match service.json, in the requested language', async () => {
    const { rows } = await shared.t.database.db.execute<{ id: string }>(
      sql`select id from services order by id limit 25`,
    );
    for (const { id } of rows) {
      const res = await get(`/api/hsds/services/${id}?lang=nl`);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-language']).toBe('nl');
      const svc = res.json();
      expectValid('service.json', svc);
      expect(svc.schedules.length + svc.languages.length).toBeGreaterThan(0);
    }
  });

  it('follows Accept-Language when no lang is given', async () => {
    const { rows } = await shared.t.database.db.execute<{ id: string; fr: string }>(
      sql`select id, name->>'fr' as fr from services where name ? 'fr' limit 1`,
    );
    const res = await get(`/api/hsds/services/${rows[0]!.id}`, { 'accept-language': 'fr-BE' });
    expect(res.json().name).toBe(rows[0]!.fr);
  });

  it('lists and returns organizations that match the schemas', async () => {
    const page = (await get('/api/hsds/organizations?per_page=100')).json();
    expect(page.total_items).toBeGreaterThan(0);
    for (const org of page.contents) expectValid('compiled/organization_list.json', org);
    for (const { id } of page.contents.slice(0, 20)) {
      const full = (await get(`/api/hsds/organizations/${id}?lang=en`)).json();
      expectValid('organization.json', full);
      expect(full.locations.length).toBeGreaterThan(0);
    }
  });

  it('lists service_at_locations that match the schema', async () => {
    const page = (await get('/api/hsds/service_at_locations?per_page=50')).json();
    expect(page.contents.length).toBeGreaterThan(0);
    for (const sal of page.contents) expectValid('compiled/service_at_location_list.json', sal);
    const one = await get(`/api/hsds/service_at_locations/${page.contents[0].id}`);
    expectValid('service_at_location.json', one.json());
  });

  it('publishes taxonomies and taxonomy terms that match the schemas', async () => {
    const taxonomies = (await get('/api/hsds/taxonomies')).json();
    expect(taxonomies.contents.map((t: { name: string }) => t.name)).toContain('passerelle-themes');
    for (const taxonomy of taxonomies.contents) expectValid('taxonomy.json', taxonomy);

    const terms = (await get('/api/hsds/taxonomy_terms?per_page=100')).json();
    expect(terms.total_items).toBeGreaterThan(100);
    for (const term of terms.contents) expectValid('taxonomy_term.json', term);

    const themes = taxonomies.contents.find((t: { name: string }) => t.name === 'passerelle-themes');
    const top = (
      await get(`/api/hsds/taxonomy_terms?taxonomy_id=${themes.id}&top_only=true&per_page=100`)
    ).json();
    expect(top.contents.length).toBeGreaterThanOrEqual(20);
    expect(top.contents.every((t: { parent_id?: string }) => !t.parent_id)).toBe(true);
    const term = (await get(`/api/hsds/taxonomy_terms/${top.contents[0].id}`)).json();
    expectValid('taxonomy_term.json', term);
  });

  it('filters services by organisation and by taxonomy term', async () => {
    const { rows } = await shared.t.database.db.execute<{ organisation_id: string; n: number }>(
      sql`select organisation_id, count(*)::int as n from services group by 1 limit 1`,
    );
    const byOrgRes = await get(`/api/hsds/services?organization_id=${rows[0]!.organisation_id}`);
    expect(byOrgRes.statusCode, byOrgRes.body).toBe(200);
    const byOrg = byOrgRes.json();
    expect(byOrg.total_items).toBe(rows[0]!.n);
    const terms = (await get('/api/hsds/taxonomy_terms?per_page=100')).json();
    const food = terms.contents.find((t: { code: string }) => t.code === 'food');
    const byTheme = (await get(`/api/hsds/services?taxonomy_term_id=${food.id}&per_page=100`)).json();
    expect(byTheme.total_items).toBeGreaterThan(0);
  });

  it('takes ids that look like numbers in exponent notation as ids', async () => {
    const res = await get('/api/hsds/services?organization_id=1234e567-89ab-4cde-8f01-23456789abcd');
    expect(res.statusCode).toBe(200);
    expect(res.json().total_items).toBe(0);
  });

  it('gives 404 for unknown ids and 400 for bad parameters', async () => {
    for (const path of [
      'services',
      'organizations',
      'service_at_locations',
      'taxonomies',
      'taxonomy_terms',
    ]) {
      const res = await get(`/api/hsds/${path}/00000000-0000-4000-8000-000000000000`);
      expect(res.statusCode, path).toBe(404);
    }
    const bad = await get('/api/hsds/services?per_page=1000&organization_id=x&lang=de');
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .fields.map((f: { field: string }) => f.field)
        .sort(),
    ).toEqual(['lang', 'organization_id', 'per_page']);
  });
});
