// Offers and requests in a real browser: a Dutch-speaking member offers interpreters in Tigrinya at
// 1280 px; a French-speaking member of another organisation, on a 390 px phone, goes from the
// footer's link to the board, posts a request for a Tigrinya interpreter in French, and sees the
// Dutch offer among its matches; the offer's page shows the request the other way round. Every page
// passes axe and nothing scrolls sideways.
import { describe, expect, it } from 'vitest';
import { expectFitsAndAccessible, logIn, openPage, useBrowserHarness } from '../helpers/browser.ts';
import { memberOf, sql } from '../helpers/members.ts';
import { addDays, brusselsDay } from '../../src/modules/exchange/posts/dates.ts';

const h = useBrowserHarness();

describe('offers and requests between organisations', () => {
  it('a request posted in French on a phone shows the matching Dutch offer, and the offer shows it', async () => {
    const [own, other] = await sql(h, 'select id from organisations order by provenance_id limit 2');
    const helper = await memberOf(h, own.id, ['editor'], { locale: 'nl' });
    const asker = await memberOf(h, other.id, ['admin'], { locale: 'fr' });
    const today = brusselsDay(new Date());

    const desk = await openPage(h.browser, 'nl', 1280);
    await logIn(h, desk, 'nl', helper.email);
    await desk.goto(`${h.baseUrl}/nl/exchange/new`);
    await expectFitsAndAccessible(desk, 1280, true);
    await desk.getByLabel('Iets aanbieden').check();
    await desk.locator('select[name=kind]').selectOption('interpreting');
    await desk.locator('input[name="title.nl"]').fill('Vrijwillige tolken Tigrinya en Amhaars');
    await desk
      .locator('textarea[name="body.nl"]')
      .fill('Onze groep begeleidt naar afspraken in heel Brussel.');
    await desk.locator('input[name=languages][value=ti]').check();
    await desk.locator('input[name=languages][value=am]').check();
    await desk.locator('input[name=all_brussels]').check();
    await desk.locator('input[name=until]').fill(addDays(today, 60));
    await desk.getByRole('button', { name: 'Op het prikbord zetten' }).click();
    await desk.waitForURL(/\/nl\/exchange\/[0-9a-f-]+\?done=posted/);
    const offerPath = new URL(desk.url()).pathname;
    expect(await desk.locator('h1').textContent()).toBe('Vrijwillige tolken Tigrinya en Amhaars');
    await expectFitsAndAccessible(desk, 1280, true);

    // On a phone, in French, from the footer.
    const phone = await openPage(h.browser, 'fr', 390);
    await logIn(h, phone, 'fr', asker.email);
    await phone.goto(`${h.baseUrl}/fr/`);
    await phone.getByRole('link', { name: 'Offres et demandes entre organisations' }).click();
    await phone.waitForURL('**/fr/exchange');
    await expectFitsAndAccessible(phone, 390, true);
    await phone.getByRole('link', { name: 'Proposer ou demander quelque chose' }).click();
    await phone.waitForURL('**/fr/exchange/new');
    await expectFitsAndAccessible(phone, 390, true);
    // A first try without a title: refused in words, nothing stored.
    await phone.locator('select[name=kind]').selectOption('interpreting');
    await phone.locator('input[name=languages][value=ti]').check();
    await phone.locator('input[name=communes][value="21015"]').check();
    await phone.locator('input[name=until]').fill(addDays(today, 30));
    await phone.getByRole('button', { name: 'Publier sur le tableau' }).click();
    await phone.waitForURL('**/fr/exchange/new');
    expect(await phone.locator('.error-summary, [role=alert]').first().textContent()).toContain(
      'Donnez un titre dans au moins une langue.',
    );
    await expectFitsAndAccessible(phone, 390, true);
    await phone.locator('input[name="title.fr"]').fill('Cherchons interprète en tigrinya');
    await phone
      .locator('textarea[name="body.fr"]')
      .fill('Pour les réunions de parents de notre école de devoirs, deux soirs par mois.');
    await phone.getByRole('button', { name: 'Publier sur le tableau' }).click();
    await phone.waitForURL(/\/fr\/exchange\/[0-9a-f-]+\?done=posted/);
    const requestPath = new URL(phone.url()).pathname;
    expect(await phone.locator('h1').textContent()).toBe('Cherchons interprète en tigrinya');
    const matches = phone.locator('section[aria-labelledby=matches-title]');
    expect(await matches.locator('h2').textContent()).toBe('Offres qui correspondent');
    const match = matches.getByRole('link', { name: 'Vrijwillige tolken Tigrinya en Amhaars' });
    expect(await match.getAttribute('href')).toBe(offerPath.replace('/nl/', '/fr/'));
    expect(await matches.locator('[lang=nl]').count()).toBe(1);
    await expectFitsAndAccessible(phone, 390, true);

    // The offer's page, on the desk, shows the request.
    await desk.goto(`${h.baseUrl}${offerPath}`);
    expect(
      await desk
        .locator(`section[aria-labelledby=matches-title] a[href="${requestPath.replace('/fr/', '/nl/')}"]`)
        .count(),
    ).toBe(1);
    await expectFitsAndAccessible(desk, 1280, true);
    // The board at 1280 px, filtered by language.
    await desk.goto(`${h.baseUrl}/nl/exchange?language=ti`);
    expect(await desk.locator('.exchange-card').count()).toBe(2);
    await expectFitsAndAccessible(desk, 1280, true);
    expect((await sql(h, 'select count(*)::int as n from exchange_posts'))[0].n).toBe(2);

    await desk.context().close();
    await phone.context().close();
  });
});
