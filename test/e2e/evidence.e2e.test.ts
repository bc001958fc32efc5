// The evidence map in a real browser, in Dutch, on the demo signals: without JavaScript on a 390 px
// phone (the map drawn by the server), and with it on a desktop and a phone (the same colours on
// Leaflet), where the page passes axe and nothing scrolls sideways.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoSignals } from '../../src/modules/signals/evidence/demo-signals.ts';
import { evidenceServiceOf } from '../../src/modules/signals/evidence/evidence-service.ts';
import { type BrowserHarness, expectFitsAndAccessible, startBrowserHarness } from '../helpers/browser.ts';
import { allowSlowTests } from '../helpers/slow-tests.ts';

allowSlowTests();

let h: BrowserHarness;
beforeAll(async () => {
  h = await startBrowserHarness();
  expect(await loadDemoSignals(h.database.db, new Date())).toBeGreaterThan(0);
  await evidenceServiceOf(h.database.db)!.refresh();
});
afterAll(() => h?.close());

describe('the evidence map', () => {
  for (const [width, javaScript] of [
    [390, false],
    [1280, true],
    [390, true],
  ] as const)
    it(`works at ${width} px ${javaScript ? 'with' : 'without'} JavaScript, in Dutch`, async () => {
      const context = await h.browser.newContext({
        javaScriptEnabled: javaScript,
        locale: 'nl',
        viewport: { width, height: 900 },
      });
      const page = await context.newPage();
      page.setDefaultTimeout(8_000);
      await page.goto(`${h.baseUrl}/nl/evidence`);
      expect(await page.locator('h1').textContent()).toBe('Kaart van de noden');
      const map = page.locator('.evidence-map');
      if (javaScript) {
        // Leaflet takes over, with the colours of the server's map.
        await page.locator('.evidence-map[data-ready="true"]').waitFor();
        expect(await map.locator('.leaflet-host path.leaflet-interactive').count()).toBeGreaterThan(100);
        expect(await map.locator('svg.choropleth').isVisible()).toBe(false);
      } else {
        expect(await map.locator('svg.choropleth').isVisible()).toBe(true);
        expect(await map.locator('use.area').count()).toBeGreaterThan(100);
        // The outlines come from the sprite file: drawn, they have a size.
        expect((await map.locator('use.area').first().boundingBox())?.width).toBeGreaterThan(1);
      }
      // The demo's signals show, and the small counts are hidden and said to be.
      expect(await page.locator('use.area[fill^="#"]:not([fill="#ffffff"])').count()).toBeGreaterThan(0);
      expect(await page.locator('.legend').textContent()).toContain('Verborgen om mensen te beschermen');
      await expectFitsAndAccessible(page, width, javaScript);

      // Housing, per 1,000 residents, by commune.
      await page.getByLabel('Thema', { exact: true }).selectOption({ label: 'Wonen' });
      await page.getByRole('radio', { name: 'Per 1.000 inwoners' }).check();
      await page.getByRole('radio', { name: 'gemeente', exact: true }).check();
      await page.getByRole('button', { name: 'Toon', exact: true }).click();
      await page.waitForURL('**/nl/evidence?**theme=housing**');
      expect(await page.locator('figure.evidence-figure figcaption').textContent()).toContain(
        'Per 1.000 inwoners — Wonen',
      );
      expect(await page.locator('use.area').count()).toBe(19);
      const molenbeek = page.getByRole('row', { name: /^Sint-Jans-Molenbeek/ });
      expect(await molenbeek.count()).toBe(1);
      if (javaScript) await page.locator('.evidence-map[data-ready="true"]').waitFor();
      await expectFitsAndAccessible(page, width, javaScript);

      // A month in the future: the reason next to the field, in Dutch.
      await page.goto(`${h.baseUrl}/nl/evidence?from=2099-01`);
      expect(await page.locator('main').textContent()).toContain(
        'Geef een maand met jaar en maand (2026-03), van januari 2000 tot deze maand.',
      );
      await expectFitsAndAccessible(page, width, javaScript);
      await context.close();
    });
});
