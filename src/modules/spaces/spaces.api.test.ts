// The rooms API through the real HTTP app: rooms and their free time in public, bookings with an
// organisation's token, the same checks as the pages, nothing stored when refused, and the database
// keeping two confirmed bookings of one room from overlapping even when 50 ask at once.
import { drizzle } from 'drizzle-orm/node-postgres';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import * as schema from '../../db/schema.ts';
import { errorMessageKey } from '../../shared/errors.ts';
import { memberOf, sql } from '../../../test/helpers/members.ts';
import { nextWeek, publishRoom, roomOwner, tokenOf } from '../../../test/helpers/spaces.ts';
import { useTestApp } from '../../../test/helpers/test-app.ts';
import { findRooms } from './rooms/find-rooms.ts';

const app = useTestApp();

const post = (token: string | null, url: string, payload: object = {}, locale = 'en') =>
  app.t.app.inject({
    method: 'POST',
    url,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), 'accept-language': locale },
    payload,
  });
const bookings = async () => (await sql(app.t, 'select count(*)::int as n from bookings'))[0].n as number;

describe('POST /api/v1/bookings', () => {
  it('lets exactly one of 50 simultaneous requests for one slot through; the 49 others hear it is taken', async () => {
    // Once the app is ready: the search index of every source, built at start, no longer competes with
    // the 50 for the CPU and the pool (on a loaded 2-core machine some waited past the pool's 5 s).
    await expect.poll(async () => (await app.get('/readyz')).statusCode, { timeout: 60_000 }).toBe(200);
    const owner = await roomOwner(app.t, 0);
    const room = await publishRoom(app.t, owner, { confirmation: 'at_once', capacity: '30' });
    const [{ id: asker }] = await sql(
      app.t,
      'select id from organisations where id <> $1 order by provenance_id limit 1',
      [owner.org],
    );
    const token = await tokenOf(app.t, asker);
    const slot = { room_id: room, start: nextWeek(2, '18:00'), end: nextWeek(2, '20:00'), attendees: 12 };
    const answers = await Promise.all(
      Array.from({ length: 50 }, () => post(token, '/api/v1/bookings', slot, 'fr')),
    );
    const statuses = answers.map((a) => a.statusCode).sort();
    expect(
      statuses.filter((s) => s === 201),
      String(statuses),
    ).toHaveLength(1);
    expect(
      statuses.filter((s) => s === 409),
      String(statuses),
    ).toHaveLength(49);
    const refused = answers.find((a) => a.statusCode === 409)!.json();
    expect(refused).toMatchObject({
      error: 'BOOKING_TAKEN',
      message: 'Ce moment est déjà pris. Choisissez un autre créneau.',
    });
    const rows = await sql(app.t, 'select status from bookings where room_id = $1', [room]);
    expect(rows).toEqual([{ status: 'confirmed' }]);
  });

  it('refuses bad requests with the reasons in the reader’s language, storing nothing', async () => {
    const owner = await roomOwner(app.t, 1);
    const room = await publishRoom(app.t, owner, { max_minutes: '120', capacity: '10' });
    // Closed on next week's Wednesday.
    await owner.editor.get(`/en/manage/rooms/${room}`);
    const closed = await owner.editor.post(`/en/manage/rooms/${room}/closures`, {
      'closure-closed_from': nextWeek(3),
    });
    expect(closed.statusCode).toBe(303);
    const [{ id: asker }] = await sql(
      app.t,
      'select id from organisations where id <> $1 order by provenance_id limit 1',
      [owner.org],
    );
    const token = await tokenOf(app.t, asker);
    const before = await bookings();
    const ask = (fields: object) =>
      post(token, '/api/v1/bookings', { room_id: room, attendees: 5, ...fields }, 'nl');
    const cases: [object, string, string][] = [
      [
        { start: nextWeek(2, '18:00'), end: nextWeek(2, '17:00') },
        'end',
        'Het einde moet na het begin komen.',
      ],
      [
        { start: nextWeek(2, '07:00'), end: nextWeek(2, '08:00') },
        'start',
        'De zaal is dan niet open voor anderen. Kies een vrij tijdslot van de week.',
      ],
      [{ start: nextWeek(3, '10:00'), end: nextWeek(3, '11:00') }, 'start', 'De zaal is die dag gesloten.'],
      [
        { start: nextWeek(2, '10:00'), end: nextWeek(2, '13:00') },
        'end',
        'Dat is langer dan de langste reservatie van de zaal.',
      ],
      [
        { start: '2020-01-06T10:00:00+01:00', end: '2020-01-06T11:00:00+01:00' },
        'start',
        'Dit moment is al voorbij.',
      ],
      [
        { start: nextWeek(2, '10:00'), end: nextWeek(2, '11:00'), attendees: 11 },
        'attendees',
        'Dat zijn meer mensen dan er in de zaal passen.',
      ],
      [
        { start: 'tomorrow', end: nextWeek(2, '11:00') },
        'start',
        'Geef een datum en een uur zoals 2026-12-24 en 18:00.',
      ],
    ];
    for (const [fields, field, message] of cases) {
      const res = await ask(fields);
      expect(res.statusCode, JSON.stringify(fields)).toBe(400);
      expect(res.json().fields).toEqual([{ field, message }]);
    }
    const unknown = await post(token, '/api/v1/bookings', {
      room_id: '00000000-0000-4000-8000-000000000000',
      start: nextWeek(2, '10:00'),
      end: nextWeek(2, '11:00'),
      attendees: 5,
    });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error).toBe('ROOM_NOT_FOUND');
    expect((await post(null, '/api/v1/bookings', { room_id: room })).statusCode).toBe(401);
    expect(await bookings()).toBe(before);
  });

  it('waits for the owners on an approval room; approving over a confirmed booking is refused as taken', async () => {
    const owner = await roomOwner(app.t, 2);
    const room = await publishRoom(app.t, owner, { confirmation: 'approval' });
    const askers = await sql(
      app.t,
      'select id from organisations where id <> $1 order by provenance_id limit 3',
      [owner.org],
    );
    const [first, second, stranger] = [
      await tokenOf(app.t, askers[0].id),
      await tokenOf(app.t, askers[1].id),
      await tokenOf(app.t, askers[2].id),
    ];
    const ownerToken = await tokenOf(app.t, owner.org);
    const slot = { room_id: room, start: nextWeek(4, '14:00'), end: nextWeek(4, '16:00'), attendees: 8 };
    const a = (await post(first, '/api/v1/bookings', slot)).json();
    const b = (await post(second, '/api/v1/bookings', { ...slot, start: nextWeek(4, '15:00') })).json();
    expect([a.status, b.status]).toEqual(['requested', 'requested']);

    // Another organisation's token sees no such booking; the asker may not approve its own request.
    expect((await post(stranger, `/api/v1/bookings/${a.id}/actions/approve`)).statusCode).toBe(404);
    expect((await post(first, `/api/v1/bookings/${a.id}/actions/approve`)).statusCode).toBe(403);
    expect((await post(ownerToken, `/api/v1/bookings/${a.id}/actions/approve`)).json()).toEqual({
      id: a.id,
      status: 'confirmed',
    });
    const taken = await post(ownerToken, `/api/v1/bookings/${b.id}/actions/approve`);
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error).toBe('BOOKING_TAKEN');
    // Declining needs a reason; then the asker is told why.
    const bare = await post(ownerToken, `/api/v1/bookings/${b.id}/actions/decline`, {});
    expect(bare.statusCode).toBe(400);
    const declined = await post(ownerToken, `/api/v1/bookings/${b.id}/actions/decline`, {
      reason: 'Taken by another group.',
    });
    expect(declined.json()).toEqual({ id: b.id, status: 'declined' });
    expect(await sql(app.t, 'select status, reason from bookings where id = $1', [b.id])).toEqual([
      { status: 'declined', reason: 'Taken by another group.' },
    ]);
    // The asker cancels; cancelling twice is a conflict.
    expect((await post(first, `/api/v1/bookings/${a.id}/actions/cancel`)).json().status).toBe('cancelled');
    expect((await post(first, `/api/v1/bookings/${a.id}/actions/cancel`)).statusCode).toBe(409);
    const audit = await sql(
      app.t,
      `select event from audit_log where subject_type = 'booking' and subject_id = $1 order by at`,
      [a.id],
    );
    expect(audit.map((r) => r.event)).toEqual([
      'spaces.booking_requested',
      'spaces.booking_confirmed',
      'spaces.booking_cancelled',
    ]);
  });
});

