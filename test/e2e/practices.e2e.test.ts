// Good practices in a real browser: a member writes one up in Dutch and French at 1280 px, from the
// footer's link, ticking items of the shared lists and typing a new one, and publishes it; a French
// visitor on a 390 px phone finds it in the library by a French word and reads it; the author's form
// and buttons fit a phone too. Every page passes axe and nothing scrolls sideways.
import { describe, expect, it } from 'vitest';
import { expectFitsAndAccessible, logIn, openPage, useBrowserHarness } from '../helpers/browser.ts';
import { memberOf, sql } from '../helpers/members.ts';

const h = useBrowserHarness();

describe('good practices', () => {
  it('a member writes a practice in Dutch and French and publishes it; a visitor finds it by a French word', async () => {
    const [own, other] = await sql(h, 'select id from organisations order by provenance_id limit 2');
    const author = await memberOf(h, own.id, ['referrer'], { locale: 'nl' });

    const desk = await openPage(h.browser, 'nl', 1280);
    await logIn(h, desk, 'nl', author.email);
    await desk.goto(`${h.baseUrl}/nl/`);
    await desk.getByRole('link', { name: 'Goede praktijken van het werkveld' }).click();
    await desk.waitForURL('**/nl/practices');
    await expectFitsAndAccessible(desk, 1280, true);
    await desk.getByRole('link', { name: 'Een praktijk beschrijven' }).click();
    await desk.waitForURL('**/nl/practices/new');
    await expectFitsAndAccessible(desk, 1280, true);

    await desk.locator('input[name="title.nl"]').fill('Een gedeelde tolkenpool voor buurtwerkingen');
    await desk
      .locator('input[name="title.fr"]')
      .fill('Un pool d’interprètes partagé entre maisons de quartier');
    await desk
      .locator('textarea[name="summary.nl"]')
      .fill('Drie buurtwerkingen delen tolken en een ruimte, over de gemeenschappen heen.');
    await desk
      .locator('textarea[name="summary.fr"]')
      .fill('Trois maisons de quartier partagent des interprètes et un local, par-delà les communautés.');
    await desk
      .locator('textarea[name="story.nl"]')
      .fill('Het begon op een netwerkdag.\n\nNu plannen we samen de tolken in.');
    await desk.getByLabel('Taalbarrière', { exact: true }).check();
    await desk.getByLabel('Geen ruimte', { exact: true }).check();
    await desk.locator('textarea[name=new_obstacles]').fill('Wachtlijsten bij de tolkendienst');
    await desk.getByLabel('Tolken', { exact: true }).check();
    await desk.getByLabel('Een netwerkdag over de gemeenschappen heen').check();
    await desk.locator('input[name=communes][value="21004"]').check();
    await desk.locator('textarea[name=organisations]').fill(`${h.baseUrl}/nl/organisations/${other.id}`);
    await desk.locator('input[name=contact_name]').fill('Amina El Idrissi');
    await desk.locator('input[name=contact_way]').fill('amina@example.org');
    await desk.locator('textarea[name=links]').fill('https://example.org/verslag');
    await desk.getByRole('button', { name: 'Het ontwerp bewaren' }).click();
    await desk.waitForURL(/\/nl\/practices\/[a-z0-9-]+\?done=created/);
    const slug = new URL(desk.url()).pathname.split('/').pop()!;
    expect(await desk.locator('h1').textContent()).toBe('Een gedeelde tolkenpool voor buurtwerkingen');
    expect(await desk.locator('.notice.warn').textContent()).toContain('Dit is een ontwerp');
    await expectFitsAndAccessible(desk, 1280, true);
    await desk.getByRole('button', { name: 'Publiceren' }).click();
    await desk.waitForURL(/done=published/);
    expect(await desk.locator('.notice').first().textContent()).toBe('De praktijk is gepubliceerd.');
    await expectFitsAndAccessible(desk, 1280, true);

    // A French visitor on a phone searches the library in French.
    const phone = await openPage(h.browser, 'fr', 390);
    await phone.goto(`${h.baseUrl}/fr/practices`);
    await expectFitsAndAccessible(phone, 390, true);
    await phone
      .getByRole('searchbox', { name: 'Chercher dans les pratiques, dans toutes les langues' })
      .fill('interprètes');
    await phone.getByRole('button', { name: 'Chercher', exact: true }).click();
    await phone.waitForURL('**/fr/practices?q=*');
    await expectFitsAndAccessible(phone, 390, true);
    await phone
      .getByRole('link', { name: 'Un pool d’interprètes partagé entre maisons de quartier' })
      .click();
    await phone.waitForURL(`**/fr/practices/${slug}`);
    expect((await phone.locator('.worksheet-obstacle li').allTextContents()).sort()).toEqual([
      'Barrière de la langue',
      'Pas de local',
      'Wachtlijsten bij de tolkendienst',
    ]);
    expect(await phone.locator('.worksheet-obstacle li[lang="nl"]').count()).toBe(1);
    expect(await phone.locator(`a[href="/fr/organisations/${other.id}"]`).count()).toBeGreaterThan(0);
    expect(await phone.locator('main').textContent()).toContain('Amina El Idrissi');
    await expectFitsAndAccessible(phone, 390, true);

    // The author on a phone: the form to change it and the practice's own buttons fit too.
    const mobile = await openPage(h.browser, 'nl', 390);
    await logIn(h, mobile, 'nl', author.email);
    await mobile.goto(`${h.baseUrl}/nl/practices/${slug}/edit`);
    expect(await mobile.locator('input[name="title.fr"]').inputValue()).toBe(
      'Un pool d’interprètes partagé entre maisons de quartier',
    );
    await expectFitsAndAccessible(mobile, 390, true);
    await mobile.goto(`${h.baseUrl}/nl/practices/mine`);
    await expectFitsAndAccessible(mobile, 390, true);
    await mobile.getByRole('link', { name: 'Een gedeelde tolkenpool voor buurtwerkingen' }).click();
    await mobile.waitForURL(`**/nl/practices/${slug}`);
    expect(await mobile.getByRole('button', { name: 'Niet meer publiceren' }).isVisible()).toBe(true);
    await expectFitsAndAccessible(mobile, 390, true);
    await mobile.context().close();
    await desk.context().close();
    await phone.context().close();
  });
});
