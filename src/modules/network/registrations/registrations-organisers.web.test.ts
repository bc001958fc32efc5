// The organisers' side of registrations, and the jobs: the event organisation's editors and admins
// see each date's list (the waiting list in its order) and download it as CSV, whose cells never
// run as formulas; to anyone else the event does not exist. The hourly reminder reaches everyone
// with a place once, the day before; registrations never confirmed go after 48 hours.
import { describe, expect, it } from 'vitest';
import { FormClient, lastMailTo, newAddress, pathOf } from '../../../../test/helpers/form-client.ts';
import { memberOf, signedInPerson, sql } from '../../../../test/helpers/members.ts';
import { createTestEvent } from '../../../../test/helpers/network-events.ts';
import { testConfig, useTestApp } from '../../../../test/helpers/test-app.ts';
import { purgeUnconfirmedRegistrations } from './purge-unconfirmed.ts';
import { runRegistrationReminders } from './run-registration-reminders.ts';

const app = useTestApp();
const keys = testConfig().encryptionKeys!;

/** Registers a visitor for date `i` and, unless `confirm` is false, confirms by the link. */
async function register(
  event: { id: string; dates: string[] },
  name: string,
  { i = 0, confirm = true, locale = 'en' } = {},
) {
  const client = new FormClient(app.t.app);
  const path = `/${locale}/events/${event.id}/dates/${event.dates[i]}/register`;
  await client.get(path);
  const email = newAddress('org');
  await client.post(path, { name, email });
  const link = pathOf((await lastMailTo(app.t.database, email))!.link!);
  if (confirm) {
    await client.get(link);
    await client.post(`${link}/confirm`, {});
  }
  return { email, link };
}

describe('the organisers’ list', () => {
  it('shows each date with its places, the waiting list in order and the unconfirmed count, and exports CSV safe for spreadsheets', async () => {
    const event = await createTestEvent(app.t, { capacity: 1, days: [5, 12] });
    await register(event, 'Ana');
    await register(event, '=HYPERLINK("http://evil.example","click")');
    await register(event, 'Ben, "the second"');
    await register(event, 'Not yet', { confirm: false });
    await register(event, 'Other date', { i: 1 });
    const editor = await memberOf(app.t, event.organisationId, ['editor']);
    const page = await editor.get(`/en/manage/events/${event.id}/registrations`);
    expect(page.statusCode).toBe(200);
    expect(page.headers['cache-control']).toContain('no-store');
    expect(page.body).toContain('1 with a place, 2 on the waiting list, 1 not confirmed yet.');
    expect(page.body.indexOf('=HYPERLINK')).toBeLessThan(page.body.indexOf('Ben, &#34;the second&#34;'));
    expect(page.body).not.toContain('>Not yet<');

    const csv = await editor.get(`/en/manage/events/${event.id}/registrations.csv`);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.body
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines[0]).toBe('Date,Status,No.,Name,E-mail,Registered on');
    expect(lines).toHaveLength(5);
    expect(lines[1]).toMatch(/,place confirmed,,Ana,/);
    expect(lines[2]).toContain(`,on the waiting list,1,"'=HYPERLINK(""http://evil.example"",""click"")",`);
    expect(lines[3]).toContain(',on the waiting list,2,"Ben, ""the second""",');
    expect(lines[4]).toContain(',Other date,');

    const one = await editor.get(`/fr/manage/events/${event.id}/registrations.csv?date=${event.dates[1]}`);
    const oneLines = one.body
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(oneLines).toHaveLength(2);
    expect(oneLines[0]).toBe('Date,Statut,N°,Nom,E-mail,Inscrit·e le');
    expect(oneLines[1]).toContain('place confirmée,,Other date');
    expect(
      (await editor.get(`/en/manage/events/${event.id}/registrations.csv?date=nonsense`)).statusCode,
    ).toBe(404);
  });

  it('is not found for the organisation’s referrers, other organisations’ admins, moderators and visitors are sent to log in', async () => {
    const event = await createTestEvent(app.t);
    await register(event, 'Secret Name');
    const [{ id: otherOrg }] = await sql(app.t, 'select id from organisations where id <> $1 limit 1', [
      event.organisationId,
    ]);
    const people = [
      await memberOf(app.t, event.organisationId, ['referrer']),
      await memberOf(app.t, otherOrg, ['admin']),
      await signedInPerson(app.t, { platformRole: 'moderator' }),
      await signedInPerson(app.t, { platformRole: 'admin' }),
    ];
    for (const person of people)
      for (const path of ['registrations', 'registrations.csv']) {
        const res = await person.get(`/en/manage/events/${event.id}/${path}`);
        expect(res.statusCode).toBe(404);
        expect(res.body).not.toContain('Secret Name');
      }
    const visitor = await new FormClient(app.t.app).get(`/en/manage/events/${event.id}/registrations`);
    expect(visitor.statusCode).toBe(303);
    expect(visitor.headers.location).toMatch(/^\/en\/login/);
    const admin = await memberOf(app.t, event.organisationId, ['admin']);
    expect((await admin.get(`/en/manage/events/${event.id}/registrations`)).body).toContain('Secret Name');
  });
});

