// Registering for dates of events through the real HTTP app, as a browser without JavaScript: a
// visitor registers, confirms by the e-mail's link (a button: opening the link changes nothing),
// gets the calendar file; a signed-in person with a verified address has a place at once; the
// waiting list moves up when someone cancels; bad input and closed dates are refused with their
// reasons and nothing stored; members-only events explain themselves; visitors are rate-limited.
import ICAL from 'ical.js';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { FormClient, lastMailTo, newAddress, pathOf } from '../../../../test/helpers/form-client.ts';
import { memberOf, signedInPerson, sql } from '../../../../test/helpers/members.ts';
import { countsOf, createTestEvent } from '../../../../test/helpers/network-events.ts';
import { useTestApp } from '../../../../test/helpers/test-app.ts';

const app = useTestApp();

const registerPath = (event: { id: string; dates: string[] }, i = 0) =>
  `/en/events/${event.id}/dates/${event.dates[i]}/register`;

/** A visitor's registration by the form: the response, and the link of the e-mail that came. */
async function registerAsVisitor(
  event: { id: string; dates: string[] },
  { name = 'Jo Peeters', email = newAddress('visitor'), locale = 'en', i = 0 } = {},
) {
  const client = new FormClient(app.t.app);
  const form = await client.get(registerPath(event, i).replace('/en/', `/${locale}/`));
  // A closed date shows no form: the token comes from another page, as a browser left open would have it.
  if (!form.body.includes('name="_csrf"')) await client.get('/en/password/forgot');
  const res = await client.post(registerPath(event, i).replace('/en/', `/${locale}/`), { name, email });
  const mail = await lastMailTo(app.t.database, email);
  return { client, res, email, mail, link: mail?.link ? pathOf(mail.link) : undefined };
}

/** Opens the link's page and presses its confirm button. */
async function confirmByLink(client: FormClient, link: string) {
  await client.get(link);
  return client.post(`${link}/confirm`, {});
}

const registrations = async (occurrenceId: string) =>
  (
    await sql(app.t, 'select count(*)::int as n from event_registrations where occurrence_id = $1', [
      occurrenceId,
    ])
  )[0].n as number;

