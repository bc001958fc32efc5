// Signalling a need in a real browser, in French: without JavaScript on a 390 px phone, and with it
// on a desktop and a phone, where every page passes axe and nothing scrolls sideways (axe and the
// width check run scripts in the page, so they run where JavaScript is on). Refused first with the
// reasons next to the fields, then sent.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectFitsAndAccessible, useBrowserHarness } from '../helpers/browser.ts';
import { testPassword } from '../helpers/form-client.ts';
import { memberOf, signedInPerson, sql } from '../helpers/members.ts';

const h = useBrowserHarness();

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
      if (javaScript) {
        // With JavaScript a point picked on the map says where, before the commune: its centre is
        // the Grand-Place, in the City of Brussels.
        const map = page.locator('.location-map[data-ready="true"]');
        await map.click();
        expect(Number(await page.getByLabel('Latitude').inputValue())).toBeCloseTo(50.8466, 2);
      } else expect(await page.locator('.location-map').isVisible()).toBe(false);
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
      const [sent] = await sql(h, 'select commune_nis from need_signals order by created_at desc limit 1');
      expect(sent.commune_nis).toBe(javaScript ? '21004' : '21012');
      await expectFitsAndAccessible(page, width, javaScript);
      await context.close();
    });
});

async function logIn(email: string, locale: string): Promise<Page> {
  const page = await (await h.browser.newContext({ locale })).newPage();
  page.setDefaultTimeout(8_000);
  await page.goto(`${h.baseUrl}/${locale}/login`);
  await page.locator('input[name=email]').fill(email);
  await page.locator('input[name=password]').fill(testPassword);
  await page.locator('form.form button[type=submit]').click();
  // The account page in the person's own language.
  await page.waitForURL('**/account');
  return page;
}

describe('reading signals', () => {
  it('lets a moderator publish a visitor’s signal, and a member read her organisation’s, at both widths', async () => {
    const [{ id: org }] = await sql(h, 'select id from organisations order by provenance_id limit 1');
    const member = await memberOf(h, org, ['editor'], { locale: 'nl' });
    await member.get('/nl/signals/new');
    await member.post('/nl/signals/new', {
      organisation: org,
      themes: 'housing',
      commune: '21004',
      target_group: 'families',
      people: '2_5',
      seen_on: '2026-11-20',
      note: 'Gezinnen slapen in de auto aan het kanaal.',
    });

    const own = await logIn(member.email, 'nl');
    await own.goto(`${h.baseUrl}/nl/manage/organisations/${org}/signals`);
    expect(await own.locator('main').textContent()).toContain('Gezinnen slapen in de auto aan het kanaal.');
    for (const width of [1280, 390]) {
      await own.setViewportSize({ width, height: 900 });
      await expectFitsAndAccessible(own, width, true);
    }

    const moderator = await signedInPerson(h, { platformRole: 'moderator' });
    const page = await logIn(moderator.email, 'fr');
    await page.goto(`${h.baseUrl}/fr/moderation/signals`);
    const waiting = await page.locator('.cards .card').count();
    expect(waiting).toBeGreaterThan(0);
    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: 900 });
      await expectFitsAndAccessible(page, width, true);
    }
    await page.getByRole('button', { name: 'Publier' }).first().click();
    await page.waitForURL('**/fr/moderation/signals?done=published');
    expect(await page.locator('.cards .card').count()).toBe(waiting - 1);
    await expectFitsAndAccessible(page, 390, true);
  });
});
