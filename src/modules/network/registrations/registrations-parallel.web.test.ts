// The last places of a date, taken by a hundred people at once through the HTTP app: each confirms
// their e-mail's link at the same moment. Exactly as many get a place as there were places, the
// others are on the waiting list in one order (1 to 90, each told their number), and the date's
// counts say so. The same for a hundred signed-in people with verified addresses, placed as they
// register. Also: raising the capacity moves the first waiting up (the events' edit calls it).
import { describe, expect, it } from 'vitest';
import { FormClient, lastMailTo, newAddress, pathOf } from '../../../../test/helpers/form-client.ts';
import { sessionCookieName } from '../../../http/session-cookie.ts';
import { startSession } from '../../accounts/sessions.ts';
import { sql } from '../../../../test/helpers/members.ts';
import { countsOf, createTestEvent } from '../../../../test/helpers/network-events.ts';
import { testConfig, useTestApp } from '../../../../test/helpers/test-app.ts';
import { moveUpFromWaitlist } from './place-registration.ts';

const app = useTestApp();

/** A visitor registered for the date, on their link's page (its token in hand), not confirmed yet. */
async function registered(event: { id: string; dates: string[] }) {
  const client = new FormClient(app.t.app);
  const path = `/en/events/${event.id}/dates/${event.dates[0]}/register`;
  await client.get(path);
  const email = newAddress('crowd');
  const res = await client.post(path, { name: 'Crowd', email });
  expect(res.statusCode).toBe(303);
  const link = pathOf((await lastMailTo(app.t.database, email))!.link!);
  await client.get(link);
  return { client, link, email };
}