describe('registering without an account', () => {
  it('waits for the address to be confirmed by a button on the link’s page, then takes a place', async () => {
    const event = await createTestEvent(app.t, { capacity: 5 });
    const { client, res, mail, link } = await registerAsVisitor(event, { locale: 'fr', name: 'Awa' });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(
      `/fr/events/${event.id}/dates/${event.dates[0]}/register?done=check_mail`,
    );
    expect(mail!.subject).toBe('Confirmez votre inscription : Journée réseau');
    expect(mail!.locale).toBe('fr');
    // Sent to an address nobody proved: nothing the registering person typed is in it.
    expect(mail!.text).not.toContain('Awa');
    expect(link).toMatch(/^\/fr\/registrations\/[0-9a-f-]{36}\.[A-Za-z0-9_-]{32}$/);
    expect(await countsOf(app.t, event.dates[0]!)).toMatchObject({ confirmed: 0, waitlisted: 0 });
    // Only the hash of the link's secret is stored.
    const [stored] = await sql(
      app.t,
      'select status, encode(token_hash, $2) as hash from event_registrations where occurrence_id = $1',
      [event.dates[0], 'hex'],
    );
    expect(stored.status).toBe('unconfirmed');
    expect(stored.hash).not.toContain(link!.split('/').at(-1));

    // Opening the link (as a mail scanner would) confirms nothing.
    const page = await client.get(link!);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('en attente de votre confirmation');
    expect(page.headers['cache-control']).toContain('no-store');
    expect(await countsOf(app.t, event.dates[0]!)).toMatchObject({ confirmed: 0 });

    const confirmed = await client.post(`${link}/confirm`, {});
    expect(confirmed.statusCode).toBe(303);
    expect(confirmed.headers.location).toBe(`${link}?done=confirmed`);
    expect(await countsOf(app.t, event.dates[0]!)).toMatchObject({ confirmed: 1, waitlisted: 0 });
    const placed = await client.get(`${link}?done=confirmed`);
    expect(placed.body).toContain('place confirmée');
    expect(placed.body).toContain('Rue de la Senne 12');
    const confirmation = await lastMailTo(
      app.t.database,
      mail
        ? (
            await sql(app.t, 'select email from event_registrations where occurrence_id = $1', [
              event.dates[0],
            ])
          )[0].email
        : '',
    );
    expect(confirmation!.subject).toBe('Votre place : Journée réseau');
    expect(confirmation!.text).toContain('Adresse : Rue de la Senne 12');
    expect(confirmation!.text).toContain(`${link}.ics`);
    // Confirming again changes nothing.
    await client.post(`${link}/confirm`, {});
    expect(await countsOf(app.t, event.dates[0]!)).toMatchObject({ confirmed: 1, real_confirmed: 1 });
  });

  it('gives a calendar file in Brussels time that links back to the event, with the same UID each time', async () => {
    const event = await createTestEvent(app.t, { placeKind: 'online' });
    const { client, link } = await registerAsVisitor(event);
    // Before confirming, the page does not show the online link.
    expect((await client.get(link!)).body).not.toContain('meet.example.org');
    await confirmByLink(client, link!);
    expect((await client.get(link!)).body).toContain('https://meet.example.org/network-day');
    const first = await client.get(`${link}.ics`);
    expect(first.statusCode).toBe(200);
    expect(first.headers['content-type']).toContain('text/calendar');
    const again = await client.get(`${link}.ics`);
    const events = [first.body, again.body].map((text) =>
      new ICAL.Component(ICAL.parse(text)).getFirstSubcomponent('vevent')!,
    );
    const [vevent] = events;
    expect(vevent!.getFirstPropertyValue('url')).toBe(
      `http://localhost:80/en/events/${event.id}`.replace(
        'localhost:80',
        String(first.headers['x-host'] ?? 'localhost:80'),
      ),
    );
    expect(events[1]!.getFirstPropertyValue('uid')).toBe(vevent!.getFirstPropertyValue('uid'));
    expect(vevent!.getFirstProperty('dtstart')!.getParameter('tzid')).toBe('Europe/Brussels');
    expect(first.body).toContain('BEGIN:VTIMEZONE');
    const [{ starts_at }] = await sql(app.t, 'select starts_at from event_occurrences where id = $1', [
      event.dates[0],
    ]);
    const brussels = DateTime.fromJSDate(new Date(starts_at), { zone: 'Europe/Brussels' }).toFormat(
      "yyyyMMdd'T'HHmmss",
    );
    expect(first.body).toContain(`DTSTART;TZID=Europe/Brussels:${brussels}`);
    expect(vevent!.getFirstPropertyValue('location')).toBe('https://meet.example.org/network-day');
  });

  it('refuses a second registration of the same address (in other capitals too), an address that is none, an empty or over-long name', async () => {
    const event = await createTestEvent(app.t);
    const email = newAddress('twice');
    const first = await registerAsVisitor(event, { email });
    await confirmByLink(first.client, first.link!);
    // A visitor gets the answer any registration gets, so the form does not tell who comes; the
    // address's owner is told by e-mail, with nothing the visitor typed.
    const second = await registerAsVisitor(event, { name: 'Mallory <a href=x>', email: email.toUpperCase() });
    expect(second.res.statusCode).toBe(303);
    expect(second.res.headers.location).toContain('done=check_mail');
    // The mail goes to the address as the registration holds it, not as typed the second time.
    expect(second.mail).toBeUndefined();
    const told = await lastMailTo(app.t.database, email);
    expect(told?.subject).toContain('Already registered');
    expect(told?.text).not.toContain('Mallory');
    // The address's owner gets the link of the registration they hold.
    expect(pathOf(told!.link!)).toBe(first.link);
    expect(await registrations(event.dates[0]!)).toBe(1);

    for (const [fields, text] of [
      [{ name: 'Jo', email: 'not-an-address' }, 'This is not an e-mail address'],
      [{ name: '', email: newAddress() }, 'Fill this in.'],
      [{ name: 'x'.repeat(201), email: newAddress() }, 'At most 200 characters.'],
      [{ name: 'Jo', email: '' }, 'Fill this in.'],
    ] as const) {
      const client = new FormClient(app.t.app);
      await client.get(registerPath(event));
      const res = await client.post(registerPath(event), fields);
      expect(res.statusCode).toBe(400);
      expect(res.body).toContain(text);
    }
    // A line break in a name is refused before the use case, as in every single-line field.
    const client = new FormClient(app.t.app);
    await client.get(registerPath(event));
    expect(
      (await client.post(registerPath(event), { name: 'Jo\nPeeters', email: newAddress() })).statusCode,
    ).toBe(400);
    expect(await registrations(event.dates[0]!)).toBe(1);
  });

  it('sends a new link when an address that never confirmed registers again', async () => {
    const event = await createTestEvent(app.t);
    const email = newAddress('again');
    const first = await registerAsVisitor(event, { email });
    const second = await registerAsVisitor(event, { email });
    expect(second.res.statusCode).toBe(303);
    expect(second.link).not.toBe(first.link);
    expect((await first.client.get(first.link!)).statusCode).toBe(404);
    expect(await registrations(event.dates[0]!)).toBe(1);
  });

  it('shows a name with HTML as text, on the person’s page and the organisers’ list', async () => {
    const event = await createTestEvent(app.t);
    const name = '<script>alert(1)</script><b>Jo</b>';
    const { client, link } = await registerAsVisitor(event, { name });
    await confirmByLink(client, link!);
    const page = await client.get(link!);
    expect(page.body).not.toContain('<script>alert(1)');
    expect(page.body).toContain('&lt;script>alert(1)&lt;/script>&lt;b>Jo&lt;/b>');
    const editor = await memberOf(app.t, event.organisationId, ['editor']);
    const list = await editor.get(`/en/manage/events/${event.id}/registrations`);
    expect(list.statusCode).toBe(200);
    expect(list.body).not.toContain('<b>Jo</b>');
    expect(list.body).toContain('&lt;b>Jo&lt;/b>');
  });

  it('limits visitors to twenty registrations an hour from one address', async () => {
    const event = await createTestEvent(app.t, { capacity: null });
    const client = new FormClient(app.t.app);
    await client.get(registerPath(event));
    for (let i = 0; i < 20; i++)
      expect(
        (await client.post(registerPath(event), { name: `P${i}`, email: newAddress('limit') })).statusCode,
      ).toBe(303);
    const refused = await client.post(registerPath(event), { name: 'One more', email: newAddress('limit') });
    expect(refused.statusCode).toBe(429);
    expect(refused.headers['retry-after']).toBeDefined();
    expect(await registrations(event.dates[0]!)).toBe(20);
  });
});