describe('the jobs', () => {
  it('reminds everyone with a place of a date within a day, once, in their language; not the waiting or unconfirmed', async () => {
    const soon = await createTestEvent(app.t, { capacity: 2, hours: [20] });
    const later = await createTestEvent(app.t, { hours: [30] });
    const a = await register(soon, 'Ana', { locale: 'nl' });
    const b = await register(soon, 'Ben');
    const c = await register(soon, 'Cleo');
    const d = await register(soon, 'Dani', { confirm: false });
    await register(later, 'Eve');
    const now = new Date();
    const first = await runRegistrationReminders(app.t.database.db, {
      now,
      origin: 'http://localhost',
      keys,
    });
    expect(first.reminded).toBeGreaterThanOrEqual(2);
    expect((await lastMailTo(app.t.database, a.email))!.subject).toMatch(/^Herinnering: Netwerkdag, /);
    expect((await lastMailTo(app.t.database, b.email))!.subject).toMatch(/^Reminder: Network day, /);
    expect((await lastMailTo(app.t.database, b.email))!.text).toContain('Address: Rue de la Senne 12');
    expect((await lastMailTo(app.t.database, c.email))!.subject).toBe('Waiting list: Network day');
    expect((await lastMailTo(app.t.database, d.email))!.subject).toBe(
      'Confirm your registration: Network day',
    );
    const [{ reminded_at }] = await sql(app.t, 'select reminded_at from event_occurrences where id = $1', [
      soon.dates[0],
    ]);
    expect(reminded_at).not.toBeNull();
    const [{ reminded_at: notYet }] = await sql(
      app.t,
      'select reminded_at from event_occurrences where id = $1',
      [later.dates[0]],
    );
    expect(notYet).toBeNull();
    const again = await runRegistrationReminders(app.t.database.db, {
      now,
      origin: 'http://localhost',
      keys,
    });
    const reminders = await sql(
      app.t,
      `select count(*)::int as n from outbox where "to" = $1 and subject like 'Reminder%'`,
      [b.email],
    );
    expect(reminders[0].n).toBe(1);
    expect(again.dates).toBe(0);
  });

  it('deletes registrations never confirmed after 48 hours, and nothing else', async () => {
    const event = await createTestEvent(app.t);
    const old = await register(event, 'Old', { confirm: false });
    const fresh = await register(event, 'Fresh', { confirm: false });
    const kept = await register(event, 'Kept');
    await sql(
      app.t,
      `update event_registrations set created_at = now() - interval '49 hours' where email in ($1, $2)`,
      [old.email, kept.email],
    );
    await sql(
      app.t,
      `update event_registrations set created_at = now() - interval '47 hours' where email = $1`,
      [fresh.email],
    );
    const { deleted } = await purgeUnconfirmedRegistrations(app.t.database.db, new Date());
    expect(deleted).toBe(1);
    const left = await sql(
      app.t,
      'select name from event_registrations where occurrence_id = $1 order by name',
      [event.dates[0]],
    );
    expect(left).toEqual([{ name: 'Fresh' }, { name: 'Kept' }]);
    expect((await new FormClient(app.t.app).get(old.link)).statusCode).toBe(404);
  });
});