describe('GET /api/v1/rooms and availability', () => {
  it('lists rooms and tells when one is open and taken', async () => {
    const owner = await roomOwner(app.t, 3);
    const room = await publishRoom(app.t, owner, { confirmation: 'at_once' });
    const token = await tokenOf(app.t, owner.org);
    // Wednesday: next Monday is within the room's 24 hours' notice when today is Sunday.
    await post(token, '/api/v1/bookings', {
      room_id: room,
      start: nextWeek(3, '10:00'),
      end: nextWeek(3, '12:00'),
      attendees: 3,
    });
    const list = (await app.get('/api/v1/rooms?per_page=100')).json();
    expect(list.meta).toMatchObject({ page: 1, per_page: 100 });
    expect(list.data.find((r: { id: string }) => r.id === room)).toMatchObject({
      organisation_id: owner.org,
      capacity: 20,
      confirmation: 'at_once',
    });
    const res = await app.get(`/api/v1/rooms/${room}/availability?from=${nextWeek(3)}&to=${nextWeek(4)}`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.open).toEqual([
      {
        start: new Date(nextWeek(3, '09:00')).toISOString(),
        end: new Date(nextWeek(3, '22:00')).toISOString(),
      },
    ]);
    expect(body.taken).toEqual([
      {
        start: new Date(nextWeek(3, '10:00')).toISOString(),
        end: new Date(nextWeek(3, '12:00')).toISOString(),
      },
    ]);
    expect(
      (await app.get(`/api/v1/rooms/${room}/availability?from=2027-01-01&to=2027-03-01`)).statusCode,
    ).toBe(400);
    expect((await app.get(`/api/v1/rooms/not-a-room/availability`)).statusCode).toBe(404);
  });

  it('is in the OpenAPI document', async () => {
    const doc = (await app.get('/api/docs/json')).json();
    expect(doc.paths['/api/v1/bookings'].post.security).toEqual([{ apiToken: [] }]);
    expect(doc.paths['/api/v1/bookings/{id}/actions/{action}'].post.tags).toEqual(['spaces']);
    expect(doc.paths['/api/v1/rooms'].get.tags).toEqual(['spaces']);
    expect(doc.paths['/api/v1/rooms/{id}/availability'].get).toBeDefined();
    expect(doc.paths['/api/v1/rooms/{id}/bookings/cancel'].post.security).toEqual([{ apiToken: [] }]);
    expect(doc.paths['/api/v1/rooms/{id}'].get.tags).toEqual(['spaces']);
    const photos =
      doc.paths['/api/v1/rooms/{id}'].get.responses['200'].content['application/json'].schema.properties
        .photos;
    expect(Object.keys(photos.items.properties)).toEqual([
      'id',
      'url',
      'small_url',
      'width',
      'height',
      'caption',
    ]);
  });
});

