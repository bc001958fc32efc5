// Handing a service to someone: from the service page to its card, in the person's language, on
// one printed page or as an SMS text to copy; and the number and hours on the search results.
import { sql } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserHarness, expectAccessible, startBrowserHarness } from '../helpers/browser.ts';
import { allowSlowTests } from '../helpers/slow-tests.ts';

allowSlowTests();

let h: BrowserHarness;
/** The service with the fullest card: several places or lines of hours, words on transport. */
let serviceId: string;
beforeAll(async () => {
  h = await startBrowserHarness();
  const { rows } = await h.database.db.execute<{ id: string }>(sql`
    select s.id from services s
    join service_at_locations sal on sal.service_id = s.id join locations l on l.id = sal.location_id
    where s.status = 'active' and l.transport is not null
    group by s.id
    order by (select count(*) from schedules h where h.service_id = s.id) + count(*) * 3 desc, s.id
    limit 1`);
  serviceId = rows[0]!.id;
});
afterAll(() => h?.close());

/** A4 and A5 less the card's 12 mm margins each side, in CSS pixels (96 per inch). */
const mm = 96 / 25.4;
const a4 = { width: Math.floor(186 * mm), height: Math.floor(273 * mm) };
const a5 = { width: Math.floor(124 * mm), height: Math.floor(186 * mm) };

async function noSidewaysScroll(page: Page): Promise<void> {
  const { scroll, client } = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    client: document.documentElement.clientWidth,
  }));
  expect(scroll).toBeLessThanOrEqual(client);
}

describe('the card of a service', () => {
  it('opens from the service page, changes language, copies the SMS text, passes axe at 1280 and 390 px', async () => {
    const context = await h.browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: h.baseUrl });
    const page = await context.newPage();
    await page.goto(`${h.baseUrl}/en/services/${serviceId}`);
    await page.getByRole('link', { name: 'Print or send this to someone' }).click();
    await page.waitForURL(`**/en/services/${serviceId}/card`);
    await expectAccessible(page);
    expect(await page.locator('article.service-card').getAttribute('lang')).toBe('en');

    await page.getByLabel('Language of the card').selectOption('fr');
    await page.getByRole('button', { name: 'Show the card' }).click();
    await page.waitForURL(/card\?lang=fr$/);
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.locator('article.service-card').getAttribute('lang')).toBe('fr');
    await expect(page.locator('.service-card dt').first().textContent()).resolves.toMatch(/Adresse/);
    await expectAccessible(page);

    const sms = page.getByLabel('Copy this text into a message. You may change it.');
    const text = await sms.inputValue();
    expect([...text].length).toBeLessThan(300);
    expect(text).toContain('Ouvert : ');
    expect(await page.locator('#sms-count').textContent()).toBe(String([...text].length));
    await page.getByRole('button', { name: 'Copy the text' }).click();
    await page.getByText('Copied. Paste it into your message.').waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(text);
    // A change to the text is counted again.
    await sms.fill(`${text} !`);
    expect(await page.locator('#sms-count').textContent()).toBe(String([...text].length + 2));

    await page.setViewportSize({ width: 390, height: 844 });
    await page.reload();
    await noSidewaysScroll(page);
    await expectAccessible(page);
    await context.close();
  });

  it('prints the card alone, black on white, on one A4 page', async () => {
    // A short window, so the page's height is its content's, not the window's.
    const page = await h.browser.newPage({ viewport: { width: a4.width, height: 200 } });
    await page.goto(`${h.baseUrl}/nl/services/${serviceId}/card?lang=fr`);
    await page.emulateMedia({ media: 'print' });
    for (const hidden of ['.site-header', '.site-footer', '.breadcrumb', '.card-tools', '.card-sms'])
      expect(await page.locator(hidden).isVisible(), hidden).toBe(false);
    expect(await page.locator('article.service-card').isVisible()).toBe(true);
    const { height, colours } = await page.evaluate(() => ({
      height: document.documentElement.scrollHeight,
      colours: [...document.querySelectorAll('.service-card, .service-card a, .service-card dt')].map(
        (e) => getComputedStyle(e).color,
      ),
    }));
    expect(height).toBeLessThanOrEqual(a4.height);
    expect(new Set(colours)).toEqual(new Set(['rgb(0, 0, 0)']));
    // What Chromium itself prints: one page.
    const pdf = (await page.pdf({ format: 'A4' })).toString('latin1');
    expect(pdf.match(/\/Type\s*\/Page[^s]/g)).toHaveLength(1);
    // An A5 sheet is tighter; the card is measured there too.
    await page.setViewportSize({ width: a5.width, height: 200 });
    const a5Height = await page.evaluate(() => document.documentElement.scrollHeight);
    console.info(
      `card height in print: ${height}px of ${a4.height} on A4, ${a5Height}px of ${a5.height} on A5`,
    );
    await page.close();
  });

  it('works without JavaScript: the language is a form, the text can be selected', async () => {
    const context = await h.browser.newContext({
      javaScriptEnabled: false,
      viewport: { width: 390, height: 844 },
    });
    const page = await context.newPage();
    await page.goto(`${h.baseUrl}/fr/services/${serviceId}/card`);
    expect(await page.getByRole('button', { name: 'Copier le texte' }).isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: 'Imprimer la fiche' }).isVisible()).toBe(false);
    await page.getByLabel('Langue de la fiche').selectOption('nl');
    await page.getByRole('button', { name: 'Afficher la fiche' }).click();
    await page.waitForURL(/card\?lang=nl$/);
    expect(await page.locator('article.service-card').getAttribute('lang')).toBe('nl');
    const value = await page.locator('#sms-text').inputValue();
    expect(value).toContain('Open: ');
    await page.locator('#sms-text').selectText();
    const selected = await page
      .locator('#sms-text')
      .evaluate((e: HTMLTextAreaElement) => e.value.slice(e.selectionStart, e.selectionEnd));
    expect(selected).toBe(value);
    await noSidewaysScroll(page);
    await context.close();
  });
});

describe('search results', () => {
  it('show the number as a link to call and the hours in words, at 390 px too', async () => {
    const context = await h.browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await page.goto(`${h.baseUrl}/en/search?q=debt`);
    const first = page.locator('.results-list .result').first();
    await first.waitFor();
    const call = page.locator('.results-list .result-phone a').first();
    expect(await call.getAttribute('href')).toMatch(/^tel:\+?\d{6,}$/);
    expect(await call.textContent()).toMatch(/^Call [+\d][\d ./]+$/);
    const badges = await page.locator('.results-list .badge.hours').allTextContents();
    expect(badges.length).toBeGreaterThan(0);
    for (const badge of badges)
      expect(badge).toMatch(
        /^(Open now · until .*\d\d:\d\d|Closed( · opens .+ at \d\d:\d\d)?|Opening hours not known)$/,
      );
    await noSidewaysScroll(page);
    await expectAccessible(page);
    await page.setViewportSize({ width: 1280, height: 900 });
    await expectAccessible(page);
    await context.close();
  });
});