describe('a hundred people confirming at once for the last ten places', () => {
  it('gives exactly ten places and ninety waiting-list places, numbered 1 to 90, with exact counts', async () => {
    const event = await createTestEvent(app.t, { capacity: 12 });
    // Two places are taken already: ten are left.
    for (const early of [await registered(event), await registered(event)])
      await early.client.post(`${early.link}/confirm`, {});
    expect(await countsOf(app.t, event.dates[0]!)).toMatchObject({ confirmed: 2, waitlisted: 0 });

    const crowd = [];
    for (let i = 0; i < 100; i++) crowd.push(await registered(event));
    const answers = await Promise.all(crowd.map((p) => p.client.post(`${p.link}/confirm`, {})));
    const outcomes = answers.map((res) => /done=(\w+)/.exec(String(res.headers.location))?.[1]);
    expect(outcomes.filter((o) => o === 'confirmed')).toHaveLength(10);
    expect(outcomes.filter((o) => o === 'waitlisted')).toHaveLength(90);
    expect(await countsOf(app.t, event.dates[0]!)).toEqual({
      confirmed: 12,
      waitlisted: 90,
      real_confirmed: 12,
      real_waitlisted: 90,
    });
    const told: string[] = [];
    for (const p of crowd) {
      const mail = (await lastMailTo(app.t.database, p.email))!;
      const n = /You are number (\d+) on the waiting list/.exec(mail.text)?.[1];
      if (n) told[Number(n) - 1] = p.email;
    }
    // Each number 1 to 90 told once, and the list's order is the order told.
    expect(told.filter(Boolean)).toHaveLength(90);
    const order = await sql(
      app.t,
      `select email from event_registrations where occurrence_id = $1 and status = 'waitlisted' order by placed_at, created_at, id`,
      [event.dates[0]],
    );
    expect(order.map((r) => r.email)).toEqual(told);

    // The organisers raise the capacity by three: the first three waiting move up, in order.
    const [first] = await sql(
      app.t,
      `select id from event_registrations where occurrence_id = $1 and status = 'waitlisted' order by placed_at, created_at, id limit 3`,
      [event.dates[0]],
    );
    await sql(app.t, 'update events set capacity = 15 where id = $1', [event.id]);
    const moved = await app.t.database.db.transaction((tx) =>
      moveUpFromWaitlist(tx, event.dates[0]!, {
        now: new Date(),
        origin: 'http://localhost',
        ip: null,
        keys: testConfig().encryptionKeys!,
      }),
    );
    expect(moved).toHaveLength(3);
    expect(moved[0]).toBe(first.id);
    expect(await countsOf(app.t, event.dates[0]!)).toEqual({
      confirmed: 15,
      waitlisted: 87,
      real_confirmed: 15,
      real_waitlisted: 87,
    });
  }, 120_000);

  it('gives signed-in people registering at once ten places and ninety waiting-list places, each told and audited', async () => {
    const event = await createTestEvent(app.t, { capacity: 10 });
    const path = `/en/events/${event.id}/dates/${event.dates[0]}/register`;
    // Verified people, each signed in on the form (no password: the session is made directly).
    const emails = Array.from({ length: 100 }, () => newAddress('signed-in'));
    const users = await sql(
      app.t,
      `insert into users (email, name, password_hash, locale, email_verified_at)
       select e, 'Crowd', 'none', 'en', now() from unnest($1::text[]) as e returning id, email`,
      [emails],
    );
    const crowd = await Promise.all(
      users.map(async (user: { id: string; email: string }) => {
        const client = new FormClient(app.t.app);
        const { token } = await startSession(app.t.database.db, user.id, {});
        client.setCookie(sessionCookieName({ env: 'test' }), token);
        await client.get(path);
        return { client, email: user.email };
      }),
    );
    const answers = await Promise.all(crowd.map((p) => p.client.post(path, { name: 'Crowd' })));
    const outcomes = answers.map((res) => /done=(\w+)/.exec(String(res.headers.location))?.[1]);
    expect(outcomes.filter((o) => o === 'confirmed')).toHaveLength(10);
    expect(outcomes.filter((o) => o === 'waitlisted')).toHaveLength(90);
    expect(await countsOf(app.t, event.dates[0]!)).toEqual({
      confirmed: 10,
      waitlisted: 90,
      real_confirmed: 10,
      real_waitlisted: 90,
    });
    const told: string[] = [];
    for (const p of crowd) {
      const n = /You are number (\d+) on the waiting list/.exec(
        (await lastMailTo(app.t.database, p.email))!.text,
      );
      if (n) told[Number(n[1]) - 1] = p.email;
    }
    expect(told.filter(Boolean)).toHaveLength(90);
    const order = await sql(
      app.t,
      `select email from event_registrations where occurrence_id = $1 and status = 'waitlisted' order by placed_at, created_at, id`,
      [event.dates[0]],
    );
    expect(order.map((r) => r.email)).toEqual(told);
    // Each registration is in the audit log: made, then placed, by the person.
    const audited = await sql(
      app.t,
      `select r.status, array_agg(a.event order by a.id) as events, bool_and(a.actor_id = r.user_id) as by_person
         from event_registrations r join audit_log a on a.subject_type = 'event_registration' and a.subject_id = r.id::text
        where r.occurrence_id = $1 group by r.id, r.status`,
      [event.dates[0]],
    );
    expect(audited).toHaveLength(100);
    for (const row of audited) {
      expect(row.events).toEqual(['network.registration_created', `network.registration_${row.status}`]);
      expect(row.by_person).toBe(true);
    }
  }, 120_000);

  it('refuses the same address registering twice at the same moment, keeping one', async () => {
    const event = await createTestEvent(app.t);
    const email = newAddress('race');
    const clients = await Promise.all(
      Array.from({ length: 8 }, async () => {
        const client = new FormClient(app.t.app);
        await client.get(`/en/events/${event.id}/dates/${event.dates[0]}/register`);
        return client;
      }),
    );
    const answers = await Promise.all(
      clients.map((c) =>
        c.post(`/en/events/${event.id}/dates/${event.dates[0]}/register`, { name: 'Race', email }),
      ),
    );
    const statuses = answers.map((a) => a.statusCode);
    // Each is either the registration (a new link replacing one not confirmed) or "already registered"; never a 5xx.
    expect(statuses.every((s) => s === 303 || s === 409)).toBe(true);
    const rows = await sql(app.t, 'select status from event_registrations where occurrence_id = $1', [
      event.dates[0],
    ]);
    expect(rows).toEqual([{ status: 'unconfirmed' }]);
  });
});
