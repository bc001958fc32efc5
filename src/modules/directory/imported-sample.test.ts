// The directory after `npm run import` of the City of Brussels sample (671 real organisations, the
// file of shared/data/brussels-organisations-sample, kept in test/fixtures), on top of the demo
// data: none of the imported organisations lists a service yet. A visitor must still find what they
// can use first (issue 12): the directory, the map and the home figures count organisations with
// services, and search ranks those without after those with, unless the words name one.
import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.ts';
import { translator } from '../../i18n/index.ts';
import { testConfig } from '../../../test/helpers/test-app.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/helpers/test-database.ts';
import { countDirectory, type DirectoryCounts } from './directory.repo.ts';
import { citySubsidiesSource, parseCitySubsidyRecord } from './import/city-subsidies-format.ts';
import { importOrganisations } from './use-cases/import-organisations.ts';

const sample = new URL(
  '../../../test/fixtures/city-of-brussels-subsidy-beneficiaries-2022.json',
  import.meta.url,
);
const bruxelles = '21004';

let database: TestDatabase;
let app: FastifyInstance;
let before: DirectoryCounts;
let cpasId: string;

beforeAll(async () => {
  database = await createTestDatabase({ demo: true });
  before = await countDirectory(database.db);
  const report = await importOrganisations(database.db, JSON.parse(readFileSync(sample, 'utf8')), {
    source: citySubsidiesSource,
    parse: parseCitySubsidyRecord,
  });
  expect(report.created).toBe(671);
  app = await buildApp(testConfig(), database, { logger: false });
  await app.ready();
  const { rows } = await database.pool.query(
    `select id from organisations where name->>'fr' like 'Centre Public d''action sociale de Bruxelles%'`,
  );
  cpasId = rows[0].id;
});
afterAll(async () => {
  await app?.close();
  await database?.drop();
});

const get = (url: string) => app.inject({ method: 'GET', url });
const scalar = async (query: string, values: unknown[] = []): Promise<number> =>
  (await database.pool.query(query, values)).rows[0].n;
const withServices = `exists (select 1 from services s where s.organisation_id = o.id and s.status = 'active')`;
const inCommune = `exists (select 1 from locations l where l.organisation_id = o.id and l.commune_nis = $1)`;

describe('the home page after an import', () => {
  it('counts what a visitor can use, and says so: the import adds no organisation with services', async () => {
    expect(await scalar('select count(*)::int n from organisations o')).toBe(before.organisations + 671);
    const home = await get('/fr/');
    const stats = translator('fr').t('directory.home.stats', {
      organisations: before.organisations,
      services: before.services,
      informal: before.informal,
    });
    expect(home.body).toContain(stats.replace(/'/g, '&#39;'));
    expect(stats).toMatch(/^\d+ organisations proposent \d+ services/);
  });
});

describe('the directory after an import', () => {
  it('lists the organisations of Bruxelles with services, and says how many others list none', async () => {
    const usable = await scalar(
      `select count(*)::int n from organisations o where ${inCommune} and ${withServices}`,
      [bruxelles],
    );
    const empty = await scalar(
      `select count(*)::int n from organisations o where ${inCommune} and not ${withServices}`,
      [bruxelles],
    );
    expect(empty).toBeGreaterThan(400);
    const page = await get(`/fr/directory?commune=${bruxelles}`);
    const has = (text: string) => page.body.includes(text);
    expect(has(`>${usable} organisations<`)).toBe(true);
    expect(has('Aucun service indiqué')).toBe(false);
    expect(has(`${empty} autres organisations correspondent, mais n’indiquent encore aucun service.`)).toBe(
      true,
    );
    expect(has(`href="/fr/directory?commune=${bruxelles}&all=1"`)).toBe(true);
  });

  it('shows all of them when asked, those with services first', async () => {
    const all = await scalar(`select count(*)::int n from organisations o where ${inCommune}`, [bruxelles]);
    const counts: string[] = [];
    for (let n = 1; counts.length < all && n < 40; n++) {
      const page = await get(`/fr/directory?commune=${bruxelles}&all=1&page=${n}`);
      counts.push(...[...page.body.matchAll(/<p class="count">([^<]*)<\/p>/g)].map((m) => m[1]!));
    }
    expect(counts).toHaveLength(all);
    const firstEmpty = counts.indexOf('Aucun service indiqué');
    expect(firstEmpty).toBeGreaterThan(0);
    expect(counts.slice(firstEmpty).every((c) => c === 'Aucun service indiqué')).toBe(true);
  });

  it('puts on the map only organisations with services, unless asked for all', async () => {
    const located = (extra = '') =>
      scalar(`select count(distinct o.id)::int n from organisations o join locations l on l.organisation_id = o.id
              where l.latitude is not null ${extra}`);
    const usable = await located(`and ${withServices}`);
    const features = async (url: string) =>
      new Set(
        (await get(url))
          .json()
          .features.map((f: { properties: { organisation_id: string } }) => f.properties.organisation_id),
      ).size;
    expect(await features('/api/v1/map?with_services=true')).toBe(usable);
    expect(await features('/api/v1/map')).toBe(await located());
    const map = await get('/fr/map');
    expect(map.body).toContain('data-source="/api/v1/map?with_services=true"');
    expect(map.body).not.toContain('Parc des Expositions');
    expect((await get('/fr/map?all=1')).body).toContain('Parc des Expositions');
  });
});

describe('search after an import', () => {
  const search = async (q: string, locale: string, perPage = 10, page = 1) => {
    const res = await get(
      `/api/v1/search?q=${encodeURIComponent(q)}&locale=${locale}&per_page=${perPage}&page=${page}`,
    );
    expect(res.statusCode, res.body).toBe(200);
    return res.json().data as { type: string; id: string; organisation: { id: string } }[];
  };

  it('finds the real CPAS first when its name is searched for, in French or Dutch', async () => {
    expect((await search('CPAS de Bruxelles', 'fr'))[0]!.organisation.id).toBe(cpasId);
    expect((await search('OCMW Brussel', 'nl'))[0]!.organisation.id).toBe(cpasId);
  });

  // Without words, the 193 demo services fill the first page of 100: the second holds the border.
  it.each([
    ['1000', 1],
    ['Bruxelles', 1],
    ['Laeken', 1],
    ['', 2],
  ])('ranks organisations without services after those with for "%s"', async (q, page) => {
    const types = (await search(q, 'fr', 100, page)).map((r) => r.type);
    expect(types).toContain('service');
    expect(types).toContain('organisation');
    expect(types.lastIndexOf('service')).toBeLessThan(types.indexOf('organisation'));
  });
});
