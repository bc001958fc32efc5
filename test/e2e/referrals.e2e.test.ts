// A referral in real browsers, each side in its own language: Sara of organisation A (French)
// refers someone from B's service page, meets a refused form first; Pieter of B (Dutch) sees it in
// his menu, asks a question, accepts, and records the outcome; Sara sees the same timeline. Then
// the figures, API tokens and analysts' pages. Each page passes axe.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserHarness, expectAccessible, startBrowserHarness } from '../helpers/browser.ts';
import { testPassword } from '../helpers/form-client.ts';
import {
  inDays,
  memberOf,
  type ReferralWorld,
  referralWorld,
  sendReferral,
  sql,
} from '../helpers/referrals.ts';
import { allowSlowTests } from '../helpers/slow-tests.ts';

allowSlowTests();

let h: BrowserHarness;
let world: ReferralWorld;
beforeAll(async () => {
  h = await startBrowserHarness();
  world = await referralWorld(h);
});
afterAll(() => h?.close());

async function logIn(browser: Browser, email: string, locale: 'fr' | 'nl' | 'en'): Promise<Page> {
  const context = await browser.newContext({ locale });
  const page = await context.newPage();
  // A step that cannot happen fails in seconds, naming the step, rather than at the test's timeout.
  page.setDefaultTimeout(8_000);
  await page.goto(`${h.baseUrl}/${locale}/login`);
  await page.locator('input[name=email]').fill(email);
  await page.locator('input[name=password]').fill(testPassword);
  await page.locator('form.form button[type=submit]').click();
  await page.waitForURL(`**/${locale}/account`);
  return page;
}

describe('a referral from A to B and back', () => {
  it('is sent in French, handled in Dutch, and ends with an outcome both sides see', async () => {
    const sara = await memberOf(h, world.orgA, ['referrer'], { locale: 'fr', name: 'Sara' });
    const pieter = await memberOf(h, world.orgB, ['referrer'], { locale: 'nl', name: 'Pieter' });

    // A: from B's service page to the form.
    const a = await logIn(h.browser, sara.email, 'fr');
    await a.goto(`${h.baseUrl}/fr/services/${world.serviceB}`);
    await a.getByRole('link', { name: 'Orienter quelqu’un' }).click();
    await a.waitForURL('**/fr/referrals/new?service=*');
    expect(await a.locator('main').textContent()).toContain(
      'N’écrivez jamais de numéro de registre national',
    );
    await expectAccessible(a);

    // A refused form keeps what was typed and says what is wrong.
    await a.getByLabel('Prénom ou initiales').fill('Fatima');
    await a.getByRole('button', { name: 'Envoyer l’orientation' }).click();
    await expect
      .poll(() => a.locator('.error-summary').textContent())
      .toContain('Choisissez au moins une langue');
    expect(await a.getByLabel('Prénom ou initiales').inputValue()).toBe('Fatima');
    await expectAccessible(a);

    await a.getByRole('checkbox', { name: /^arabe$/i }).check();
    await a.getByRole('checkbox', { name: /^français$/i }).check();
    await a.getByRole('radio', { name: 'Téléphone' }).check();
    await a.getByLabel('Numéro de téléphone ou adresse e-mail').fill('0470 12 34 56');
    await a
      .getByLabel('De quoi la personne a-t-elle besoin ?')
      .fill('Cherche une aide alimentaire pour sa famille.');
    await a.getByRole('radio', { name: 'Cette semaine' }).check();
    await a.getByRole('radio', { name: 'Oralement' }).check();
    await a.getByLabel('Jusqu’à quand ?').fill(inDays(60));
    await a.getByRole('button', { name: 'Envoyer l’orientation' }).click();
    await a.waitForURL(/\/fr\/referrals\/[0-9a-f-]{36}\?done=sent/);
    expect(await a.getByRole('status').textContent()).toContain('L’orientation est envoyée.');
    const url = a.url().replace(/\?.*$/, '');
    const id = /referrals\/([0-9a-f-]{36})/.exec(url)![1]!;
    await expectAccessible(a);

    // B: the menu says something is new; the referral reads in Dutch, the theme in three languages.
    const b = await logIn(h.browser, pieter.email, 'nl');
    expect(await b.locator('.account-nav').textContent()).toContain('1 nieuw');
    await b.getByRole('link', { name: /Doorverwijzingen/ }).click();
    await b.waitForURL('**/nl/referrals');
    await expectAccessible(b);
    await b.locator(`a[href="/nl/referrals/${id}"]`).click();
    await b.waitForURL(`**/nl/referrals/${id}`);
    expect(await b.locator('main').textContent()).toContain('Fatima');
    // The theme in Dutch only; the menu no longer counts the referral just opened.
    const [{ name: themeName }] = await sql(h, 'select name from taxonomy_terms where code = $1', [
      world.themeB,
    ]);
    expect((await b.locator('.theme-name').textContent())?.trim()).toBe(themeName.nl);
    expect(await b.locator('.account-nav').textContent()).not.toContain('nieuw');
    await expectAccessible(b);

    await b.getByLabel('Bericht aan de andere organisatie').fill('Heeft het gezin al een OCMW-kaart?');
    await b.getByRole('button', { name: 'Bericht versturen' }).click();
    await b.waitForURL(`**/nl/referrals/${id}?done=message*`);
    await b.getByRole('button', { name: 'Aanvaarden' }).click();
    await b.waitForURL(`**/nl/referrals/${id}?done=accept`);
    await b.getByRole('button', { name: 'Begeleiding gestart' }).click();
    await b.waitForURL(`**/nl/referrals/${id}?done=start`);
    await b.getByRole('radio', { name: 'Gedeeltelijk geholpen' }).check();
    await b.getByRole('button', { name: 'Afronden' }).click();
    await b.waitForURL(`**/nl/referrals/${id}?done=complete`);
    expect(await b.locator('.status').first().textContent()).toBe('Afgerond');
    await expectAccessible(b);

    // A sees the same story in French.
    await a.goto(url);
    expect(await a.locator('.status').first().textContent()).toBe('Terminée');
    const timeline = await a.locator('.timeline').textContent();
    for (const step of [
      'Créée',
      'Envoyée',
      'Message',
      'Acceptée',
      'Accompagnement commencé',
      'Terminée',
      'En partie aidée',
    ])
      expect(timeline).toContain(step);
    expect(timeline).toContain('Heeft het gezin al een OCMW-kaart?');
    await expectAccessible(a);
    await a.context().close();
    await b.context().close();
  });
});

