// Weekly bookings through the real HTTP app: the dates that are taken or closed are left out and
// said to be, the others are asked for as one series; through the API and through the pages (first
// the list of dates, then one button); a series too long or with no free date stores nothing.
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { type Member, memberOf, sql } from '../../../../test/helpers/members.ts';
import { nextWeek, publishRoom, roomOwner, tokenOf } from '../../../../test/helpers/spaces.ts';
import { useTestApp } from '../../../../test/helpers/test-app.ts';

const app = useTestApp();

const post = (token: string, payload: object, locale = 'en') =>
  app.t.app.inject({
    method: 'POST',
    url: '/api/v1/bookings',
    headers: { authorization: `Bearer ${token}`, 'accept-language': locale },
    payload,
  });
const count = async (room: string) =>
  (await sql(app.t, 'select count(*)::int as n from bookings where room_id = $1', [room]))[0].n as number;
/** Next week's Thursday plus some weeks, "2026-12-17". */
const thursday = (weeks: number) =>
  new Date(new Date(`${nextWeek(4)}T12:00:00Z`).getTime() + weeks * 7 * 86_400_000)
    .toISOString()
    .slice(0, 10);

async function setUp(skip: number, fields: Record<string, string> = {}) {
  const owner = await roomOwner(app.t, skip);
  const room = await publishRoom(app.t, owner, { confirmation: 'at_once', capacity: '30', ...fields });
  const [{ id: asker }] = await sql(
    app.t,
    'select id from organisations where id <> $1 order by provenance_id limit 1 offset $2',
    [owner.org, skip],
  );
  const [{ id: other }] = await sql(
    app.t,
    'select id from organisations where id <> $1 and id <> $2 order by provenance_id limit 1',
    [owner.org, asker],
  );
  return { owner, room, asker: asker as string, other: other as string };
}

/** The Thursdays of the month after next, "2027-02-04" and so on: dates in one month, all ahead. */
function thursdaysOfOneMonth(): string[] {
  const month = DateTime.now().setZone('Europe/Brussels').startOf('month').plus({ months: 2 });
  const days: string[] = [];
  for (let d = month; d.month === month.month; d = d.plus({ days: 1 }))
    if (d.weekday === 4) days.push(d.toISODate()!);
  return days;
}

