// Finding rooms through the real HTTP app: by commune or distance, for so many people, and at a
// time, when only rooms open then and not booked are listed; the same search as a page in French;
// bad searches refused with the reason in the reader's language.
import { describe, expect, it } from 'vitest';
import { memberOf, sql } from '../../../../test/helpers/members.ts';
import { nextWeek, publishRoom, tokenOf } from '../../../../test/helpers/spaces.ts';
import { useTestApp } from '../../../../test/helpers/test-app.ts';

const app = useTestApp();
const get = (url: string, locale = 'en') =>
  app.t.app.inject({ method: 'GET', url, headers: { 'accept-language': locale } });
const ids = (body: { data: { id: string }[] }) => body.data.map((r) => r.id);

async function roomsInOneCommune() {
  // Two organisations with a place in the same commune, and one elsewhere.
  const places = await sql(
    app.t,
    `select l.commune_nis as nis, count(distinct o.id)::int as n from organisations o
       join locations l on l.organisation_id = o.id where l.commune_nis is not null
      group by l.commune_nis having count(distinct o.id) >= 2 order by n desc limit 1`,
  );
  const nis = places[0].nis as string;
  const owners = await sql(
    app.t,
    `select o.id as org, min(l.id::text) as location from organisations o join locations l on l.organisation_id = o.id
      where l.commune_nis = $1 group by o.id, o.provenance_id order by o.provenance_id limit 2`,
    [nis],
  );
  const owner = async (row: { org: string; location: string }) => ({
    org: row.org,
    location: row.location,
    editor: await memberOf(app.t, row.org, ['editor']),
  });
  const first = await owner(owners[0]);
  const second = await owner(owners[1]);
  const small = await publishRoom(app.t, first, { capacity: '12', confirmation: 'at_once' });
  const big = await publishRoom(app.t, second, {
    capacity: '40',
    confirmation: 'at_once',
    accessibility: ['step_free'],
  });
  const [far] = await sql(
    app.t,
    `select o.id as org from organisations o join locations l on l.organisation_id = o.id
      where l.commune_nis <> $1 and l.commune_nis is not null order by o.provenance_id limit 1`,
    [nis],
  );
  return { nis, small, big, first, farOrg: far.org as string };
}

