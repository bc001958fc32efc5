// Finding a room and asking for it every week in a real browser: a self-organisation's member finds
// the room in French on a 390 px phone, asks for four Thursdays of which one is already taken, sees
// that date marked, and asks for the three others; the owner approves one in Dutch at 1280 px; the
// member then cancels the last two dates at once from the group's bookings tab, on the phone.
// Every page passes axe and nothing scrolls sideways.
import ICAL from 'ical.js';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { expectFitsAndAccessible, logIn, openPage, useBrowserHarness } from '../helpers/browser.ts';
import { memberOf, sql } from '../helpers/members.ts';

const h = useBrowserHarness();

/** Next week's Thursday plus some weeks, "2026-12-17". */
const thursday = (weeks: number) =>
  DateTime.now()
    .setZone('Europe/Brussels')
    .startOf('week')
    .plus({ weeks: 1 + weeks, days: 3 })
    .toISODate()!;

describe('a weekly request for a room', () => {
  it('is found and asked for in French on a phone, with the taken date left out, and approved in Dutch', async () => {
    // The owner's room at one of its places, open every evening, approved by its editors.
    const [owner] = await sql(
      h,
      `select o.id as org, l.id as location, l.postcode from organisations o join locations l on l.organisation_id = o.id
        where l.postcode is not null and l.latitude is not null order by o.provenance_id limit 1`,
    );
    const [{ id: room }] = await sql(
      h,
      `insert into rooms (organisation_id, location_id, name, capacity, min_minutes, max_minutes, notice_hours, confirmation)
       values ($1, $2, '{"nl":"Zaal Zonnelied","fr":"Salle Zonnelied","en":"Zonnelied room"}', 30, 60, 240, 24, 'approval') returning id`,
      [owner.org, owner.location],
    );
    await sql(
      h,
      `insert into room_availability (room_id, kind, rule, minutes) values ($1, 'open', E'DTSTART:20260105T170000\\nRRULE:FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR', 300)`,
      [room],
    );
    // The second Thursday is already someone else's.
    const [other] = await sql(
      h,
      `select id from organisations where id <> $1 order by provenance_id desc limit 1`,
      [owner.org],
    );
    await sql(
      h,
      `insert into bookings (room_id, organisation_id, period, attendees, status)
       values ($1, $2, tstzrange(($3 || ' 18:00 Europe/Brussels')::timestamptz, ($3 || ' 21:00 Europe/Brussels')::timestamptz), 6, 'confirmed')`,
      [room, other.id, thursday(1)],
    );
    const [group] = await sql(
      h,
      `select id from organisations where kind = 'self_organisation' and id <> $1 order by provenance_id limit 1`,
      [owner.org],
    );
    const member = await memberOf(h, group.id, ['referrer'], { locale: 'fr' });

    const page = await openPage(h.browser, 'fr', 390);
    await logIn(h, page, 'fr', member.email);
    await page.goto(`${h.baseUrl}/fr/rooms`);
    await expectFitsAndAccessible(page, 390, true);
    await page.getByLabel('Près de').fill(owner.postcode);
    await page.getByLabel('Date', { exact: true }).fill(thursday(0));
    await page.getByLabel('De', { exact: true }).fill('18:00');
    await page.getByLabel('À', { exact: true }).fill('20:00');
    await page.getByLabel('Combien de personnes ?').fill('12');
    await page.getByRole('button', { name: 'Chercher' }).click();
    await page.waitForURL('**/fr/rooms?**');
    await page.locator('[data-map="points"][data-markers]').waitFor();
    await expectFitsAndAccessible(page, 390, true);
    await page.getByRole('link', { name: 'Salle Zonnelied' }).click();
    await page.waitForURL(`**/fr/rooms/${room}?week=*`);

    await page.getByLabel('Date', { exact: true }).fill(thursday(0));
    await page.getByLabel('De', { exact: true }).fill('18:00');
    await page.getByLabel('À', { exact: true }).fill('20:00');
    await page.getByLabel('Combien de personnes ?').fill('12');
    await page.getByLabel('Chaque semaine, même jour et même heure').check();
    await page.getByLabel('Chaque semaine jusqu’au (dernière date)').fill(thursday(3));
    await page.getByRole('button', { name: 'Demander ce créneau' }).click();
    await page.waitForLoadState();
    const plan = page.locator('ol.plan-dates');
    expect(await plan.locator('li').count()).toBe(4);
    expect(await plan.locator('li.slot.taken').textContent()).toContain('prise');
    await expectFitsAndAccessible(page, 390, true);
    await page.getByRole('button', { name: 'Demander les 3 dates libres' }).click();
    await page.waitForURL('**done=weekly**');
    expect(await page.locator('.notice').first().textContent()).toContain('3 dates sont demandées.');
    await expectFitsAndAccessible(page, 390, true);
    // The room's calendar, from its page: the Thursday someone else has is in it, as "Réservée".
    const roomCalendar = await page.request.get(
      new URL(
        (await page.getByRole('link', { name: 'Ajouter à un agenda' }).getAttribute('href'))!,
        h.baseUrl,
      ).href,
    );
    expect(roomCalendar.headers()['content-type']).toContain('text/calendar');
    const roomEvents = new ICAL.Component(ICAL.parse(await roomCalendar.text())).getAllSubcomponents(
      'vevent',
    );
    expect(roomEvents.map((e) => e.getFirstPropertyValue('summary'))).toEqual(['Réservée']);
    await page.context().close();
    const asked = await sql(
      h,
      `select count(*)::int as n from bookings where room_id = $1 and organisation_id = $2`,
      [room, group.id],
    );
    expect(asked[0].n).toBe(3);

    // The owner, in Dutch on a desktop, approves the first date.
    const editor = await memberOf(h, owner.org, ['editor'], { locale: 'nl' });
    const ownerPage = await openPage(h.browser, 'nl', 1280);
    await logIn(h, ownerPage, 'nl', editor.email);
    await ownerPage.goto(`${h.baseUrl}/nl/manage/organisations/${owner.org}/rooms`);
    await expectFitsAndAccessible(ownerPage, 1280, true);
    await ownerPage
      .getByRole('button', { name: /goedkeuren$/ })
      .first()
      .click();
    await ownerPage.waitForURL('**done=approve**');
    expect(await ownerPage.locator('.notice').first().textContent()).toBe('De reservatie is bevestigd.');
    await expectFitsAndAccessible(ownerPage, 1280, true);
    // The organisation's calendar, at the address its page shows: the group's three dates, one confirmed.
    const feed = await ownerPage.request.get(
      (await ownerPage.locator('.feed-address a').getAttribute('href'))!.replace(
        /^https?:\/\/[^/]+/,
        h.baseUrl,
      ),
    );
    const feedEvents = new ICAL.Component(ICAL.parse(await feed.text())).getAllSubcomponents('vevent');
    const ours = feedEvents.filter((e) => String(e.getFirstPropertyValue('summary')).includes('Zonnelied'));
    expect(ours.map((e) => e.getFirstPropertyValue('status')).sort()).toEqual([
      'CONFIRMED',
      'CONFIRMED',
      'TENTATIVE',
      'TENTATIVE',
    ]);
    await ownerPage.context().close();
    const statuses = await sql(
      h,
      `select status from bookings where room_id = $1 and organisation_id = $2 order by lower(period)`,
      [room, group.id],
    );
    expect(statuses.map((s) => s.status)).toEqual(['confirmed', 'requested', 'requested']);

    // Back on the phone: the group's bookings tab, and its last two dates cancelled at once.
    const tab = await openPage(h.browser, 'fr', 390);
    await logIn(h, tab, 'fr', member.email);
    await tab.goto(`${h.baseUrl}/fr/manage/organisations/${group.id}/members`);
    await tab.getByRole('link', { name: 'Réservations de salles' }).click();
    await tab.waitForURL(`**/fr/manage/organisations/${group.id}/bookings`);
    expect(await tab.locator('section[aria-labelledby=asked-title] li.card').count()).toBe(3);
    await expectFitsAndAccessible(tab, 390, true);
    await tab.getByLabel('Premier jour').fill(thursday(2));
    await tab.getByLabel('Dernier jour (compris)').fill(thursday(3));
    await tab
      .getByLabel('Pourquoi ? (facultatif ; l’organisation de la salle le lit)')
      .fill('Vacances d’été');
    await tab.getByRole('button', { name: 'Annuler les réservations à ces dates' }).click();
    await tab.waitForURL('**done=cancel_range**');
    expect(await tab.locator('.notice').first().textContent()).toContain(
      'Les réservations à ces dates sont annulées.',
    );
    await expectFitsAndAccessible(tab, 390, true);
    await tab.context().close();
    const after = await sql(
      h,
      `select status from bookings where room_id = $1 and organisation_id = $2 order by lower(period)`,
      [room, group.id],
    );
    expect(after.map((s) => s.status)).toEqual(['confirmed', 'cancelled', 'cancelled']);
    const [toOwner] = await sql(
      h,
      `select subject from outbox where "to" = $1 and subject like 'Geannuleerd door%'`,
      [editor.email],
    );
    expect(toOwner.subject).toContain('2 data van Zaal Zonnelied');
  });
});
