// The shared worksheet lists in a real browser: a French moderator at 1280 px opens them from the
// library, filters the items missing a language, opens an obstacle an organisation typed in Dutch,
// is told that a French label is another item's, and translates it; a Dutch moderator on a 390 px
// phone translates another item into English. Every page passes axe and nothing scrolls sideways.
import { describe, expect, it } from 'vitest';
import { expectFitsAndAccessible, logIn, openPage, useBrowserHarness } from '../helpers/browser.ts';
import { signedInPerson, sql } from '../helpers/members.ts';

const h = useBrowserHarness();

/** An obstacle typed by an organisation in one language, used by a published practice; its id. */
async function typedItem(labels: Record<string, string>, slug: string): Promise<string> {
  const [{ id }] = await sql(
    h,
    `insert into worksheet_items (kind, labels, folded) values ('obstacle', $1, $2) returning id`,
    [labels, Object.values(labels).map((l) => l.toLowerCase())],
  );
  const [org] = await sql(h, 'select id from organisations order by provenance_id limit 1');
  await sql(
    h,
    `insert into practices (slug, organisation_id, status, title, published_at, search_terms, obstacles)
     values ($1, $2, 'published', '{"nl":"Samen wachten op tolken"}', now(), ''::tsvector, array[$3]::uuid[])`,
    [slug, org.id, id],
  );
  return id;
}

describe('the shared worksheet lists', () => {
  it('a moderator translates an item typed in Dutch, at 1280 px and on a 390 px phone', async () => {
    const waiting = await typedItem({ nl: 'Wachtlijsten bij de tolkendienst' }, 'samen-wachten-e2e1');
    const forms = await typedItem({ nl: 'Ingewikkelde formulieren' }, 'formulieren-e2e2');

    const moderator = await signedInPerson(h, { platformRole: 'moderator', locale: 'fr' });
    const desk = await openPage(h.browser, 'fr', 1280);
    await logIn(h, desk, 'fr', moderator.email);
    await desk.goto(`${h.baseUrl}/fr/practices`);
    await desk
      .getByRole('link', { name: 'Les listes partagées d’obstacles, de leviers et d’outils' })
      .click();
    await desk.waitForURL('**/fr/practices/items');
    expect(await desk.locator('h1').textContent()).toBe('Les listes partagées de la fiche');
    await expectFitsAndAccessible(desk, 1280, true);
    await desk.getByLabel('Libellés', { exact: true }).selectOption('any');
    await desk.getByRole('button', { name: 'Afficher' }).click();
    await desk.waitForURL('**/fr/practices/items?*missing=any*');
    expect(await desk.locator('.worksheet-items-list h3').allTextContents()).toEqual(
      expect.arrayContaining(['Wachtlijsten bij de tolkendienst', 'Ingewikkelde formulieren']),
    );
    expect(await desk.getByRole('link', { name: 'Barrière de la langue' }).count()).toBe(0);
    await expectFitsAndAccessible(desk, 1280, true);

    await desk.getByRole('link', { name: 'Wachtlijsten bij de tolkendienst' }).click();
    await desk.waitForURL(`**/fr/practices/items/${waiting}`);
    expect(await desk.locator('main').textContent()).toContain('Utilisé par une pratique publiée');
    await expectFitsAndAccessible(desk, 1280, true);
    // Another item's French label: refused in words, the form kept.
    await desk.getByLabel('Français').fill('barrière de la langue');
    await desk.getByRole('button', { name: 'Enregistrer les libellés' }).click();
    expect(await desk.locator('.error-summary').textContent()).toContain(
      '« barrière de la langue » désigne déjà un autre élément de cette liste, dans une langue ou comme ancien libellé d’un élément fusionné avec lui : « Barrière de la langue »',
    );
    expect(await desk.getByLabel('Nederlands').inputValue()).toBe('Wachtlijsten bij de tolkendienst');
    await expectFitsAndAccessible(desk, 1280, true);
    await desk.getByLabel('Français').fill('Listes d’attente du service d’interprètes');
    await desk.getByLabel('English').fill('Waiting lists at the interpreting service');
    await desk.getByRole('button', { name: 'Enregistrer les libellés' }).click();
    await desk.waitForURL(`**/fr/practices/items/${waiting}?done=translated`);
    expect(await desk.locator('.notice').textContent()).toBe('Les libellés sont enregistrés.');
    expect(await desk.locator('.item-labels dd[lang="en"]').textContent()).toBe(
      'Waiting lists at the interpreting service',
    );
    await expectFitsAndAccessible(desk, 1280, true);

    // A Dutch moderator on a phone.
    const colleague = await signedInPerson(h, { platformRole: 'moderator', locale: 'nl' });
    const phone = await openPage(h.browser, 'nl', 390);
    await logIn(h, phone, 'nl', colleague.email);
    await phone.goto(`${h.baseUrl}/nl/practices/items?missing=en`);
    await expectFitsAndAccessible(phone, 390, true);
    await phone.getByRole('link', { name: 'Ingewikkelde formulieren' }).click();
    await phone.waitForURL(`**/nl/practices/items/${forms}`);
    await expectFitsAndAccessible(phone, 390, true);
    await phone.getByLabel('English').fill('Complicated forms');
    await phone.getByRole('button', { name: 'De labels bewaren' }).click();
    await phone.waitForURL(`**/nl/practices/items/${forms}?done=translated`);
    expect(await phone.locator('.notice').textContent()).toBe('De labels zijn bewaard.');
    await expectFitsAndAccessible(phone, 390, true);
    const [row] = await sql(h, 'select labels from worksheet_items where id = $1', [forms]);
    expect(row.labels).toEqual({ nl: 'Ingewikkelde formulieren', en: 'Complicated forms' });

    await desk.context().close();
    await phone.context().close();
  });
});