describe('finding rooms', () => {
  it('by commune, size, accessibility and time, leaving out what is booked then (API)', async () => {
    const { nis, small, big, first } = await roomsInOneCommune();
    const inCommune = (await get(`/api/v1/rooms?commune=${nis}&per_page=100`)).json();
    expect(ids(inCommune)).toEqual(expect.arrayContaining([small, big]));
    expect(inCommune.data.every((r: { commune: string }) => r.commune === nis)).toBe(true);

    const forTwenty = ids((await get(`/api/v1/rooms?commune=${nis}&people=20&per_page=100`)).json());
    expect(forTwenty).toContain(big);
    expect(forTwenty).not.toContain(small);
    const stepFree = ids(
      (await get(`/api/v1/rooms?commune=${nis}&accessibility=step_free&per_page=100`)).json(),
    );
    expect(stepFree).toContain(big);
    expect(stepFree).not.toContain(small);

    // Thursday evening: the small room is booked by someone, the big one is free.
    const [{ id: asker }] = await sql(
      app.t,
      'select id from organisations where id <> $1 order by provenance_id limit 1',
      [first.org],
    );
    const booked = await app.t.app.inject({
      method: 'POST',
      url: '/api/v1/bookings',
      headers: { authorization: `Bearer ${await tokenOf(app.t, asker)}` },
      payload: { room_id: small, start: nextWeek(4, '18:00'), end: nextWeek(4, '21:00'), attendees: 8 },
    });
    expect(booked.statusCode).toBe(201);
    const when = `start=${encodeURIComponent(nextWeek(4, '19:00'))}&end=${encodeURIComponent(nextWeek(4, '21:00'))}`;
    const thursday = ids((await get(`/api/v1/rooms?commune=${nis}&${when}&per_page=100`)).json());
    expect(thursday).toContain(big);
    expect(thursday).not.toContain(small);
    // The rooms open 09:00-22:00: at 23:00 none of them is listed.
    const late = `start=${encodeURIComponent(nextWeek(4, '22:00'))}&end=${encodeURIComponent(nextWeek(4, '23:00'))}`;
    const night = ids((await get(`/api/v1/rooms?commune=${nis}&${late}&per_page=100`)).json());
    expect(night).not.toContain(big);
    // Longer than the rooms' longest booking (4 hours): not listed either.
    const long = `start=${encodeURIComponent(nextWeek(5, '10:00'))}&end=${encodeURIComponent(nextWeek(5, '15:00'))}`;
    expect(ids((await get(`/api/v1/rooms?commune=${nis}&${long}&per_page=100`)).json())).not.toContain(big);
  });

  it('near a place, nearest first, with the distance', async () => {
    const { big } = await roomsInOneCommune();
    const [{ postcode }] = await sql(
      app.t,
      `select l.postcode from rooms r join locations l on l.id = r.location_id where r.id = $1`,
      [big],
    );
    const res = (await get(`/api/v1/rooms?near=${postcode}&radius_km=5&per_page=100`)).json();
    expect(ids(res)).toContain(big);
    const distances = res.data.map((r: { distance_km: number }) => r.distance_km);
    expect(distances.every((d: number) => d >= 0 && d <= 5)).toBe(true);
    expect([...distances].sort((a, b) => a - b)).toEqual(distances);

    // Near the place and in a commune: both hold, still nearest first.
    const [{ nis }] = await sql(
      app.t,
      `select l.commune_nis as nis from rooms r join locations l on l.id = r.location_id where r.id = $1`,
      [big],
    );
    const both = (await get(`/api/v1/rooms?near=${postcode}&radius_km=5&commune=${nis}&per_page=100`)).json();
    expect(ids(both)).toContain(big);
    expect(
      both.data.every(
        (r: { commune: string; distance_km: number | null }) => r.commune === nis && r.distance_km !== null,
      ),
    ).toBe(true);
    const near = both.data.map((r: { distance_km: number }) => r.distance_km);
    expect([...near].sort((a, b) => a - b)).toEqual(near);
  });

  it('refuses a place it does not know, times in the wrong order and impossible sizes, in the reader’s language', async () => {
    const atlantis = await get('/api/v1/rooms?near=Qzxwvk Plaza', 'nl');
    expect(atlantis.statusCode).toBe(400);
    expect(atlantis.json().fields).toEqual([
      {
        field: 'near',
        message:
          'Deze plek in Brussel kennen we niet. Probeer een gemeente, een postcode, een straat of een station.',
      },
    ]);
    const order = await get(
      `/api/v1/rooms?start=${encodeURIComponent(nextWeek(2, '20:00'))}&end=${encodeURIComponent(nextWeek(2, '18:00'))}`,
      'fr',
    );
    expect(order.json().fields).toEqual([{ field: 'end', message: 'La fin doit venir après le début.' }]);
    expect((await get('/api/v1/rooms?people=0')).statusCode).toBe(400);
    expect((await get('/api/v1/rooms?people=100000')).statusCode).toBe(400);
    expect((await get('/api/v1/rooms?commune=99999')).json().fields[0].field).toBe('commune');
  });

  it('is a page that works without JavaScript, in French, with the free rooms and a map', async () => {
    const { big } = await roomsInOneCommune();
    const [{ postcode }] = await sql(
      app.t,
      `select l.postcode from rooms r join locations l on l.id = r.location_id where r.id = $1`,
      [big],
    );
    const date = nextWeek(3);
    const res = await get(
      `/fr/rooms?near=${postcode}&radius=5&date=${date}&from=18:00&until=20:00&people=30`,
      'fr',
    );
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<h1>Trouver une salle</h1>');
    expect(res.body).toMatch(/\d+ salles? libres? le mercredi/);
    expect(res.body).toContain(`href="/fr/rooms/${big}?week=${date}#week"`);
    expect(res.body).toContain('data-map="points"');

    const bad = await get('/fr/rooms?near=Qzxwvk Plaza&date=2026-13-40&from=18:00&until=20:00', 'fr');
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Nous ne connaissons pas ce lieu à Bruxelles.');
  });
});
