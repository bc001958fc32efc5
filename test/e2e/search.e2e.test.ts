// Searching in a browser: as-you-type with JavaScript, the whole form without, and axe on the page.
import { describe, expect, it } from 'vitest';
import { expectAccessible, useBrowserHarness } from '../helpers/browser.ts';

const h = useBrowserHarness();

describe('search', () => {
  it('updates the results while typing, without reloading, and keeps the search in the address', async () => {
    const page = await h.browser.newPage();
    await page.goto(`${h.baseUrl}/nl/search`);
    await page.evaluate(() => ((window as unknown as { marker: number }).marker = 1));
    await page.locator('#q').pressSequentially('schuldbemidelling', { delay: 20 });
    await page.waitForURL(/q=schuldbemidelling/);
    await page.waitForFunction(() => document.querySelector('.results-list .card') !== null);
    expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(1);
    expect(await page.locator('#q').inputValue()).toBe('schuldbemidelling');
    const first = await page.locator('.results-list .card h3').first().textContent();
    expect(first?.toLowerCase()).toMatch(/dette|schuld|debt/);
    await page.close();
  });

  it('works without JavaScript: words, a filter and a place, then a result', async () => {
    const context = await h.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${h.baseUrl}/fr/search`);
    await page.fill('#q', 'aide alimentaire');
    await page.fill('#near', '1080');
    await page.selectOption('#sort', 'distance');
    await page.check('input[name="access"][value="free"]');
    await page.getByRole('button', { name: 'Rechercher' }).click();
    await page.waitForURL(/q=aide\+alimentaire/);
    expect(page.url()).toContain('access=free');
    expect(await page.locator('#search-count').textContent()).toMatch(/près de 1080/);
    const distances = await page.locator('.results-list .badge.distance').allTextContents();
    const km = distances.map((d) => Number.parseFloat(d.replace(',', '.')));
    expect(km.length).toBeGreaterThan(0);
    expect([...km].sort((a, b) => a - b)).toEqual(km);
    await page.locator('.results-list .card h3 a').first().click();
    await page.waitForURL(/\/fr\/(services|organisations)\//);
    await context.close();
  });

  it('has no serious or critical axe violation, with results and without', async () => {
    const context = await h.browser.newContext();
    const page = await context.newPage();
    for (const path of [
      '/en/search',
      '/fr/search?q=douche&open=evening',
      '/nl/search?q=cpas&commune=21017&kind=public_service',
    ]) {
      await page.goto(`${h.baseUrl}${path}`);
      await expectAccessible(page);
    }
    await context.close();
  });

  it('shows a place named in the words as a chip that drops it, and an unknown place, while typing', async () => {
    for (const width of [1280, 390]) {
      const context = await h.browser.newContext({ viewport: { width, height: 900 } });
      const page = await context.newPage();
      await page.goto(`${h.baseUrl}/fr/search`);
      await page.locator('#q').pressSequentially('logement Molenbeek', { delay: 10 });
      await page.waitForSelector('.place-filter .chip');
      expect(await page.locator('.place-filter .chip').textContent()).toBe('Lieu : Molenbeek-Saint-Jean');
      expect(await page.locator('.nearest .results-list .card').count()).toBeGreaterThan(0);
      // An unknown "near" updates the results in place with a message, the words kept.
      await page.fill('#near', 'Xyzzyville');
      await page.locator('#near').dispatchEvent('change');
      await page.waitForSelector('.near-problem');
      expect(await page.locator('.near-problem').textContent()).toContain('« Xyzzyville »');
      expect(await page.locator('#q').inputValue()).toBe('logement Molenbeek');
      await expectAccessible(page);
      // The chip's link searches the other words everywhere.
      await page.getByRole('link', { name: /Chercher partout/ }).click();
      await page.waitForURL(/q=logement(&|$)/);
      expect(await page.locator('.place-filter').count()).toBe(0);
      await context.close();
    }
  });

  it('says a place is unknown without JavaScript, keeping the words, the place and the filters', async () => {
    for (const width of [1280, 390]) {
      const context = await h.browser.newContext({
        javaScriptEnabled: false,
        viewport: { width, height: 900 },
      });
      const page = await context.newPage();
      await page.goto(`${h.baseUrl}/nl/search`);
      await page.fill('#q', 'douche');
      await page.fill('#near', 'Xyzzyville');
      await page.getByRole('button', { name: 'Zoeken', exact: true }).click();
      await page.waitForURL(/near=Xyzzyville/);
      expect(await page.locator('.near-problem').textContent()).toContain('“Xyzzyville”');
      expect(await page.locator('#q').inputValue()).toBe('douche');
      expect(await page.locator('#near').inputValue()).toBe('Xyzzyville');
      expect(await page.locator('.results-list .card').count()).toBeGreaterThan(0);
      // axe needs scripts: the same page in a context that runs them.
      const url = page.url();
      await context.close();
      const checking = await h.browser.newContext({ viewport: { width, height: 900 } });
      const check = await checking.newPage();
      await check.goto(url);
      await expectAccessible(check);
      await checking.close();
    }
  });
});