describe('dates that take no registration', () => {
  it('says a date of another event, a date called off, or ids that are none are not found', async () => {
    const event = await createTestEvent(app.t);
    const other = await createTestEvent(app.t);
    const client = new FormClient(app.t.app);
    expect((await client.get(`/en/events/${event.id}/dates/${other.dates[0]}/register`)).statusCode).toBe(
      404,
    );
    expect((await client.get(`/en/events/nonsense/dates/${event.dates[0]}/register`)).statusCode).toBe(404);
    expect((await client.get(`/en/events/${event.id}/dates/nonsense/register`)).statusCode).toBe(404);
    await sql(app.t, 'update event_occurrences set cancelled_at = now() where id = $1', [other.dates[0]]);
    const page = await client.get(`/en/events/${other.id}/dates/${other.dates[0]}/register`);
    expect(page.statusCode).toBe(404);
    expect(page.body).toContain('This date of the event does not exist or was called off.');
    expect((await client.get('/en/registrations/not-a-token')).statusCode).toBe(404);
    expect((await client.get(`/en/registrations/${'a'.repeat(43)}`)).statusCode).toBe(404);
  });

  it('refuses a date that has begun or passed, and an event cancelled, with nothing stored', async () => {
    const begun = await createTestEvent(app.t, { hours: [-1] });
    const page = await new FormClient(app.t.app).get(registerPath(begun));
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Registration is closed');
    expect(page.body).not.toContain('name="email"');
    const late = await registerAsVisitor(begun);
    expect(late.res.statusCode).toBe(409);
    expect(await registrations(begun.dates[0]!)).toBe(0);

    const cancelled = await createTestEvent(app.t);
    const early = await registerAsVisitor(cancelled);
    await sql(app.t, `update events set status = 'cancelled' where id = $1`, [cancelled.id]);
    expect((await registerAsVisitor(cancelled)).res.statusCode).toBe(409);
    // A link of before the cancellation says so, offers no button, and a confirm posted (from a page
    // left open) confirms nothing.
    const calledOff = await early.client.get(early.link!);
    expect(calledOff.statusCode).toBe(200);
    expect(calledOff.body).toContain('The organisers called this date off');
    expect(calledOff.body).not.toContain('/confirm"');
    await early.client.get('/en/password/forgot');
    const confirm = await early.client.post(`${early.link}/confirm`, {});
    expect(confirm.headers.location).toBe(`${early.link}?done=closed`);
    expect(await countsOf(app.t, cancelled.dates[0]!)).toMatchObject({ confirmed: 0, waitlisted: 0 });
  });

  it('explains a members-only event to visitors and people of no organisation, offers the log-in, and takes members', async () => {
    const event = await createTestEvent(app.t, { whoMayRegister: 'members' });
    const visitor = new FormClient(app.t.app);
    const page = await visitor.get(registerPath(event));
    expect(page.body).toContain('Only members of an organisation on Passerelle may register');
    expect(page.body).toContain(`/en/login?next=${encodeURIComponent(registerPath(event))}`);
    await visitor.get('/en/password/forgot');
    const refused = await visitor.post(registerPath(event), { name: 'Jo', email: newAddress() });
    expect(refused.statusCode).toBe(403);
    const loner = await signedInPerson(app.t);
    expect((await loner.get(registerPath(event))).body).toContain('Only members of an organisation');
    await loner.get('/en/password/forgot');
    expect((await loner.post(registerPath(event), { name: 'Jo' })).statusCode).toBe(403);
    expect(await registrations(event.dates[0]!)).toBe(0);

    const [{ id: otherOrg }] = await sql(app.t, 'select id from organisations where id <> $1 limit 1', [
      event.organisationId,
    ]);
    const member = await memberOf(app.t, otherOrg, ['referrer']);
    await member.get(registerPath(event));
    const res = await member.post(registerPath(event), { name: 'Member', email: 'someone.else@example.org' });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toMatch(
      /^\/en\/registrations\/[0-9a-f-]{36}\.[A-Za-z0-9_-]{32}\?done=confirmed$/,
    );
    // The account's own address, whatever was posted.
    expect(
      await sql(app.t, 'select email, status from event_registrations where occurrence_id = $1', [
        event.dates[0],
      ]),
    ).toEqual([{ email: member.email, status: 'confirmed' }]);
  });
});