describe('weekly bookings', () => {
  it('books the free Thursdays until the last date and lists the taken and closed ones (API)', async () => {
    const { owner, room, asker, other } = await setUp(10);
    // Someone else has the third Thursday; the room is closed on the fourth.
    const taken = await post(await tokenOf(app.t, other), {
      room_id: room,
      start: `${thursday(2)}T18:30`,
      end: `${thursday(2)}T19:30`,
      attendees: 4,
    });
    expect(taken.statusCode).toBe(201);
    await owner.editor.get(`/en/manage/rooms/${room}`);
    await owner.editor.post(`/en/manage/rooms/${room}/closures`, { 'closure-closed_from': thursday(3) });

    const res = await post(await tokenOf(app.t, asker), {
      room_id: room,
      start: `${thursday(0)}T18:00`,
      end: `${thursday(0)}T20:00`,
      attendees: 12,
      until: thursday(5),
    });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body.status).toBe('confirmed');
    expect(body.booked).toHaveLength(4);
    expect(body.skipped.map((s: { reason: string }) => s.reason)).toEqual(['taken', 'booking_closed']);
    expect(body.skipped[0].start).toBe(
      DateTime.fromISO(`${thursday(2)}T18:00`, { zone: 'Europe/Brussels' })
        .toUTC()
        .toISO(),
    );
    const rows = await sql(
      app.t,
      `select series_id, status, to_char(lower(period) at time zone 'Europe/Brussels', 'YYYY-MM-DD HH24:MI') as at
       from bookings where room_id = $1 and organisation_id = $2 order by lower(period)`,
      [room, asker],
    );
    expect(rows.map((r) => r.at)).toEqual([0, 1, 4, 5].map((w) => `${thursday(w)} 18:00`));
    expect(new Set(rows.map((r) => r.series_id))).toEqual(new Set([body.series_id]));
    expect(rows.every((r) => r.status === 'confirmed')).toBe(true);
  });

  it('refuses a series of 500 weeks, a last date before the first, and one with no free date, storing nothing', async () => {
    const { room, asker } = await setUp(11);
    const token = await tokenOf(app.t, asker);
    const ask = (until: string, day = thursday(0)) =>
      post(token, { room_id: room, start: `${day}T10:00`, end: `${day}T11:00`, attendees: 3, until }, 'fr');
    const long = await ask(new Date(Date.now() + 500 * 7 * 86_400_000).toISOString().slice(0, 10));
    expect(long.statusCode).toBe(400);
    expect(long.json().fields).toEqual([
      { field: 'until', message: 'Chaque semaine pendant un an au plus (53 dates).' },
    ]);
    const before = await ask(thursday(-1));
    expect(before.json().fields).toEqual([
      { field: 'until', message: 'La dernière date doit être le jour de la première ou après.' },
    ]);
    expect((await ask('someday')).json().fields[0].field).toBe('until');
    // Two Thursdays, both taken by a first series: the second has nothing left to ask for.
    expect((await ask(thursday(1))).statusCode).toBe(201);
    expect(await count(room)).toBe(2);
    const none = await ask(thursday(1));
    expect(none.statusCode).toBe(400);
    expect(none.json().fields).toEqual([
      {
        field: 'until',
        message: 'Aucune de ces dates n’est libre. Choisissez un autre jour ou une autre heure.',
      },
    ]);
    expect(await count(room)).toBe(2);
  });

  it('shows the dates in French with the taken one marked, and asks for the others with one button (pages)', async () => {
    const { owner, room, other } = await setUp(12, { confirmation: 'approval' });
    // The second Thursday is confirmed for another group.
    const taken = await post(await tokenOf(app.t, other), {
      room_id: room,
      start: `${thursday(1)}T18:00`,
      end: `${thursday(1)}T21:00`,
      attendees: 4,
    });
    expect(taken.statusCode).toBe(201);
    await owner.editor.get(`/en/manage/organisations/${owner.org}/rooms`);
    const approved = await owner.editor.post(`/en/manage/bookings/${taken.json().id}/approve`, {});
    expect(approved.statusCode).toBe(303);

    const [{ id: group }] = await sql(
      app.t,
      `select id from organisations where kind = 'self_organisation' and id <> all($1) order by provenance_id limit 1`,
      [[owner.org, other]],
    );
    const member: Member = await memberOf(app.t, group, ['referrer']);
    await member.get(`/fr/rooms/${room}`);
    const form = {
      organisation: group,
      date: thursday(0),
      start: '18:00',
      end: '20:00',
      attendees: '8',
      repeat: 'weekly',
      until: thursday(3),
    };
    const plan = await member.post(`/fr/rooms/${room}/bookings`, form);
    expect(plan.statusCode).toBe(200);
    expect(plan.body).toContain('Vérifiez les dates');
    expect(plan.body).toContain('4 dates, dont 3 libres.');
    expect(plan.body.match(/<li class="slot taken">/g)).toHaveLength(1);
    expect(plan.body).toContain('Demander les 3 dates libres');
    expect(await count(room)).toBe(1);

    // The button sends the dates shown free, as the browser would.
    const dates = [...plan.body.matchAll(/name="dates" value="([^"]+)"/g)].map((m) => m[1]!);
    expect(dates).toHaveLength(3);
    const sent = await member.post(`/fr/rooms/${room}/bookings`, { ...form, dates, confirm: '1' });
    expect(sent.statusCode).toBe(303);
    expect(sent.headers.location).toContain('done=weekly_requested&asked=3&skipped=0');
    const after = await member.get(sent.headers.location as string);
    expect(after.body).toContain('3 dates sont demandées.');
    const rows = await sql(
      app.t,
      `select status, series_id from bookings where room_id = $1 and organisation_id = $2`,
      [room, group],
    );
    expect(rows).toHaveLength(3);
    expect(rows.every((r) => r.status === 'requested' && r.series_id)).toBe(true);

    // Without a last date, the reason next to the field, and nothing more stored.
    const refused = await member.post(`/fr/rooms/${room}/bookings`, { ...form, until: '' });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('Indiquez la dernière date, par exemple 2027-06-30.');
    expect(await count(room)).toBe(4);
  });

  it('counts the monthly quota over the series: the dates beyond it are set aside', async () => {
    const { room, asker } = await setUp(13, { monthly_quota_hours: '4' });
    const [first, , third] = thursdaysOfOneMonth();
    const res = await post(await tokenOf(app.t, asker), {
      room_id: room,
      start: `${first}T10:00`,
      end: `${first}T12:00`,
      attendees: 3,
      until: third!,
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().booked).toHaveLength(2);
    expect(res.json().skipped.map((s: { reason: string }) => s.reason)).toEqual(['booking_quota']);
    expect(await count(room)).toBe(2);
  });

  it('books each date once when two series ask at the same moment', async () => {
    const { room, asker, other } = await setUp(14);
    const ask = async (org: string) =>
      post(await tokenOf(app.t, org), {
        room_id: room,
        start: `${thursday(0)}T14:00`,
        end: `${thursday(0)}T16:00`,
        attendees: 3,
        until: thursday(3),
      });
    const answers = await Promise.all([ask(asker), ask(other)]);
    // Whatever the order, every Thursday is confirmed exactly once, and nothing failed.
    expect(answers.every((a) => a.statusCode === 201 || a.statusCode === 400)).toBe(true);
    const booked = answers.filter((a) => a.statusCode === 201).flatMap((a) => a.json().booked);
    expect(booked).toHaveLength(4);
    const rows = await sql(
      app.t,
      `select count(*)::int as n, count(distinct lower(period))::int as dates from bookings where room_id = $1 and status = 'confirmed'`,
      [room],
    );
    expect(rows[0]).toEqual({ n: 4, dates: 4 });
  });

  it('refuses a series that ends more than a year from today', async () => {
    const { room, asker } = await setUp(15);
    const start = DateTime.now().setZone('Europe/Brussels').plus({ days: 300 }).toISODate()!;
    const until = DateTime.now().setZone('Europe/Brussels').plus({ days: 400 }).toISODate()!;
    const res = await post(
      await tokenOf(app.t, asker),
      { room_id: room, start: `${start}T10:00`, end: `${start}T11:00`, attendees: 3, until },
      'nl',
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().fields).toEqual([
      { field: 'until', message: 'De laatste datum kan hoogstens een jaar na vandaag vallen.' },
    ]);
    expect(await count(room)).toBe(0);
  });
});
