import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../../test/helpers/test-app.ts';

const shared = useTestApp();
const { get } = shared;

describe('search page', () => {
  it('shows results with the matched words marked, facets with counts, and the query kept in the form', async () => {
    const res = await get('/fr/search?q=douche');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<html lang="fr">');
    expect(res.body).toMatch(/<mark>[Dd]ouches?<\/mark>/);
    expect(res.body).toContain('value="douche"');
    expect(res.body).toMatch(/id="search-count"[^>]*>\d+ résultats?/);
    expect(res.body).toMatch(/<option value="[^"]+"[^>]*>[^<]+ \(\d+\)<\/option>/);
  });

  it('answers htmx with the filters and results only, so the search box keeps its focus', async () => {
    const res = await get('/nl/search?q=schuld', { 'hx-request': 'true', 'hx-target': 'search-layout' });
    expect(res.body.startsWith('<div id="search-layout"')).toBe(true);
    expect(res.body).not.toContain('id="q"');
  });

  it('says when nothing is found, with other words to try and filters to drop', async () => {
    const res = await get('/en/search?q=cpas&commune=21017&kind=public_service');
    expect(res.body).toContain('Nothing found.');
    expect(res.body).toContain('Did you mean:');
    expect(res.body).toContain('href="/en/search?q=OCMW');
    expect(res.body).toContain('Without the filter');
  });

  it('keeps several checkboxes of one filter in the links it makes', async () => {
    const res = await get('/en/search?access=free&access=anonymous&page=1');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('name="access" value="free" checked');
    expect(res.body).toContain('name="access" value="anonymous" checked');
  });

  it('refuses bad filters with a translated page', async () => {
    const res = await get('/nl/search?open=yesterday');
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('Ongeldig verzoek');
  });

  it('shows a change to the directory in the page and the API, though both keep what they rendered', async () => {
    const page = () => get('/nl/search?q=Zwaluwnest');
    const api = () => get('/api/v1/search?q=Zwaluwnest', { 'accept-language': 'nl' });
    expect((await page()).body).toContain('Niets gevonden.');
    expect((await api()).json().meta.total).toBe(0);
    await shared.t.database.db.execute(sql`
      insert into organisations (name, kind, description)
      values ('{"nl":"Zwaluwnest buurtwerking"}', 'citizen_initiative', '{}')`);
    const deadline = Date.now() + 10_000;
    while ((await api()).json().meta.total === 0 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 50));
    }
    expect((await api()).json().data[0].name.nl).toBe('Zwaluwnest buurtwerking');
    const html = (await page()).body;
    expect(html).toContain('1 resultaat');
    expect(html).toContain('<mark>Zwaluwnest</mark>');
  });
});
