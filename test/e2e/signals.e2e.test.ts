// Signalling a need in a real browser, in French: without JavaScript on a 390 px phone, and with it
// on a desktop and a phone, where every page passes axe and nothing scrolls sideways (axe and the
// width check run scripts in the page, so they run where JavaScript is on). Refused first with the
// reasons next to the fields, then sent.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserHarness, expectAccessible, startBrowserHarness } from '../helpers/browser.ts';
import { allowSlowTests } from '../helpers/slow-tests.ts';

allowSlowTests();

let h: BrowserHarness;
beforeAll(async () => {
  h = await startBrowserHarness();
});
afterAll(() => h?.close());

async function expectFitsAndAccessible(page: Page, width: number, javaScript: boolean): Promise<void> {
  if (!javaScript) return;
  await expectAccessible(page);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, `sideways scroll at ${width} px`).toBeLessThanOrEqual(1);
}

describe('signalling a need', () => {
  for (const [width, javaScript] of [
    [390, false],
    [1280, true],
    [390, true],
  ] as const)
    it(`works at ${width} px ${javaScript ? 'with' : 'without'} JavaScript, in French`, async () => {
      const context = await h.browser.newContext({
        javaScriptEnabled: javaScript,
        locale: 'fr',
        viewport: { width, height: 900 },
      });
      const page = await context.newPage();
      page.setDefaultTimeout(8_000);
      await page.goto(`${h.baseUrl}/fr/signals/new`);
      expect(await page.locator('h1').textContent()).toBe('Signaler un besoin');
      await expectFitsAndAccessible(page, width, javaScript);

      // Sent without a place or a date: the reasons, next to their fields.
      await page.getByRole('checkbox', { name: 'Logement' }).check();
      await page.getByRole('button', { name: 'Envoyer le signal' }).click();
      await page.waitForLoadState();
      const main = (await page.locator('main').textContent()) ?? '';
      expect(main).toContain('Dites où : choisissez un quartier ou une commune');
      expect(main).toContain('Choisissez qui est concerné.');
      expect(await page.getByRole('checkbox', { name: 'Logement' }).isChecked()).toBe(true);
      await expectFitsAndAccessible(page, width, javaScript);

      await page.getByLabel('Commune').selectOption({ label: 'Molenbeek-Saint-Jean' });
      await page.getByLabel('Qui est concerné ?').selectOption({ label: 'Familles' });
      await page.getByRole('radio', { name: '6 à 20' }).check();
      await page.getByLabel('Quand l’avez-vous constaté ?').fill('2026-11-20');
      await page
        .getByLabel('Qu’avez-vous vu ?')
        .fill('Des familles dorment dans des voitures près du canal.');
      await page.getByRole('button', { name: 'Envoyer le signal' }).click();
      await page.waitForURL('**/fr/signals/new?done=pending');
      expect(await page.locator('main').textContent()).toContain(
        'Merci : un modérateur va regarder votre signal.',
      );
      await expectFitsAndAccessible(page, width, javaScript);
      await context.close();
    });
});
