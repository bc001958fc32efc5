// Publishing a network day in a real browser: an organisation's editor, in Dutch at 1280 px, is first
// told that 0 places is not a capacity, then publishes a network day at one of its places; a visitor
// on a 390 px phone, in French, finds it on the agenda (list and month) and opens its page, with the
// places left and a link to register. Every page passes axe and nothing scrolls sideways.
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { expectFitsAndAccessible, logIn, openPage, useBrowserHarness } from '../helpers/browser.ts';
import { memberOf, sql } from '../helpers/members.ts';

const h = useBrowserHarness();

/** A Thursday some weeks ahead, "2027-01-14". */
const thursday = (weeks: number) =>
  DateTime.now().setZone('Europe/Brussels').startOf('week').plus({ weeks, days: 3 }).toISODate()!;

describe('publishing a network day', () => {
  it('is published by an editor in Dutch and found on the agenda and its page in French on a phone', async () => {
    const [owner] = await sql(
      h,
      `select o.id as org, l.id as location from organisations o join locations l on l.organisation_id = o.id
        where l.commune_nis is not null order by o.provenance_id limit 1`,
    );
    const editor = await memberOf(h, owner.org, ['editor'], { locale: 'nl' });
    const page = await openPage(h.browser, 'nl', 1280);
    await logIn(h, page, 'nl', editor.email);
    await page.goto(`${h.baseUrl}/nl/manage/organisations/${owner.org}/events`);
    await expectFitsAndAccessible(page, 1280, true);
    await page.getByRole('link', { name: 'Een evenement publiceren' }).click();
    await page.waitForURL(`**/nl/manage/organisations/${owner.org}/events/new`);
    await expectFitsAndAccessible(page, 1280, true);

    await page.getByLabel('Soort evenement').selectOption('network_day');
    await page.locator('[name="title.nl"]').fill('Netwerkdag Kanaalzone');
    await page.locator('[name="title.fr"]').fill('Journée réseau zone du Canal');
    await page
      .locator('[name="description.nl"]')
      .fill('Kennismaken met de organisaties langs het kanaal.\n\nMet lunch.');
    await page.getByLabel('Op een van onze plekken').check();
    await page.getByLabel('Een van onze plekken', { exact: true }).selectOption(owner.location);
    await page.getByLabel('Datum', { exact: true }).fill(thursday(2));
    await page.getByLabel('Begint om').fill('09:30');
    await page.getByLabel('Eindigt om').fill('16:00');
    await page.getByLabel('Aantal plaatsen per datum').fill('0');
    await page.locator('input[name=languages][value=nl]').check();
    await page.locator('input[name=languages][value=fr]').check();
    await page.getByRole('button', { name: 'Publiceren' }).click();
    await page.waitForLoadState();
    // Refused: what was typed stays, the message says what to give.
    expect(await page.locator('.error-summary').textContent()).toContain(
      'Geef een aantal plaatsen van 1 tot 5.000',
    );
    expect(await page.locator('[name="title.nl"]').inputValue()).toBe('Netwerkdag Kanaalzone');
    await expectFitsAndAccessible(page, 1280, true);
    expect(await sql(h, `select 1 from events where title->>'nl' = 'Netwerkdag Kanaalzone'`)).toEqual([]);

    await page.getByLabel('Aantal plaatsen per datum').fill('40');
    await page.getByRole('button', { name: 'Publiceren' }).click();
    await page.waitForURL('**done=published');
    expect(await page.locator('.notice').first().textContent()).toBe('Het evenement is gepubliceerd.');
    await expectFitsAndAccessible(page, 1280, true);
    const [event] = await sql(
      h,
      `select id, capacity, languages, commune_nis from events where title->>'nl' = 'Netwerkdag Kanaalzone'`,
    );
    expect(event).toMatchObject({ capacity: 40, languages: ['fr', 'nl'] });
    expect(event.commune_nis).toMatch(/^21\d{3}$/);
    await page.goto(`${h.baseUrl}/nl/events/${event.id}`);
    await expectFitsAndAccessible(page, 1280, true);
    await page.goto(`${h.baseUrl}/nl/agenda?view=month&month=${thursday(2).slice(0, 7)}`);
    expect(await page.getByRole('link', { name: /Netwerkdag Kanaalzone/ }).count()).toBe(1);
    await expectFitsAndAccessible(page, 1280, true);
    await page.context().close();

    // A visitor on a phone, in French.
    const visitor = await openPage(h.browser, 'fr', 390);
    await visitor.goto(`${h.baseUrl}/fr/agenda`);
    await expectFitsAndAccessible(visitor, 390, true);
    await visitor.getByLabel('Type', { exact: true }).selectOption('network_day');
    await visitor.getByLabel('À partir du').fill(thursday(2));
    await visitor.getByRole('button', { name: 'Afficher' }).click();
    await visitor.waitForURL('**/fr/agenda?**kind=network_day**');
    await expectFitsAndAccessible(visitor, 390, true);
    await visitor.getByRole('link', { name: 'Mois', exact: true }).click();
    await visitor.waitForURL('**view=month**');
    await expectFitsAndAccessible(visitor, 390, true);
    await visitor.getByRole('link', { name: /Journée réseau zone du Canal/ }).click();
    await visitor.waitForURL(`**/fr/events/${event.id}`);
    expect(await visitor.locator('h1').textContent()).toBe('Journée réseau zone du Canal');
    expect(await visitor.locator('.event-dates').textContent()).toContain('40 places restantes');
    expect(await visitor.getByRole('link', { name: /^S’inscrire pour/ }).getAttribute('href')).toMatch(
      new RegExp(`^/fr/events/${event.id}/dates/[0-9a-f-]{36}/register$`),
    );
    await expectFitsAndAccessible(visitor, 390, true);
    await visitor.context().close();
  });
});
