import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/helpers/test-app.ts';

const shared = useTestApp();
const { get } = shared;
const one = async <T extends Record<string, unknown>>(query: ReturnType<typeof sql>) =>
  (await shared.t.database.db.execute<T>(query)).rows[0]!;

describe('language negotiation', () => {
  it.each([
    ['nl-BE,nl;q=0.9,fr;q=0.8', '/nl/'],
    ['en-US,en;q=0.9', '/en/'],
    ['ar-MA,ar;q=0.9', '/fr/'],
    ['', '/fr/'],
  ])('sends %j to %s', async (header, target) => {
    const res = await get('/', header ? { 'accept-language': header } : {});
    expect(res.statusCode).toBe(302);
    expect(res.headers.location).toBe(target);
    expect(res.headers.vary).toContain('Accept-Language');
  });

  it('renders every page in the language of its URL, with a switcher that keeps the page', async () => {
    const nl = await get('/nl/directory?kind=formal');
    expect(nl.body).toContain('<html lang="nl">');
    expect(nl.body).toContain('Gids');
    expect(nl.body).toContain('href="/fr/directory?kind=formal"');
    expect(nl.body).toContain('href="/en/directory?kind=formal"');
    const fr = await get('/fr/directory');
    expect(fr.body).toContain('<html lang="fr">');
    expect(fr.body).toContain('Répertoire');
  });
});

describe('pages', () => {
  it('shows the home page with themes, communes and the demo banner', async () => {
    const res = await get('/en/');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.body).toContain('Find help and partners in Brussels');
    expect(res.body).toContain('href="/en/directory?theme=housing"');
    expect(res.body).toContain('href="/en/directory?commune=21009"');
    expect(res.body).toContain('class="demo-banner"');
  });

  it('lists, filters and paginates the directory on the server', async () => {
    const { n } = await one<{ n: number }>(
      sql`select count(*)::int as n from organisations where kind = 'self_organisation'`,
    );
    const res = await get('/en/directory?kind=self_organisation');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain(`${n} organisations`);
    expect(res.body).toContain('<option value="self_organisation" selected>');
    const page2 = await get('/en/directory?page=2');
    expect(page2.statusCode).toBe(200);
    expect(page2.body).toContain('aria-current="page" aria-label="Page 2"');
  });

  it('answers htmx with the results fragment only', async () => {
    const res = await get('/fr/directory?kind=formal', { 'hx-request': 'true', 'hx-target': 'results' });
    expect(res.body.startsWith('<section id="results"')).toBe(true);
    expect(res.body).not.toContain('<html');
    expect(res.headers.vary).toContain('HX-Request');
  });

  it('shows an organisation with services, hours badge, places, JSON-LD and the fallback marker', async () => {
    const org = await one<{ id: string }>(sql`select id from organisations where description ? 'fr' limit 1`);
    await shared.t.database.db.execute(
      sql`update organisations set description = description - 'en' - 'nl' where id = ${org.id}`,
    );
    const res = await get(`/en/organisations/${org.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('only available in French');
    expect(res.body).toMatch(/class="badge hours (open|closed|unknown)"/);
    expect(res.body).toContain('data-map="points"');
    const ld = /<script type="application\/ld\+json">(.*?)<\/script>/s.exec(res.body)?.[1];
    const json = JSON.parse(ld!);
    expect(json['@context']).toBe('https://schema.org');
    expect(json.location[0].address.addressCountry).toBe('BE');
  });

  it('shows a service with its weekly hours in the reader’s language', async () => {
    const svc = await one<{ id: string }>(
      sql`select service_id as id from schedules where weekday = 1 limit 1`,
    );
    const nl = await get(`/nl/services/${svc.id}`);
    expect(nl.statusCode).toBe(200);
    expect(nl.body).toContain('maandag');
    const fr = await get(`/fr/services/${svc.id}`);
    expect(fr.body).toContain('lundi');
    expect(fr.body).toContain('"@type":"Service"');
  });

  it('shows the map page with a list that works without JavaScript', async () => {
    const res = await get('/fr/map');
    expect(res.statusCode).toBe(200);
    // Organisations that list no service yet only when asked for (issue 12).
    expect(res.body).toContain('data-source="/api/v1/map?with_services=true"');
    expect(res.body).toContain('<details>');
    expect((await get('/fr/map?all=1')).body).toContain('data-source="/api/v1/map"');
  });

  it('escapes text from the database', async () => {
    const org = await one<{ id: string }>(sql`select id from organisations limit 1`);
    await shared.t.database.db.execute(
      sql`update organisations set name = jsonb_build_object('en', '<script>alert(1)</script>') where id = ${org.id}`,
    );
    const res = await get(`/en/organisations/${org.id}`);
    // Inside quoted attribute values "<" is inert; everywhere else it must be escaped.
    const outsideAttributes = res.body.replace(/="[^"]*"/g, '=""');
    expect(outsideAttributes).not.toContain('<script>alert(1)');
    expect(res.body).toContain('<h1><span>&lt;script>alert(1)&lt;/script></span></h1>');
  });
});

describe('errors in the reader’s language', () => {
  it('gives a translated 404 for an unknown organisation or page', async () => {
    for (const [url, headers, text] of [
      ['/nl/organisations/00000000-0000-4000-8000-000000000000', {}, 'Organisatie niet gevonden'],
      ['/fr/services/nope', {}, 'Service introuvable'],
      ['/no/such/page', { 'accept-language': 'en' }, 'Page not found'],
    ] as const) {
      const res = await get(url, headers);
      expect(res.statusCode, url).toBe(404);
      expect(res.body).toContain(text);
    }
  });

  it('refuses invalid filters with a translated 400 page naming the field', async () => {
    const res = await get('/fr/directory?page=-3&kind=castle');
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('Demande non valable');
    expect(res.body).toContain('« page »');
    expect(res.body).toContain('« kind »');
  });

  it('survives absurd input without a server error', async () => {
    const long = 'x'.repeat(5000);
    for (const url of [
      `/en/directory?theme=${long}`,
      '/en/directory?language=%F0%9F%98%80',
      '/en/directory?page=1e309',
      `/en/organisations/${long}`,
    ]) {
      const res = await get(url);
      expect(res.statusCode, url).toBeLessThan(500);
    }
  });
});