/** Axe at desktop width and on a phone, where nothing may stick out sideways. */
async function accessibleAtBothWidths(page: Page): Promise<void> {
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await expectAccessible(page);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, `sideways scroll at ${width} px`).toBeLessThanOrEqual(1);
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

describe('after "not helped": referring the person elsewhere', () => {
  it('offers no "decline" once started, then lets the sender refer the person elsewhere, linked both ways', async () => {
    const sara = await memberOf(h, world.orgA, ['referrer'], { locale: 'fr', name: 'Sara' });
    const pieter = await memberOf(h, world.orgB, ['referrer'], { locale: 'nl', name: 'Pieter' });
    const id = await sendReferral(sara, world);

    const b = await logIn(h.browser, pieter.email, 'nl');
    await b.goto(`${h.baseUrl}/nl/referrals/${id}`);
    expect(await b.getByRole('button', { name: 'Weigeren' }).count()).toBe(1);
    await b.getByRole('button', { name: 'Aanvaarden' }).click();
    await b.waitForURL(`**/nl/referrals/${id}?done=accept`);
    await b.getByRole('button', { name: 'Begeleiding gestart' }).click();
    await b.waitForURL(`**/nl/referrals/${id}?done=start`);
    // Started: "decline" is no longer offered; the outcome is.
    expect(await b.getByRole('button', { name: 'Weigeren' }).count()).toBe(0);
    await accessibleAtBothWidths(b);
    await b.getByRole('radio', { name: 'Niet geholpen' }).check();
    await b.getByRole('button', { name: 'Afronden' }).click();
    await b.waitForURL(`**/nl/referrals/${id}?done=complete`);
    expect(await b.getByRole('link', { name: 'Elders doorverwijzen' }).count()).toBe(1);
    await b.context().close();

    const a = await logIn(h.browser, sara.email, 'fr');
    await a.goto(`${h.baseUrl}/fr/referrals/${id}`);
    await accessibleAtBothWidths(a);
    await a.getByRole('link', { name: 'Orienter ailleurs' }).click();
    await a.waitForURL(`**/fr/referrals/new?follows=${id}`);
    await accessibleAtBothWidths(a);
    await a.locator('.elsewhere-choices a').first().click();
    await a.waitForURL(/\/fr\/referrals\/new\?service=.*follows=/);
    // The need is carried; the name, the contact and the consent are asked again.
    expect(await a.getByLabel('De quoi la personne a-t-elle besoin ?').inputValue()).toContain('voedselhulp');
    expect(await a.getByLabel('Prénom ou initiales').inputValue()).toBe('');
    expect(await a.locator('main').textContent()).toContain('ne sont pas repris');
    await accessibleAtBothWidths(a);
    await a.getByLabel('Prénom ou initiales').fill('F.');
    await a.getByRole('radio', { name: 'Via nous (l’envoyeur)' }).check();
    await a.getByRole('radio', { name: 'Oralement' }).check();
    await a.getByLabel('Jusqu’à quand ?').fill(inDays(30));
    await a.getByRole('button', { name: 'Envoyer l’orientation' }).click();
    await a.waitForURL(/\/fr\/referrals\/[0-9a-f-]{36}\?done=sent/);
    expect(await a.locator('.timeline').textContent()).toContain('Suite d’une orientation précédente');
    await a.getByRole('link', { name: 'Ouvrir l’orientation précédente' }).click();
    await a.waitForURL(`**/fr/referrals/${id}`);
    expect(await a.locator('.timeline').textContent()).toContain('Orientée ailleurs');
    expect(await a.getByRole('link', { name: 'Ouvrir la nouvelle orientation' }).count()).toBe(1);
    await accessibleAtBothWidths(a);
    await a.context().close();
  });
});

