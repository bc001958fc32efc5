// What a person does in a browser: choose a language, browse, read an organisation, use the map,
// and all of it with JavaScript off too. Every page type passes axe without serious violations.
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { expectAccessible, useBrowserHarness } from '../helpers/browser.ts';

const h = useBrowserHarness();

async function someId(query: ReturnType<typeof sql>): Promise<string> {
  const { rows } = await h.database.db.execute<{ id: string }>(query);
  return rows[0]!.id;
}

describe('language', () => {
  it('opens in the browser’s language and switches language on the same page, keeping the filters', async () => {
    const context = await h.browser.newContext({ locale: 'nl-BE' });
    const page = await context.newPage();
    await page.goto(`${h.baseUrl}/`);
    expect(new URL(page.url()).pathname).toBe('/nl/');
    expect(await page.locator('h1').textContent()).toBe('Vind hulp en partners in Brussel');

    await page.goto(`${h.baseUrl}/nl/directory?kind=self_organisation`);
    await page.getByRole('link', { name: 'Français' }).click();
    await page.waitForURL('**/fr/directory?kind=self_organisation');
    expect(await page.locator('html').getAttribute('lang')).toBe('fr');
    expect(await page.locator('#f-kind').inputValue()).toBe('self_organisation');
    await context.close();
  });
});

describe('browsing', () => {
  it('goes from a theme on the home page to an organisation and one of its services', async () => {
    const page = await h.browser.newPage();
    await page.goto(`${h.baseUrl}/en/`);
    await page.getByRole('link', { name: /^Food aid and basic needs/ }).click();
    await page.waitForURL('**/en/directory?theme=food');
    const count = await page.locator('#results-count').textContent();
    expect(count).toMatch(/^\d+ organisations?$/);

    const firstOrg = page.locator('.cards .card h2 a').first();
    const orgName = (await firstOrg.textContent())!;
    await firstOrg.click();
    await page.waitForURL('**/en/organisations/**');
    expect(await page.locator('h1').textContent()).toBe(orgName);
    await page.locator('.service-list h3 a').first().click();
    await page.waitForURL('**/en/services/**');
    expect(await page.locator('.hours table tr').count()).toBe(7);
    await page.close();
  });

  it('filters as you choose, without reloading the page, and keeps the filters in the address', async () => {
    const page = await h.browser.newPage();
    await page.goto(`${h.baseUrl}/en/directory`);
    await page.evaluate(() => ((window as unknown as { marker: number }).marker = 42));
    const before = await page.locator('#results-count').textContent();
    await page.selectOption('#f-kind', 'citizen_initiative');
    await page.waitForURL('**/en/directory?kind=citizen_initiative');
    await page.waitForFunction((b) => document.querySelector('#results-count')?.textContent !== b, before);
    expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(42);
    const badges = await page.locator('.card .kind').allTextContents();
    expect(new Set(badges)).toEqual(new Set(['Citizen initiative']));
    await page.close();
  });

  it('works with JavaScript disabled: filters by submitting the form, and paginates', async () => {
    const context = await h.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${h.baseUrl}/fr/directory`);
    await page.selectOption('#f-commune', '21012');
    await page.selectOption('#f-language', 'ar');
    await page.getByRole('button', { name: 'Afficher les résultats' }).click();
    await page.waitForURL(/commune=21012/);
    expect(page.url()).toContain('language=ar');
    const { rows } = await h.database.db.execute<{ n: number }>(sql`
      select count(*)::int as n from organisations o where exists (select 1 from locations l where l.organisation_id = o.id and l.commune_nis = '21012')
      and exists (select 1 from services s where s.organisation_id = o.id and s.status = 'active' and 'ar' = any(s.languages))`);
    expect(await page.locator('.cards .card').count()).toBe(Math.min(rows[0]!.n, 20));

    await page.goto(`${h.baseUrl}/fr/directory`);
    await page.getByRole('link', { name: 'Suivant' }).click();
    await page.waitForURL(/page=2/);
    expect(await page.locator('.pagination a[aria-current="page"]').textContent()).toBe('2');
    await context.close();
  });
});

describe('maps', () => {
  it('shows every located organisation on the map page, offline without tiles', async () => {
    const page = await h.browser.newPage();
    await page.goto(`${h.baseUrl}/en/map`);
    await page.waitForSelector('#map[data-markers]');
    const { rows } = await h.database.db.execute<{ n: number }>(
      sql`select count(*)::int as n from locations where latitude is not null`,
    );
    expect(await page.locator('#map').getAttribute('data-markers')).toBe(String(rows[0]!.n));
    expect(await page.locator('.leaflet-marker-icon').count()).toBeGreaterThan(0);
    await page.waitForSelector('#map path.leaflet-interactive, #map svg path');
    await page.close();
  });

  it('shows an organisation’s places on its own small map', async () => {
    const id = await someId(
      sql`select organisation_id as id from locations where latitude is not null limit 1`,
    );
    const page = await h.browser.newPage();
    await page.goto(`${h.baseUrl}/en/organisations/${id}`);
    await page.waitForSelector('.small-map[data-markers]');
    expect(Number(await page.locator('.small-map').getAttribute('data-markers'))).toBeGreaterThan(0);
    await page.close();
  });
});

describe('accessibility', () => {
  it('has no serious or critical axe violation on any page type', async () => {
    const org = await someId(sql`select id from organisations limit 1`);
    const service = await someId(sql`select service_id as id from schedules limit 1`);
    const context = await h.browser.newContext();
    const page = await context.newPage();
    for (const path of [
      '/fr/',
      '/nl/directory',
      '/nl/directory?theme=housing&kind=formal',
      `/en/organisations/${org}`,
      `/fr/services/${service}`,
      '/en/map',
      '/nl/organisations/00000000-0000-4000-8000-000000000000',
      '/fr/directory?page=0',
    ]) {
      await page.goto(`${h.baseUrl}${path}`);
      await expectAccessible(page);
    }
    await context.close();
  });
});
