// Phones, as a newcomer met them (issue 12). At 390 and 320 px wide: the first result of the search
// and directory pages shows on the first screen, because the filters fold behind one button that
// opens without JavaScript; no page scrolls sideways, however long an e-mail or web address; and
// checkboxes, radio buttons, buttons and links in lists are at least 24 px (WCAG 2.2, 2.5.8).
// Every page passes axe at each width.
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserHarness, expectAccessible, startBrowserHarness } from '../helpers/browser.ts';
import { testPassword } from '../helpers/form-client.ts';
import { memberOf, sql } from '../helpers/referrals.ts';
import { allowSlowTests } from '../helpers/slow-tests.ts';

allowSlowTests();

/** An iPhone 12 to 15, and the narrowest phones still in use (iPhone SE, first generation). */
const screens = [
  { width: 390, height: 844 },
  { width: 320, height: 568 },
];

const longEmail = 'inscriptions.permanence-sociale-et-juridique@centre-action-sociale-les-tilleuls.brussels';
const longUrl =
  'https://www.centre-action-sociale-les-tilleuls.brussels/fr/permanences-sociales-et-juridiques/inscriptions-en-ligne';

let h: BrowserHarness;
let orgId: string;
let serviceId: string;
beforeAll(async () => {
  h = await startBrowserHarness();
  const [row] = await sql(
    h,
    `select o.id as org, s.id as service from organisations o join services s on s.organisation_id = o.id
     join schedules sc on sc.service_id = s.id order by o.provenance_id, s.provenance_id limit 1`,
  );
  orgId = row.org;
  serviceId = row.service;
  // Addresses as long as real ones get: they must wrap, not widen the page.
  await sql(h, 'update organisations set email = $2, website = $3 where id = $1', [
    orgId,
    longEmail,
    longUrl,
  ]);
  await sql(h, 'update services set email = $2, url = $3 where id = $1', [serviceId, longEmail, longUrl]);
});
afterAll(() => h?.close());

/** How far the page reaches past the screen's width (0 when it does not scroll sideways). */
const overflow = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

/**
 * Targets smaller than 24 × 24 px: checkboxes, radio buttons, buttons, selects, the filters'
 * button and links that stand alone in a list. Links inside a sentence are exempt (2.5.8, inline).
 */
const smallTargets = (page: Page) =>
  page.evaluate(() =>
    [
      ...document.querySelectorAll(
        'input[type=checkbox], input[type=radio], button, select, summary, li > a, .pagination a',
      ),
    ]
      .map((element) => ({ element, box: element.getBoundingClientRect() }))
      .filter(({ element, box }) => box.width > 1 && !element.closest('.visually-hidden, .leaflet-container'))
      .filter(({ box }) => box.height < 24 || box.width < 24)
      .map(
        ({ element, box }) =>
          `${element.tagName.toLowerCase()} "${(element.textContent ?? '').trim().slice(0, 30)}" ${Math.round(box.width)}×${Math.round(box.height)}`,
      ),
  );

/**
 * Form fields that do not look like the text fields: every input type the forms use (url, email,
 * tel, date, time, search, number) has the text fields' padding, border and full width.
 */
const unlikeTextFields = (page: Page) =>
  page.evaluate(() => {
    const fields = [...document.querySelectorAll<HTMLInputElement>('.form .field > input')].filter(
      (input) => !['checkbox', 'radio', 'hidden', 'file'].includes(input.type),
    );
    const look = (input: HTMLInputElement) => {
      const style = getComputedStyle(input);
      const parent = input.parentElement!.getBoundingClientRect().width;
      return `${style.paddingLeft} ${style.borderTopWidth} ${style.borderRadius} ${input.getBoundingClientRect().width >= parent - 1}`;
    };
    const text = fields.find((input) => input.type === 'text');
    return text
      ? fields.filter((input) => look(input) !== look(text)).map((input) => `${input.type} ${input.name}`)
      : [];
  });

/** The top of the first result, from the top of the page. */
const firstResultTop = (page: Page, selector: string) =>
  page
    .locator(selector)
    .first()
    .evaluate((e) => e.getBoundingClientRect().top + window.scrollY);