describe('a signed-in person and the waiting list', () => {
  it('places a verified person at once, on the waiting list when full; cancelling moves the first waiting up, who is told', async () => {
    const event = await createTestEvent(app.t, { capacity: 1 });
    const first = await signedInPerson(app.t, { name: 'First' });
    await first.get(registerPath(event));
    expect((await first.post(registerPath(event), { name: 'First' })).statusCode).toBe(303);
    const visitor = await registerAsVisitor(event, { name: 'Second' });
    await confirmByLink(visitor.client, visitor.link!);
    const third = await registerAsVisitor(event, { name: 'Third', locale: 'nl' });
    await confirmByLink(third.client, third.link!);
    expect(await countsOf(app.t, event.dates[0]!)).toEqual({
      confirmed: 1,
      waitlisted: 2,
      real_confirmed: 1,
      real_waitlisted: 2,
    });
    const waiting = await lastMailTo(app.t.database, visitor.email);
    expect(waiting!.subject).toBe('Waiting list: Network day');
    expect(waiting!.text).toContain('You are number 1 on the waiting list');
    expect((await lastMailTo(app.t.database, third.email))!.text).toContain('nummer 2 op de wachtlijst');

    // The register page shows the signed-in person's own registration, with a cancel button.
    const page = await first.get(registerPath(event));
    expect(page.body).toContain('You are registered for this date: place confirmed.');
    const cancelled = await first.post(`${registerPath(event)}/cancel`, {});
    expect(cancelled.statusCode).toBe(303);
    expect(await countsOf(app.t, event.dates[0]!)).toEqual({
      confirmed: 1,
      waitlisted: 1,
      real_confirmed: 1,
      real_waitlisted: 1,
    });
    expect((await lastMailTo(app.t.database, first.email))!.subject).toBe(
      'Registration cancelled: Network day',
    );
    const movedUp = await lastMailTo(app.t.database, visitor.email);
    expect(movedUp!.subject).toBe('A place for you: Network day');
    expect(movedUp!.text).toContain('Address: Rue de la Senne 12');
    expect((await visitor.client.get(visitor.link!)).body).toContain('place confirmed');

    // The one who moved up cancels by the link: the next waiting moves up.
    await visitor.client.get(visitor.link!);
    expect((await visitor.client.post(`${visitor.link}/cancel`, {})).headers.location).toBe(
      `${visitor.link}?done=cancelled`,
    );
    expect(await countsOf(app.t, event.dates[0]!)).toEqual({
      confirmed: 1,
      waitlisted: 0,
      real_confirmed: 1,
      real_waitlisted: 0,
    });
    expect((await lastMailTo(app.t.database, third.email))!.subject).toBe('Een plaats voor jou: Netwerkdag');
    // Cancelling twice changes nothing; the page offers no buttons any more.
    await visitor.client.post(`${visitor.link}/cancel`, {});
    expect(await countsOf(app.t, event.dates[0]!)).toMatchObject({ confirmed: 1, waitlisted: 0 });
    expect((await visitor.client.get(visitor.link!)).body).not.toContain('/cancel"');
  });

  it('sends a signed-in person whose address is not verified the link first', async () => {
    const event = await createTestEvent(app.t);
    const person = await signedInPerson(app.t);
    await sql(app.t, 'update users set email_verified_at = null where id = $1', [person.id]);
    await person.get(registerPath(event));
    const res = await person.post(registerPath(event), { name: 'Unverified' });
    expect(res.headers.location).toContain('done=check_mail');
    expect((await lastMailTo(app.t.database, person.email))!.subject).toBe(
      'Confirm your registration: Network day',
    );
  });
});
