// The person's own link in every mail about their registration, through the HTTP app: the reminder
// the day before and the mail of moving up from the waiting list carry it, and it opens the person's
// page, whose button cancels; a date called off or moved carries it too. Links mailed before (43
// random characters, found by their hash) still open; a key rotation breaks no link while its key is
// kept, nor the first link ever; a link that is not right is a 404 page, never a 5xx.
import { randomBytes, randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { FormClient, lastMailTo, newAddress, pathOf } from '../../../../test/helpers/form-client.ts';
import { sql } from '../../../../test/helpers/members.ts';
import { countsOf, createTestEvent, type TestEvent } from '../../../../test/helpers/network-events.ts';
import { testConfig, useTestApp } from '../../../../test/helpers/test-app.ts';
import type { KeyRing } from '../../../shared/field-encryption.ts';
import { newToken } from '../../../shared/tokens.ts';
import { findRegistrationByLink } from './registration-link.ts';
import { registrationToken } from './registration-token.ts';
import { runRegistrationReminders } from './run-registration-reminders.ts';
import { tellCalledOff, tellTimeChanged } from './tell-called-off.ts';

const app = useTestApp();
const keys = testConfig().encryptionKeys!;
const origin = 'http://localhost';

/** A visitor registered for the event's first date by the form, confirmed by the first mail's link. */
async function registered(event: TestEvent, name: string, locale = 'en') {
  const client = new FormClient(app.t.app);
  const path = `/${locale}/events/${event.id}/dates/${event.dates[0]}/register`;
  await client.get(path);
  const email = newAddress('links');
  expect((await client.post(path, { name, email })).statusCode).toBe(303);
  const first = pathOf((await lastMailTo(app.t.database, email))!.link!);
  await client.get(first);
  expect((await client.post(`${first}/confirm`, {})).statusCode).toBe(303);
  const [{ id }] = await sql(app.t, 'select id from event_registrations where email = $1', [email]);
  return { email, first, id: id as string };
}

/** The person's own link in a mail's text (not its calendar file's), as a path: there is one. */
function ownLinkIn(text: string): string {
  const links = new Set(
    [...text.matchAll(/https?:\/\/\S+\/registrations\/\S+/g)]
      .map((m) => m[0])
      .filter((l) => !l.endsWith('.ics')),
  );
  expect(links.size).toBe(1);
  return pathOf([...links][0]!);
}

/** Opens a link's page in a new browser (as from the mail) and presses its cancel button. */
async function cancelBy(link: string) {
  const client = new FormClient(app.t.app);
  const page = await client.get(link);
  expect(page.statusCode).toBe(200);
  expect(page.body).toContain(`action="${link}/cancel"`);
  const res = await client.post(`${link}/cancel`, {});
  expect(res.statusCode).toBe(303);
  expect(res.headers.location).toBe(`${link}?done=cancelled`);
  return client.get(String(res.headers.location));
}

const statusOf = async (id: string) =>
  (await sql(app.t, 'select status from event_registrations where id = $1', [id]))[0].status as string;

describe('the person’s link in the mails that come later', () => {
  it('is in the reminder, whose link cancels; the first waiting moves up and their mail’s link cancels too', async () => {
    const event = await createTestEvent(app.t, { capacity: 1, hours: [20] });
    const ana = await registered(event, 'Ana');
    const ben = await registered(event, 'Ben', 'nl');
    expect(await statusOf(ben.id)).toBe('waitlisted');

    await runRegistrationReminders(app.t.database.db, { now: new Date(), origin, keys });
    const reminder = (await lastMailTo(app.t.database, ana.email))!;
    expect(reminder.subject).toMatch(/^Reminder: Network day, /);
    expect(reminder.text).toContain(
      'Can you not come after all? Cancel your registration with the link below',
    );
    const anaLink = ownLinkIn(reminder.text);
    expect(anaLink).toMatch(/^\/en\/registrations\/[0-9a-f-]{36}\.[A-Za-z0-9_-]{32}$/);
    expect(reminder.text).toContain(`${anaLink}.ics`);

    const cancelled = await cancelBy(anaLink);
    expect(cancelled.body).toContain('Your registration is cancelled.');
    expect(cancelled.body).toContain('Ana');
    expect(await statusOf(ana.id)).toBe('cancelled');

    // Ben had a place freed for him: his mail, in Dutch, has his own link.
    expect(await statusOf(ben.id)).toBe('confirmed');
    const movedUp = (await lastMailTo(app.t.database, ben.email))!;
    expect(movedUp.subject).toBe('Een plaats voor jou: Netwerkdag');
    const benLink = ownLinkIn(movedUp.text);
    expect(benLink).toMatch(/^\/nl\/registrations\//);
    const page = await new FormClient(app.t.app).get(benLink);
    expect(page.body).toContain('plaats bevestigd');
    expect(page.body).toContain('Ben');
    await cancelBy(benLink);
    expect(await statusOf(ben.id)).toBe('cancelled');
    expect(await countsOf(app.t, event.dates[0]!)).toMatchObject({ confirmed: 0, real_confirmed: 0 });
  });

  it('is in the mails of a new time and of a date called off, whose page then says so and offers no cancel', async () => {
    const event = await createTestEvent(app.t, { days: [3] });
    const cleo = await registered(event, 'Cleo', 'fr');
    const date = event.dates[0]!;
    await app.t.database.db.transaction((tx) =>
      tellTimeChanged(tx, { origin, keys, now: new Date() }, event.id, [date]),
    );
    const moved = (await lastMailTo(app.t.database, cleo.email))!;
    expect(moved.subject).toBe('Nouvel horaire : Journée réseau');
    expect(moved.text).toContain('Vous ne pouvez finalement pas venir ?');
    const link = ownLinkIn(moved.text);
    expect((await new FormClient(app.t.app).get(link)).body).toContain(`action="${link}/cancel"`);

    await sql(app.t, 'update event_occurrences set cancelled_at = now() where id = $1', [date]);
    await app.t.database.db.transaction((tx) =>
      tellCalledOff(tx, { origin, keys, now: new Date() }, event.id, [date], 'La salle est inondée.'),
    );
    const calledOff = (await lastMailTo(app.t.database, cleo.email))!;
    expect(calledOff.subject).toBe('Annulé : Journée réseau');
    expect(ownLinkIn(calledOff.text)).toBe(link);
    const page = await new FormClient(app.t.app).get(link);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Les organisateurs ont annulé cette date');
    expect(page.body).not.toContain('/cancel"');
  });
});

describe('links mailed before, and key rotations', () => {
  it('still opens and cancels by a link of 43 random characters, found by its hash', async () => {
    const event = await createTestEvent(app.t);
    const dani = await registered(event, 'Dani');
    // As registrations made before the links could be written again: a random secret, its hash stored.
    const { token, hash } = newToken();
    await sql(app.t, `update event_registrations set token_hash = decode($2, 'hex') where id = $1`, [
      dani.id,
      hash,
    ]);
    const old = `/en/registrations/${token}`;
    expect((await new FormClient(app.t.app).get(`${old}.ics`)).statusCode).toBe(200);
    // The new link of the same registration opens it too (the reminder will carry it).
    expect(dani.first).toBe(`/en/registrations/${registrationToken(keys, dani.id)}`);
    expect((await new FormClient(app.t.app).get(dani.first)).body).toContain('Dani');
    await cancelBy(old);
    expect(await statusOf(dani.id)).toBe('cancelled');
  });

  it('accepts a link made with any key of the ring, and the first link of all even once its key is gone', async () => {
    const event = await createTestEvent(app.t);
    const eve = await registered(event, 'Eve');
    const firstToken = eve.first.split('/').at(-1)!;
    const next = randomBytes(32);
    // Step 1 of a rotation: a new first key, the old one kept; then step 3: the old one removed.
    const rotating: KeyRing = { currentId: 'next', keys: new Map([['next', next], ...keys.keys]) };
    const after: KeyRing = { currentId: 'next', keys: new Map([['next', next]]) };
    const find = (ring: KeyRing, token: string) => findRegistrationByLink(app.t.database.db, ring, token);

    expect((await find(rotating, firstToken)).id).toBe(eve.id);
    const during = registrationToken(rotating, eve.id);
    expect(during).not.toBe(firstToken);
    expect((await find(rotating, during)).id).toBe(eve.id);
    expect((await find(after, during)).id).toBe(eve.id);
    // The first link: its MAC is no longer accepted, but its hash is stored.
    expect((await find(after, firstToken)).id).toBe(eve.id);
    // Another link made with the removed key only (not the first, so not stored) no longer opens.
    await sql(app.t, `update event_registrations set token_hash = decode($2, 'hex') where id = $1`, [
      eve.id,
      newToken().hash,
    ]);
    await expect(find(after, firstToken)).rejects.toMatchObject({ code: 'REGISTRATION_NOT_FOUND' });
    expect((await find(rotating, firstToken)).id).toBe(eve.id);
  });
});

describe('a link that is not right', () => {
  it('is a 404 page for every way of being wrong, for the page, its calendar file and its buttons', async () => {
    const event = await createTestEvent(app.t);
    const fay = await registered(event, 'Fay');
    const other = await registered(event, 'Gus');
    const token = fay.first.split('/').at(-1)!;
    const [id, mac] = token.split('.') as [string, string];
    const flipped = `${mac.slice(0, -1)}${mac.endsWith('A') ? 'B' : 'A'}`;
    const bad = [
      `${id}.${flipped}`,
      `${other.id}.${mac}`,
      `${randomUUID()}.${mac}`,
      `${id}.${mac}.${mac}`,
      `${id}.${mac.slice(1)}`,
      `${id}`,
      `${id}.`,
      'not-a-token',
      'a'.repeat(43),
      'a'.repeat(150),
      'a'.repeat(196),
      '%00',
      '..%2F..%2Fetc',
      `${id}.${mac}%00`,
    ];
    const client = new FormClient(app.t.app);
    for (const wrong of bad) {
      for (const path of [`/en/registrations/${wrong}`, `/en/registrations/${wrong}.ics`]) {
        const res = await client.get(path);
        expect(res.statusCode, path).toBe(404);
        expect(res.headers['content-type'], path).toContain('text/html');
      }
    }
    // Longer than the router takes: the site's page for an address it cannot read.
    for (const n of [201, 2_000]) {
      const res = await client.get(`/en/registrations/${'a'.repeat(n)}`);
      expect(res.statusCode).toBe(400);
      expect(res.body).toContain('Address cannot be read');
    }
    expect((await client.get(`/en/registrations/${id}.${flipped}`)).body).toContain(
      'This registration does not exist, or the link is not right.',
    );
    // Its buttons, posted with a valid form token from a page of the site.
    await client.get(fay.first);
    const _csrf = client.csrfToken();
    for (const wrong of bad.slice(0, 6))
      for (const action of ['confirm', 'cancel']) {
        const res = await client.post(`/en/registrations/${wrong}/${action}`, { _csrf });
        expect(res.statusCode, `${wrong} ${action}`).toBe(404);
      }
    expect(await statusOf(fay.id)).toBe('confirmed');
    expect(await statusOf(other.id)).toBe('confirmed');
  });
});
