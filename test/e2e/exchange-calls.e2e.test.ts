// Funding calls in a real browser: a moderator publishes a call at 1280 px (a first try with the
// deadline before the opening is refused in words); a member of an organisation, on a 390 px phone in
// French, finds it in the calendar, follows it for the organisation, and receives its reminder 14
// days before the deadline when the daily job runs on a test clock. Every page passes axe and
// nothing scrolls sideways.
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { expectFitsAndAccessible, logIn, openPage, useBrowserHarness } from '../helpers/browser.ts';
import { memberOf, signedInPerson, sql } from '../helpers/members.ts';
import { runCallReminders } from '../../src/modules/exchange/calls/run-call-reminders.ts';

const h = useBrowserHarness();
const inDays = (days: number) =>
  DateTime.now()
    .setZone('Europe/Brussels')
    .plus({ days })
    .set({ hour: 12, minute: 0 })
    .toFormat("yyyy-MM-dd'T'HH:mm");

describe('funding calls', () => {
  it('an organisation follows a call on a phone and is reminded of its deadline on a test clock', async () => {
    const [{ id: org, name }] = await sql(
      h,
      'select id, name from organisations order by provenance_id limit 1',
    );
    const moderator = await signedInPerson(h, { platformRole: 'moderator', locale: 'nl' });
    const member = await memberOf(h, org, ['editor'], { locale: 'fr' });

    const desk = await openPage(h.browser, 'nl', 1280);
    await logIn(h, desk, 'nl', moderator.email);
    await desk.goto(`${h.baseUrl}/nl/exchange/calls/new`);
    await expectFitsAndAccessible(desk, 1280, true);
    await desk.locator('select[name=funder]').selectOption('cocof');
    await desk.locator('input[name="title.fr"]').fill('Appel à projets cohésion sociale 2027');
    await desk
      .locator('textarea[name="summary.fr"]')
      .fill('Pour les associations et collectifs de quartier.');
    await desk.locator('input[name=amount_min]').fill('2000');
    await desk.locator('input[name=amount_max]').fill('20000');
    await desk.locator('input[name=informal][value=yes]').check();
    await desk.locator('input[name=opens_at]').fill(inDays(10));
    await desk.locator('input[name=closes_at]').fill(inDays(5));
    await desk.locator('input[name=link]').fill('https://cocof.brussels/appel-cohesion');
    await desk.getByRole('button', { name: 'Publiceren' }).click();
    await desk.waitForURL('**/nl/exchange/calls/new');
    expect(await desk.locator('.error-summary, [role=alert]').first().textContent()).toContain(
      'De deadline moet na de opening komen.',
    );
    expect((await sql(h, 'select count(*)::int as n from exchange_calls'))[0].n).toBe(0);
    await expectFitsAndAccessible(desk, 1280, true);
    await desk.locator('input[name=opens_at]').fill(inDays(-1));
    await desk.locator('input[name=closes_at]').fill(inDays(20));
    await desk.getByRole('button', { name: 'Publiceren' }).click();
    await desk.waitForURL(/\/nl\/exchange\/calls\/[0-9a-f-]+\?done=published/);
    const callPath = new URL(desk.url()).pathname;
    const callId = callPath.split('/').pop()!;
    await expectFitsAndAccessible(desk, 1280, true);

    // On a phone, in French: the calendar, the call, follow it for the organisation.
    const phone = await openPage(h.browser, 'fr', 390);
    await logIn(h, phone, 'fr', member.email);
    await phone.goto(`${h.baseUrl}/fr/exchange/calls?informal=1`);
    await expectFitsAndAccessible(phone, 390, true);
    await phone.getByRole('link', { name: 'Appel à projets cohésion sociale 2027' }).click();
    await phone.waitForURL(`**/fr/exchange/calls/${callId}`);
    await expectFitsAndAccessible(phone, 390, true);
    const orgName = (name as Record<string, string>).fr ?? Object.values(name as Record<string, string>)[0];
    await phone.getByRole('button', { name: `Suivre pour ${orgName}` }).click();
    await phone.waitForURL(`**/fr/exchange/calls/${callId}?done=followed`);
    expect(await phone.locator('.notice, [role=status]').first().textContent()).toContain(
      'Votre organisation suit cet appel',
    );
    await expectFitsAndAccessible(phone, 390, true);
    // The feed of deadlines answers as a calendar.
    const feed = await phone.request.get(`${h.baseUrl}/fr/exchange/calls.ics`);
    expect(feed.headers()['content-type']).toContain('text/calendar');
    expect(await feed.text()).toContain(`UID:call-${callId}@passerelle`);

    // The daily job on a test clock, at 06:30 Brussels time 14 calendar days before the deadline
    // (a noon deadline: 14 days and 5½ hours away, 14 days as people count them): one reminder, in French.
    const [{ closes_at: closesAt }] = await sql(h, 'select closes_at from exchange_calls where id = $1', [
      callId,
    ]);
    const now = DateTime.fromJSDate(new Date(closesAt))
      .setZone('Europe/Brussels')
      .minus({ days: 14 })
      .set({ hour: 6, minute: 30 })
      .toJSDate();
    const origin = h.baseUrl;
    expect(await runCallReminders(h.database.db, { now, origin })).toMatchObject({ reminded: 1 });
    expect(await runCallReminders(h.database.db, { now, origin })).toEqual({ reminded: 0, mails: 0 });
    const mails = await sql(
      h,
      `select subject, text from outbox where "to" = $1 and text like '%/exchange/calls/%'`,
      [member.email],
    );
    expect(mails.length).toBe(1);
    expect(mails[0].subject).toBe('Plus que 14 jours : « Appel à projets cohésion sociale 2027 »');
    const link = /https?:\/\/\S+\/fr\/exchange\/calls\/[0-9a-f-]+/.exec(mails[0].text as string)![0];
    await phone.goto(link);
    expect(await phone.locator('h1').textContent()).toBe('Appel à projets cohésion sociale 2027');
    await expectFitsAndAccessible(phone, 390, true);

    await desk.context().close();
    await phone.context().close();
  });
});