async function checkPage(page: Page, path: string, width: number, axe = true) {
  await page.goto(`${h.baseUrl}${path}`);
  expect(await overflow(page), `${path} at ${width} px scrolls sideways`).toBeLessThanOrEqual(0);
  expect(await smallTargets(page), `${path} at ${width} px`).toEqual([]);
  expect(await unlikeTextFields(page), `${path} at ${width} px`).toEqual([]);
  if (axe) await expectAccessible(page);
}

describe('on a phone', () => {
  for (const screen of screens) {
    describe(`${screen.width} px wide`, () => {
      let context: BrowserContext;
      let page: Page;
      beforeAll(async () => {
        context = await h.browser.newContext({ viewport: screen, locale: 'fr-BE' });
        page = await context.newPage();
      });
      afterAll(() => context?.close());

      it('shows the first search result and the first organisation on the first screen', async () => {
        await page.goto(`${h.baseUrl}/fr/search?q=aide`);
        expect(await page.locator('details.filters-panel').getAttribute('open')).toBeNull();
        expect(await page.locator('#s-theme').isVisible()).toBe(false);
        expect(await firstResultTop(page, '#search-results .cards > li')).toBeLessThan(screen.height);
        await page.goto(`${h.baseUrl}/fr/directory?commune=21004`);
        expect(await page.locator('#f-theme').isVisible()).toBe(false);
        expect(await firstResultTop(page, '#results .cards > li')).toBeLessThan(screen.height);
      });

      it('opens the filters with their one button, and keeps them open while one chooses', async () => {
        await page.goto(`${h.baseUrl}/fr/search?q=aide`);
        await page.getByText('Filtres', { exact: true }).click();
        await page.locator('#s-kind').selectOption('formal');
        await page.waitForURL(/kind=formal/, { waitUntil: 'commit' });
        await expect.poll(() => page.locator('.filters-toggle').textContent()).toBe('Filtres (1 choisi)');
        expect(await page.locator('#s-theme').isVisible()).toBe(true);
        expect(await smallTargets(page)).toEqual([]);
        await expectAccessible(page);
      });

      it('does not scroll sideways, has targets of 24 px, and passes axe on every public page', async () => {
        for (const path of [
          '/fr/',
          '/fr/search?q=aide',
          '/fr/directory',
          `/fr/organisations/${orgId}`,
          `/fr/services/${serviceId}`,
          '/fr/map',
          '/fr/login',
        ])
          await checkPage(page, path, screen.width);
      });
    });
  }

  it('opens the filters without JavaScript', async () => {
    const context = await h.browser.newContext({ viewport: screens[1], javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${h.baseUrl}/fr/directory`);
    expect(await page.locator('#f-commune').isVisible()).toBe(false);
    await page.locator('.filters-toggle').click();
    await page.locator('#f-commune').selectOption('21004');
    await page.getByRole('button', { name: 'Afficher les résultats' }).click();
    await page.waitForURL(/commune=21004/);
    expect(await page.locator('.filters-toggle').textContent()).toBe('Filtres (1 choisi)');
    await context.close();
  });

  it('keeps the listing’s editing pages within the screen, with targets of 24 px', async () => {
    const editor = await memberOf(h, orgId, ['admin'], { locale: 'fr' });
    for (const screen of screens) {
      const context = await h.browser.newContext({ viewport: screen, locale: 'fr-BE' });
      const page = await context.newPage();
      await page.goto(`${h.baseUrl}/fr/login`);
      await page.locator('input[name=email]').fill(editor.email);
      await page.locator('input[name=password]').fill(testPassword);
      await page.locator('form.form button[type=submit]').click();
      await page.waitForURL('**/fr/account');
      for (const path of [
        `/fr/manage/organisations/${orgId}/profile`,
        `/fr/manage/organisations/${orgId}/services`,
        `/fr/manage/organisations/${orgId}/services/new`,
        `/fr/manage/services/${serviceId}`,
        `/fr/manage/services/${serviceId}/hours`,
        `/fr/manage/organisations/${orgId}/contacts`,
        `/fr/manage/organisations/${orgId}/locations`,
        `/fr/manage/organisations/${orgId}/history`,
      ])
        // axe once per page (at 390 px); the width and the targets at both.
        await checkPage(page, path, screen.width, screen.width === 390);
      await context.close();
    }
  });
});
