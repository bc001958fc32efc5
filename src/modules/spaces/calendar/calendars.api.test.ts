// The calendars through the real HTTP app, each read back with ical.js (an independent RFC 5545
// parser): a room's public feed says only when it is booked; an organisation's feed, at its secret
// address, names who asked and what for; a booking's file is for the two organisations it concerns.
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { memberOf, sql } from '../../../../test/helpers/members.ts';
import { nextWeek, publishRoom, roomOwner, tokenOf } from '../../../../test/helpers/spaces.ts';
import { useTestApp } from '../../../../test/helpers/test-app.ts';

const app = useTestApp();

function events(ics: string) {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  return calendar.getAllSubcomponents('vevent').map((v) => {
    const event = new ICAL.Event(v);
    return {
      uid: event.uid,
      summary: event.summary,
      description: event.description,
      start: event.startDate.toJSDate().toISOString(),
      end: event.endDate.toJSDate().toISOString(),
      status: v.getFirstPropertyValue('status'),
    };
  });
}

async function setUp(skip: number) {
  const owner = await roomOwner(app.t, skip);
  const room = await publishRoom(app.t, owner, { confirmation: 'approval', capacity: '30' });
  const [{ id: asker, name }] = await sql(
    app.t,
    `select id, coalesce(name->>'nl', name->>'fr', name->>'en') as name from organisations where id <> $1 order by provenance_id limit 1 offset 3`,
    [owner.org],
  );
  const token = await tokenOf(app.t, asker);
  const ask = async (day: number, from: string, to: string, purpose: string) => {
    const res = await app.t.app.inject({
      method: 'POST',
      url: '/api/v1/bookings',
      headers: { authorization: `Bearer ${token}` },
      payload: { room_id: room, start: nextWeek(day, from), end: nextWeek(day, to), attendees: 6, purpose },
    });
    expect(res.statusCode).toBe(201);
    return res.json().id as string;
  };
  const confirmed = await ask(2, '18:00', '20:00', 'Homework club');
  const requested = await ask(3, '10:00', '12:00', 'Language café');
  await owner.editor.get(`/en/manage/organisations/${owner.org}/rooms`);
  expect((await owner.editor.post(`/en/manage/bookings/${confirmed}/approve`, {})).statusCode).toBe(303);
  return { owner, room, asker: asker as string, askerName: name as string, confirmed, requested };
}

describe('calendars', () => {
  it('a room’s public feed shows when it is booked, without who or what for', async () => {
    const { room, askerName, confirmed } = await setUp(20);
    const res = await app.t.app.inject(`/rooms/${room}/calendar.ics?lang=fr`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/calendar');
    expect(events(res.body)).toEqual([
      {
        uid: `${confirmed}@passerelle`,
        summary: 'Réservée',
        description: null,
        start: new Date(nextWeek(2, '18:00')).toISOString(),
        end: new Date(nextWeek(2, '20:00')).toISOString(),
        status: 'CONFIRMED',
      },
    ]);
    expect(res.body).not.toContain(askerName);
    expect(res.body).not.toContain('Homework club');
    expect(
      (await app.t.app.inject('/rooms/00000000-0000-4000-8000-000000000000/calendar.ics')).statusCode,
    ).toBe(404);
  });

  it('an organisation’s feed, at the address on its rooms page, names who asked; a wrong address is not found', async () => {
    const { owner, askerName, confirmed, requested } = await setUp(21);
    const page = await owner.editor.get(`/nl/manage/organisations/${owner.org}/rooms`);
    const url = /href="https?:\/\/[^/"]+(\/calendars\/organisations\/[^"]+)"/
      .exec(page.body)![1]!
      .replace(/&amp;/g, '&');
    expect(url).toContain('lang=nl');
    const res = await app.t.app.inject(url);
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toContain('no-store');
    const feed = events(res.body);
    const byId = new Map(feed.map((e) => [e.uid, e]));
    expect(byId.get(`${confirmed}@passerelle`)).toMatchObject({
      status: 'CONFIRMED',
      description: 'Homework club',
    });
    expect(byId.get(`${confirmed}@passerelle`)!.summary).toContain(askerName);
    expect(byId.get(`${requested}@passerelle`)).toMatchObject({
      status: 'TENTATIVE',
      description: 'Language café',
    });
    expect(byId.get(`${requested}@passerelle`)!.summary).toMatch(/^Aangevraagd: /);

    // Another organisation's id with this token, a changed token or none: not found.
    const token = /[?&]token=([^&]+)/.exec(url)![1]!;
    const [{ id: other }] = await sql(app.t, 'select id from organisations where id <> $1 limit 1', [
      owner.org,
    ]);
    const feedAt = (org: string, query: string) =>
      app.t.app.inject(`/calendars/organisations/${org}/bookings.ics${query}`);
    expect((await feedAt(other, `?token=${token}`)).statusCode).toBe(404);
    const changed = token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A');
    expect((await feedAt(owner.org, `?token=${changed}`)).statusCode).toBe(404);
    expect((await feedAt(owner.org, '')).statusCode).toBe(404);
    expect((await feedAt(owner.org, `?token=${token}`)).statusCode).toBe(200);

    // The address went too far: an editor makes a new one, and the old one stops at once.
    const referrer = await memberOf(app.t, owner.org, ['referrer']);
    await referrer.get(`/nl/manage/organisations/${owner.org}/bookings`);
    expect(
      (await referrer.post(`/nl/manage/organisations/${owner.org}/rooms/calendar/renew`, {})).statusCode,
    ).toBe(404);
    expect((await feedAt(owner.org, `?token=${token}`)).statusCode).toBe(200);
    const renewed = await owner.editor.post(`/nl/manage/organisations/${owner.org}/rooms/calendar/renew`, {});
    expect(renewed.statusCode).toBe(303);
    expect((await feedAt(owner.org, `?token=${token}`)).statusCode).toBe(404);
    const after = await owner.editor.get(renewed.headers.location as string);
    expect(after.body).toContain('De agenda heeft een nieuw adres.');
    const newUrl = /href="https?:\/\/[^/"]+(\/calendars\/organisations\/[^"]+)"/
      .exec(after.body)![1]!
      .replace(/&amp;/g, '&');
    expect(newUrl).not.toBe(url);
    expect((await app.t.app.inject(newUrl)).statusCode).toBe(200);
  });

  it('a booking’s file is for the asker and the owners; to anyone else it is not found', async () => {
    const { owner, asker, confirmed } = await setUp(22);
    const member = await memberOf(app.t, asker, ['referrer']);
    const mine = await member.get(`/en/bookings/${confirmed}/calendar.ics`);
    expect(mine.statusCode).toBe(200);
    expect(events(mine.body)).toHaveLength(1);
    expect(events(mine.body)[0]!.start).toBe(new Date(nextWeek(2, '18:00')).toISOString());
    expect((await owner.editor.get(`/en/bookings/${confirmed}/calendar.ics`)).statusCode).toBe(200);
    const [{ id: stranger }] = await sql(
      app.t,
      'select id from organisations where id <> all($1) order by provenance_id desc limit 1',
      [[owner.org, asker]],
    );
    const outsider = await memberOf(app.t, stranger, ['admin']);
    expect((await outsider.get(`/en/bookings/${confirmed}/calendar.ics`)).statusCode).toBe(404);
  });
});
