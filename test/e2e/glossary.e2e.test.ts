// The welfare glossary in a real browser: a French reader on a 390 px phone opens it from the
// footer, searches "OCMW" and finds the CPAS, opens it and follows a theme to the directory; a Dutch
// reader at 1280 px pages through it and opens a concept; the same search works without JavaScript;
// a moderator adds a French synonym that the directory's search then understands, and a Dutch
// moderator on a phone meets a word that is another concept's. Every page passes axe and nothing
// scrolls sideways.
import { describe, expect, it } from 'vitest';
import { expectFitsAndAccessible, logIn, openPage, useBrowserHarness } from '../helpers/browser.ts';
import { signedInPerson, sql } from '../helpers/members.ts';

const h = useBrowserHarness();

describe('the welfare glossary', () => {
  it('a French reader on a phone finds the CPAS by its Dutch name and opens it', async () => {
    const phone = await openPage(h.browser, 'fr', 390);
    await phone.goto(`${h.baseUrl}/fr/`);
    await phone.getByRole('link', { name: 'Glossaire de l’aide sociale en trois langues' }).click();
    await phone.waitForURL('**/fr/glossary');
    expect(await phone.locator('h1').textContent()).toBe('Glossaire de l’aide sociale');
    expect(await phone.locator('.glossary-entry').count()).toBe(50);
    await expectFitsAndAccessible(phone, 390, true);

    await phone
      .getByRole('searchbox', { name: 'Chercher dans le glossaire, dans n’importe quelle langue' })
      .fill('OCMW');
    await phone.getByRole('button', { name: 'Chercher', exact: true }).click();
    await phone.waitForURL('**/fr/glossary?q=OCMW');
    const entry = phone.locator('.glossary-entry', { has: phone.locator('a[href="/fr/glossary/ocmw"]') });
    expect(await entry.locator('h3').textContent()).toBe('CPAS');
    expect(await entry.locator('span[lang="nl"]').first().textContent()).toBe('OCMW');
    await expectFitsAndAccessible(phone, 390, true);

    await entry.getByRole('link', { name: 'CPAS' }).click();
    await phone.waitForURL('**/fr/glossary/ocmw');
    expect(await phone.locator('h1').textContent()).toBe('CPAS');
    expect(
      await phone.getByText('Aucune définition n’a encore été écrite pour cette notion.').isVisible(),
    ).toBe(true);
    expect(
      await phone.getByRole('link', { name: 'Chercher « CPAS » dans le répertoire' }).getAttribute('href'),
    ).toBe('/fr/search?q=CPAS');
    await expectFitsAndAccessible(phone, 390, true);
    // A theme leads to the directory filtered by it.
    const theme = phone.locator('#themes-title + ul a').first();
    const themeHref = (await theme.getAttribute('href'))!;
    expect(themeHref).toMatch(/^\/fr\/directory\?theme=/);
    await theme.click();
    await phone.waitForURL(`**${themeHref}`);
    await phone.context().close();
  });

  it('a Dutch reader at 1280 px pages through it and opens a concept', async () => {
    const desk = await openPage(h.browser, 'nl', 1280);
    await desk.goto(`${h.baseUrl}/nl/glossary`);
    await expectFitsAndAccessible(desk, 1280, true);
    const firstOfPageOne = await desk.locator('.glossary-entry h3').first().textContent();
    await desk.getByRole('link', { name: 'Volgende' }).click();
    await desk.waitForURL('**/nl/glossary?page=2');
    expect(await desk.locator('.glossary-entry').count()).toBe(50);
    expect(await desk.locator('.glossary-entry h3').first().textContent()).not.toBe(firstOfPageOne);
    await expectFitsAndAccessible(desk, 1280, true);
    await desk.goto(`${h.baseUrl}/nl/glossary?q=cpas`);
    await desk.locator('a[href="/nl/glossary/ocmw"]').click();
    await desk.waitForURL('**/nl/glossary/ocmw');
    expect(await desk.locator('h1').textContent()).toBe('OCMW');
    expect(await desk.locator('h3').allTextContents()).toEqual(
      expect.arrayContaining(['Nederlands', 'Engels', 'Frans']),
    );
    await expectFitsAndAccessible(desk, 1280, true);
    await desk.context().close();
  });

  it('searches without JavaScript', async () => {
    const context = await h.browser.newContext({
      javaScriptEnabled: false,
      locale: 'fr',
      viewport: { width: 390, height: 900 },
    });
    const page = await context.newPage();
    await page.goto(`${h.baseUrl}/fr/glossary`);
    await page.locator('input[name=q]').fill('ocmw');
    await page.locator('form[role=search] button[type=submit]').click();
    await page.waitForURL('**/fr/glossary?q=ocmw');
    expect(await page.locator('a[href="/fr/glossary/ocmw"]').textContent()).toBe('CPAS');
    await context.close();
  });

  it('a moderator adds a synonym that the search then uses', async () => {
    const moderator = await signedInPerson(h, { platformRole: 'moderator', locale: 'fr' });
    const [debt] = await sql(
      h,
      `select s.id from services s join organisations o on o.id = s.organisation_id
        where o.provenance_id = 'f-equilibre' and s.provenance_id = 'f-equilibre-mediation'`,
    );
    const word = 'plan d’apurement';
    const desk = await openPage(h.browser, 'fr', 1280);
    await logIn(h, desk, 'fr', moderator.email);
    // Before: the search does not know the word.
    await desk.goto(`${h.baseUrl}/fr/search?q=${encodeURIComponent(word)}`);
    expect(await desk.locator('.understood').count()).toBe(0);

    await desk.goto(`${h.baseUrl}/fr/glossary/schuldbemiddeling`);
    await desk.getByRole('link', { name: 'Modifier cette notion' }).click();
    await desk.waitForURL('**/fr/glossary/schuldbemiddeling/edit');
    await expectFitsAndAccessible(desk, 1280, true);
    const synonyms = desk.locator('textarea[name="synonyms.fr"]');
    await synonyms.fill(`${await synonyms.inputValue()}\n${word} | cocof`);
    await desk.getByLabel('Qu’avez-vous modifié ?').fill('Le mot employé dans les CPAS.');
    await desk.getByRole('button', { name: 'Enregistrer' }).click();
    await desk.waitForURL('**/fr/glossary/schuldbemiddeling?done=changed');
    expect(await desk.getByText('Vos modifications sont enregistrées.').isVisible()).toBe(true);
    expect(await desk.getByText(word, { exact: true }).isVisible()).toBe(true);
    expect(await desk.locator('.glossary-history li').first().textContent()).toContain(
      'Le mot employé dans les CPAS.',
    );
    await expectFitsAndAccessible(desk, 1280, true);

    // The search understands it within seconds, without a restart, and finds the debt mediation.
    const deadline = Date.now() + 10_000;
    do {
      await desk.goto(`${h.baseUrl}/fr/search?q=${encodeURIComponent(word)}`);
    } while (!(await desk.locator('.understood').count()) && Date.now() < deadline);
    expect(await desk.locator('.understood').textContent()).toContain('Recherche élargie à');
    expect(await desk.locator(`a[href="/fr/services/${debt.id}"]`).count()).toBeGreaterThan(0);
    await desk.context().close();
  });

  it('a moderator on a phone is told in Dutch that a word belongs to another concept', async () => {
    const moderator = await signedInPerson(h, { platformRole: 'moderator', locale: 'nl' });
    const phone = await openPage(h.browser, 'nl', 390);
    await logIn(h, phone, 'nl', moderator.email);
    await phone.goto(`${h.baseUrl}/nl/glossary/leefloon/edit`);
    await expectFitsAndAccessible(phone, 390, true);
    await phone.locator('textarea[name="abbreviations.nl"]').fill('OCMW');
    await phone.getByRole('button', { name: 'Bewaren' }).click();
    await phone.waitForURL('**/nl/glossary/leefloon/edit');
    expect(await phone.locator('.error-summary').textContent()).toContain(
      '‘OCMW’ is al een woord van het begrip ‘ocmw’',
    );
    expect(await phone.locator('textarea[name="abbreviations.nl"]').inputValue()).toBe('OCMW');
    await expectFitsAndAccessible(phone, 390, true);
    await phone.context().close();
  });
});