describe('pages around referrals', () => {
  it('shows figures, API tokens and the analysts’ charts, each accessible', async () => {
    const admin = await memberOf(h, world.orgA, ['admin'], { locale: 'en' });
    await sql(h, `update users set platform_role = 'analyst' where id = $1`, [admin.id]);
    const page = await logIn(h.browser, admin.email, 'en');

    await page.goto(`${h.baseUrl}/en/manage/organisations/${world.orgA}/referrals`);
    expect(await page.locator('h1').textContent()).toMatch(/^Referrals of .+ in figures$/);
    await expectAccessible(page);

    await page.goto(`${h.baseUrl}/en/manage/organisations/${world.orgA}/api-tokens`);
    await page.getByLabel('Name').fill('Case files');
    await page.getByRole('button', { name: 'Create token' }).click();
    await expect.poll(() => page.locator('code.token').textContent()).toMatch(/^psl_/);
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Revoke token Case files' }).click();
    await page.waitForURL('**/api-tokens?done=revoked');
    expect(await page.locator('main').textContent()).toContain('No tokens yet.');

    // The analysis shows complete months: the referrals of the tests above move to last month.
    await sql(
      h,
      `update referrals set created_at = created_at - interval '1 month', sent_at = sent_at - interval '1 month',
         closed_at = closed_at - interval '1 month'`,
    );
    await page.getByRole('link', { name: 'Analysis' }).click();
    await page.waitForURL('**/en/analysis/referrals');
    expect(await page.locator('svg[role=img]').count()).toBe(3);
    expect(await page.locator('main').textContent()).toContain('(so far)');
    expect(await page.locator('#unmet-quartier-caption').count()).toBe(1);
    await accessibleAtBothWidths(page);
    const download = await page.request.get(`${h.baseUrl}/en/analysis/referrals.csv`);
    expect(download.status()).toBe(200);
    expect((await download.text()).split('\r\n')[0]).toBe('table,row_code,row,column_code,column,count');
    await page.context().close();
  });
});