describe('dates far away', () => {
  const today = () => DateTime.now().setZone('Europe/Brussels').startOf('day');

  it('answers availability only from a year back to 366 days ahead; year 9999 and year 1 are refused, not expanded', async () => {
    const owner = await roomOwner(app.t, 6);
    const room = await publishRoom(app.t, owner);
    const availability = (from: string, to?: string) =>
      app.get(`/api/v1/rooms/${room}/availability?from=${from}${to ? `&to=${to}` : ''}`, {
        'accept-language': 'en',
      });
    for (const [from, to] of [
      ['9999-12-01', '9999-12-31'],
      ['0001-01-01', undefined],
      [today().plus({ days: 367 }).toISODate()!, undefined],
      [today().minus({ years: 1, days: 1 }).toISODate()!, undefined],
    ] as const) {
      const res = await availability(from, to);
      expect(res.statusCode, from).toBe(400);
      expect(res.json().fields, from).toEqual([
        { field: 'from', message: 'Choose a date at most one year before or after today.' },
      ]);
    }
    // The window's last day and its first: answered, with the room's hours there.
    const last = await availability(today().plus({ days: 366 }).toISODate()!);
    expect(last.statusCode).toBe(200);
    expect(last.json().open).toHaveLength(7);
    expect((await availability(today().minus({ years: 1 }).toISODate()!)).statusCode).toBe(200);
  });

  it('refuses a booking for a time the clocks skip, in the asker’s language', async () => {
    const owner = await roomOwner(app.t, 7);
    const room = await publishRoom(app.t, owner, { d7w1o: '00:00', d7w1c: '24:00' });
    const token = await tokenOf(app.t, owner.org);
    // 2027-03-28 is a Sunday: Brussels goes from 02:00 straight to 03:00.
    const res = await post(
      token,
      '/api/v1/bookings',
      { room_id: room, start: '2027-03-28T02:30', end: '2027-03-28T04:00', attendees: 3 },
      'fr',
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().fields).toEqual([
      {
        field: 'start',
        message:
          'Cette heure n’existe pas : cette nuit-là, on avance les horloges d’une heure. Choisissez une autre heure.',
      },
    ]);
    expect(await sql(app.t, 'select 1 from bookings where room_id = $1', [room])).toEqual([]);
  });
});

