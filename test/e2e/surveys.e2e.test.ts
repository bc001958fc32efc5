// Building and answering a survey in a real browser, in French, on a 390 px phone: without
// JavaScript, and with it on a phone and a desktop, where every page passes axe and nothing scrolls
// sideways (axe and the width check run scripts in the page, so they run where JavaScript is on).
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { geoReference } from '../../src/modules/geo/index.ts';
import { expectFitsAndAccessible, useBrowserHarness } from '../helpers/browser.ts';
import { testPassword } from '../helpers/form-client.ts';
import { memberOf, sql } from '../helpers/members.ts';

const h = useBrowserHarness();

const quartier = geoReference().quartiers.find((q) => q.communeNis === '21004')!;

async function browser(width: number, javaScript: boolean): Promise<{ context: BrowserContext; page: Page }> {
  const context = await h.browser.newContext({
    javaScriptEnabled: javaScript,
    locale: 'fr',
    viewport: { width, height: 900 },
  });
  const page = await context.newPage();
  page.setDefaultTimeout(8_000);
  return { context, page };
}

describe('a survey', () => {
  for (const [width, javaScript] of [
    [390, false],
    [390, true],
    [1280, true],
  ] as const)
    it(`is built and answered at ${width} px ${javaScript ? 'with' : 'without'} JavaScript, in French`, async () => {
      const [{ id: org }] = await sql(h, 'select id from organisations order by provenance_id limit 1');
      const member = await memberOf(h, org, ['editor'], { locale: 'fr' });
      const { context, page } = await browser(width, javaScript);
      await page.goto(`${h.baseUrl}/fr/login`);
      await page.locator('input[name=email]').fill(member.email);
      await page.locator('input[name=password]').fill(testPassword);
      await page.locator('form.form button[type=submit]').click();
      await page.waitForURL('**/account');

      await page.goto(`${h.baseUrl}/fr/manage/organisations/${org}/surveys`);
      await expectFitsAndAccessible(page, width, javaScript);
      await page.getByRole('link', { name: 'Nouvelle enquête' }).click();
      expect(await page.locator('h1').textContent()).toBe('Nouvelle enquête');
      await expectFitsAndAccessible(page, width, javaScript);

      // Saved too soon: the reasons, next to their fields.
      await page.getByRole('button', { name: 'Enregistrer l’enquête' }).click();
      await page.waitForLoadState();
      const refused = (await page.locator('main').textContent()) ?? '';
      expect(refused).toContain('Donnez un titre à l’enquête');
      expect(refused).toContain('Écrivez la question');
      await expectFitsAndAccessible(page, width, javaScript);

      await page.locator('[name="title.fr"]').fill('Le logement dans le quartier');
      await page.getByRole('radio', { name: 'Tout le monde, pendant l’enquête' }).check();
      await page.locator('[name="q0-prompt.fr"]').fill('Avez-vous un logement ?');
      await page.locator('[name="q0-options.fr"]').fill('Oui\nNon\nParfois');
      await page.getByRole('button', { name: 'Ajouter une question' }).click();
      await page.waitForLoadState();
      await page.locator('[name="q1-kind"]').selectOption({ label: 'Quel quartier' });
      await page.locator('[name="q1-prompt.fr"]').fill('Dans quel quartier habitez-vous ?');
      expect(await page.locator('[name="q0-options.fr"]').inputValue()).toBe('Oui\nNon\nParfois');
      await expectFitsAndAccessible(page, width, javaScript);
      await page.getByRole('button', { name: 'Enregistrer l’enquête' }).click();
      await page.waitForURL('**/surveys?done=created');
      expect(await page.locator('main').textContent()).toContain('L’enquête est enregistrée.');
      await expectFitsAndAccessible(page, width, javaScript);

      await page.getByRole('link', { name: 'Lien et code QR à imprimer' }).first().click();
      expect(await page.locator('.survey-qr svg').count()).toBe(1);
      const link = (await page.locator('.survey-link a').textContent())!;
      await expectFitsAndAccessible(page, width, javaScript);

      // Someone else, without an account, answers from the link.
      const visitor = await browser(width, javaScript);
      await visitor.page.goto(link.replace(/^https?:\/\/[^/]+/, h.baseUrl));
      expect(await visitor.page.locator('h1').textContent()).toBe('Le logement dans le quartier');
      await expectFitsAndAccessible(visitor.page, width, javaScript);
      await visitor.page.getByRole('button', { name: 'Envoyer mes réponses' }).click();
      await visitor.page.waitForLoadState();
      expect(await visitor.page.locator('main').textContent()).toContain(
        'Répondez à au moins une question avant d’envoyer.',
      );
      await expectFitsAndAccessible(visitor.page, width, javaScript);
      await visitor.page.getByRole('radio', { name: 'Non' }).check();
      await visitor.page
        .getByLabel('Dans quel quartier habitez-vous ?')
        .selectOption({ label: quartier.name.fr });
      await visitor.page.getByRole('button', { name: 'Envoyer mes réponses' }).click();
      await visitor.page.waitForURL('**?done=sent');
      expect(await visitor.page.locator('main').textContent()).toContain(
        'Merci : vos réponses sont enregistrées.',
      );
      await expectFitsAndAccessible(visitor.page, width, javaScript);

      await visitor.page.getByRole('link', { name: 'Voir les résultats' }).click();
      const results = (await visitor.page.locator('main').textContent()) ?? '';
      // One answer: the public sees no number under 5, not even how many answered.
      expect(results).toContain('Moins de 5 réponses pour l’instant');
      expect(results).not.toContain('1 réponse');
      expect(results).toContain('Moins de 5 personnes ont répondu à cette question');
      await expectFitsAndAccessible(visitor.page, width, javaScript);

      // Its owners see the count.
      await page.goto(`${link.replace(/^https?:\/\/[^/]+/, h.baseUrl)}/results`);
      expect(await page.locator('.survey-counts').first().textContent()).toContain('Non');
      await expectFitsAndAccessible(page, width, javaScript);
      await visitor.context.close();
      await context.close();
    });
});