describe('the monthly free-use quota', () => {
  const asker = async (skip: number) => {
    const owner = await roomOwner(app.t, skip);
    const [{ id }] = await sql(
      app.t,
      'select id from organisations where id <> $1 order by provenance_id desc limit 1',
      [owner.org],
    );
    return { owner, token: await tokenOf(app.t, id), org: id };
  };
  const slot = (room: string, from: string, to: string) => ({
    room_id: room,
    start: nextWeek(2, from),
    end: nextWeek(2, to),
    attendees: 4,
  });

  it('counts what the group asked for this month, one request after another', async () => {
    const { owner, token } = await asker(8);
    const room = await publishRoom(app.t, owner, { monthly_quota_hours: '3' });
    expect((await post(token, '/api/v1/bookings', slot(room, '09:00', '11:00'))).statusCode).toBe(201);
    const over = await post(token, '/api/v1/bookings', slot(room, '12:00', '14:00'));
    expect(over.statusCode).toBe(400);
    expect(over.json().fields).toEqual([
      { field: 'end', message: 'Your group would go over its hours for this month in this room.' },
    ]);
    expect((await post(token, '/api/v1/bookings', slot(room, '12:00', '13:00'))).statusCode).toBe(201);
    expect((await post(token, '/api/v1/bookings', slot(room, '14:00', '14:30'))).statusCode).toBe(400);
  });

  it('lets one of six simultaneous two-hour requests through a two-hour quota', async () => {
    const { owner, token, org } = await asker(9);
    const room = await publishRoom(app.t, owner, { monthly_quota_hours: '2' });
    const hours = ['09:00', '11:00', '13:00', '15:00', '17:00', '19:00'];
    const answers = await Promise.all(
      hours.map((h) => post(token, '/api/v1/bookings', slot(room, h, `${Number(h.slice(0, 2)) + 2}:00`))),
    );
    expect(answers.map((a) => a.statusCode).sort()).toEqual([201, 400, 400, 400, 400, 400]);
    expect(
      await sql(
        app.t,
        'select count(*)::int as n from bookings where room_id = $1 and organisation_id = $2',
        [room, org],
      ),
    ).toEqual([{ n: 1 }]);
  });
});

describe('deciding late', () => {
  it('refuses to approve a request whose time has begun, and leaves it as it was', async () => {
    const owner = await roomOwner(app.t, 10);
    const room = await publishRoom(app.t, owner, { confirmation: 'approval' });
    const [{ id: group }] = await sql(
      app.t,
      'select id from organisations where id <> $1 order by provenance_id limit 1',
      [owner.org],
    );
    const asked = (
      await post(await tokenOf(app.t, group), '/api/v1/bookings', {
        room_id: room,
        start: nextWeek(3, '10:00'),
        end: nextWeek(3, '12:00'),
        attendees: 4,
      })
    ).json();
    // Nobody answered, and its time came.
    await sql(
      app.t,
      `update bookings set period = tstzrange(now() - interval '1 hour', now() + interval '1 hour') where id = $1`,
      [asked.id],
    );
    const res = await post(
      await tokenOf(app.t, owner.org),
      `/api/v1/bookings/${asked.id}/actions/approve`,
      {},
      'nl',
    );
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({
      error: 'BOOKING_STARTED',
      message: 'Het moment van deze aanvraag is al begonnen of voorbij: ze kan niet meer goedgekeurd worden.',
    });
    expect(await sql(app.t, 'select status from bookings where id = $1', [asked.id])).toEqual([
      { status: 'requested' },
    ]);
  });
});

describe('API tokens', () => {
  it('are refused by the access module’s error, and their page says what they open', async () => {
    expect(errorMessageKey('API_TOKEN_INVALID')).toBe('access.errors.API_TOKEN_INVALID');
    const refused = await post('psl_not-a-token', '/api/v1/bookings', {}, 'fr');
    expect(refused.statusCode).toBe(401);
    expect(refused.json()).toMatchObject({
      error: 'API_TOKEN_INVALID',
      message: 'Joignez une clé API valide de votre organisation (Authorization: Bearer …).',
    });
    const [{ id: org }] = await sql(app.t, 'select id from organisations order by provenance_id limit 1');
    const admin = await memberOf(app.t, org, ['admin']);
    const page = await admin.get(`/en/manage/organisations/${org}/api-tokens`);
    expect(page.body).toContain('/api/v1/signals');
    expect(page.body).toContain('room bookings');
  });
});

describe('the room list', () => {
  it('reads the organisations and the photos of a page of rooms in one query each, however many there are', async () => {
    const queries: string[] = [];
    const db = drizzle({
      client: app.t.database.pool,
      schema,
      casing: 'snake_case',
      logger: { logQuery: (query) => void queries.push(query) },
    });
    const items = (await findRooms(db, { perPage: 100 }, { locale: 'en', now: new Date() })).rooms.map(
      (r) => r.room,
    );
    expect(new Set(items.map((r) => r.organisationId)).size).toBeGreaterThanOrEqual(3);
    expect(items.every((r) => Object.keys(r.organisationName).length > 0 && r.place)).toBe(true);
    // The page of rooms, their number, their organisations with their places, and their photos
    // without their bytes.
    expect(queries).toHaveLength(4);
    const photos = queries.filter((q) => q.includes('"room_photos"'));
    expect(photos).toHaveLength(1);
    expect(photos[0]).not.toMatch(/"data"/);
  });
});
