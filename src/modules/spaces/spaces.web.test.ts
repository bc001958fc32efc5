// The rooms' pages through the real HTTP app, as a browser without JavaScript: an editor publishes
// a room with its weekly hours (bad values refused with their reasons, nothing stored), a member of
// another organisation asks for a slot, the owners decide; other organisations' rooms and bookings
// do not exist for anyone else. And the database itself refuses overlapping confirmed bookings.
import { describe, expect, it } from 'vitest';
import { memberOf, sql } from '../../../test/helpers/members.ts';
import { nextWeek, publishRoom, roomForm, roomOwner } from '../../../test/helpers/spaces.ts';
import { useTestApp } from '../../../test/helpers/test-app.ts';

const app = useTestApp();
const rooms = async () => (await sql(app.t, 'select count(*)::int as n from rooms'))[0].n as number;

/**
 * A member of another organisation (the first after the owner's), on the room's page, and its way to
 * ask for 10:00–11:00 on a day for three people.
 */
async function askerFor(owner: { org: string }, room: string, roles: string[]) {
  const [{ id: group }] = await sql(
    app.t,
    'select id from organisations where id <> $1 order by provenance_id limit 1',
    [owner.org],
  );
  const asker = await memberOf(app.t, group, roles);
  await asker.get(`/en/rooms/${room}`);
  const ask = (date: string) =>
    asker.post(`/en/rooms/${room}/bookings`, {
      organisation: group,
      date,
      start: '10:00',
      end: '11:00',
      attendees: '3',
    });
  return { group: group as string, asker, ask };
}

describe('publishing a room', () => {
  it('stores the room with its weekly hours as RFC 5545 rules, and shows them again', async () => {
    const owner = await roomOwner(app.t, 0);
    const room = await publishRoom(app.t, owner, { d1w2o: '', d6w1o: '', d6w1c: '', d7w1o: '', d7w1c: '' });
    const rules = await sql(
      app.t,
      `select rule, minutes from room_availability where room_id = $1 and kind = 'open'`,
      [room],
    );
    expect(rules).toEqual([
      { rule: 'DTSTART:20260105T090000\nRRULE:FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR', minutes: 780 },
    ]);
    const page = await owner.editor.get(`/fr/manage/rooms/${room}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('name="d5w1o" value="09:00"');
    expect(page.body).toContain('name="d6w1o" value=""');
    const list = await owner.editor.get(`/nl/manage/organisations/${owner.org}/rooms`);
    expect(list.body).toContain('Meeting room');
  });

  it('refuses a capacity of 0 or 100,000, a window that ends before it starts, and a place of another organisation', async () => {
    const owner = await roomOwner(app.t, 1);
    const [{ id: elsewhere }] = await sql(
      app.t,
      'select id from locations where organisation_id <> $1 limit 1',
      [owner.org],
    );
    await owner.editor.get(`/fr/manage/organisations/${owner.org}/rooms/new`);
    const before = await rooms();
    for (const capacity of ['0', '100000']) {
      const res = await owner.editor.post(
        `/fr/manage/organisations/${owner.org}/rooms`,
        roomForm(owner.location, { capacity }),
      );
      expect(res.statusCode).toBe(400);
      expect(res.body).toContain('Indiquez un nombre de personnes de 1 à 1 000.');
    }
    const week = await owner.editor.post(
      `/fr/manage/organisations/${owner.org}/rooms`,
      roomForm(owner.location, { d2w1c: '08:00' }),
    );
    expect(week.statusCode).toBe(400);
    expect(week.body).toContain('La fin doit venir après le début, le même jour.');
    const place = await owner.editor.post(`/fr/manage/organisations/${owner.org}/rooms`, roomForm(elsewhere));
    expect(place.statusCode).toBe(400);
    expect(place.body).toContain('Choisissez un de vos lieux.');
    expect(await rooms()).toBe(before);
  });

  it('is for the organisation’s editors only: a room of another organisation is not found', async () => {
    const owner = await roomOwner(app.t, 2);
    const room = await publishRoom(app.t, owner);
    const referrer = await memberOf(app.t, owner.org, ['referrer']);
    expect((await referrer.get(`/en/manage/rooms/${room}`)).statusCode).toBe(404);
    const [{ id: other }] = await sql(app.t, 'select id from organisations where id <> $1 limit 1', [
      owner.org,
    ]);
    const stranger = await memberOf(app.t, other, ['admin']);
    expect((await stranger.get(`/en/manage/rooms/${room}`)).statusCode).toBe(404);
    await stranger.get('/en/account');
    const changed = await stranger.post(
      `/en/manage/rooms/${room}`,
      roomForm(owner.location, { 'name.en': 'Mine now' }),
    );
    expect(changed.statusCode).toBe(404);
    expect(await sql(app.t, `select name->>'en' as name from rooms where id = $1`, [room])).toEqual([
      { name: 'Meeting room' },
    ]);
  });
});

describe('asking for a slot and deciding', () => {
  it('a member asks on the room’s page; a taken slot is refused clearly; the owners approve and decline', async () => {
    const owner = await roomOwner(app.t, 3);
    const room = await publishRoom(app.t, owner, { confirmation: 'approval' });
    const [{ id: group }] = await sql(
      app.t,
      `select id from organisations where id <> $1 order by provenance_id desc limit 1`,
      [owner.org],
    );
    const asker = await memberOf(app.t, group, ['referrer'], { locale: 'fr' });
    const page = await asker.get(`/fr/rooms/${room}?week=${nextWeek(1)}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('libre');
    const ask = (start: string, end: string) =>
      asker.post(`/fr/rooms/${room}/bookings`, {
        organisation: group,
        date: nextWeek(2),
        start,
        end,
        attendees: '6',
        purpose: 'Réunion des parents',
      });
    const asked = await ask('18:00', '20:00');
    expect(asked.statusCode).toBe(303);
    expect(asked.headers.location).toContain('done=requested');
    const refused = await ask('21:00', '23:00');
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('La salle n’est pas ouverte aux autres à ce moment.');

    // The owners see the request and decide; declining asks for a reason.
    const list = await owner.editor.get(`/nl/manage/organisations/${owner.org}/rooms`);
    expect(list.body).toContain('Réunion des parents');
    const [{ id: booking }] = await sql(app.t, 'select id from bookings where room_id = $1', [room]);
    const bare = await owner.editor.post(`/nl/manage/bookings/${booking}/decline`, {});
    expect(bare.statusCode).toBe(400);
    expect(bare.body).toContain('Zeg waarom je weigert: de groep leest het.');
    const approved = await owner.editor.post(`/nl/manage/bookings/${booking}/approve`, {});
    expect(approved.statusCode).toBe(303);
    expect(await sql(app.t, 'select status from bookings where id = $1', [booking])).toEqual([
      { status: 'confirmed' },
    ]);

    // Now that time is taken: asking again says so, and stores nothing.
    await asker.get(`/fr/rooms/${room}`);
    const taken = await ask('19:00', '20:00');
    expect(taken.statusCode).toBe(409);
    expect(taken.body).toContain('Ce moment est déjà pris.');
    expect(
      (await sql(app.t, 'select count(*)::int as n from bookings where room_id = $1', [room]))[0].n,
    ).toBe(1);
    // The week shows it taken, to anyone.
    expect((await app.get(`/en/rooms/${room}?week=${nextWeek(1)}`)).body).toContain('taken');
  });

  it('a booking of another organisation’s room is not found for a stranger', async () => {
    const owner = await roomOwner(app.t, 4);
    const room = await publishRoom(app.t, owner, { confirmation: 'at_once' });
    const { group, asker, ask } = await askerFor(owner, room, ['editor']);
    await ask(nextWeek(5));
    const [{ id: booking }] = await sql(
      app.t,
      `select id from bookings where room_id = $1 and status = 'confirmed'`,
      [room],
    );
    const [{ id: third }] = await sql(
      app.t,
      'select id from organisations where id not in ($1, $2) limit 1',
      [owner.org, group],
    );
    const stranger = await memberOf(app.t, third, ['admin']);
    await stranger.get('/en/account');
    expect((await stranger.post(`/en/manage/bookings/${booking}/cancel`, {})).statusCode).toBe(404);
    expect(await sql(app.t, 'select status from bookings where id = $1', [booking])).toEqual([
      { status: 'confirmed' },
    ]);
    // The asker may cancel its own booking.
    expect((await asker.post(`/en/manage/bookings/${booking}/cancel`, {})).statusCode).toBe(303);
    expect(await sql(app.t, 'select status from bookings where id = $1', [booking])).toEqual([
      { status: 'cancelled' },
    ]);
  });
});

describe('the database', () => {
  it('refuses a second confirmed booking over the same time of one room, whatever the code does', async () => {
    const owner = await roomOwner(app.t, 5);
    const room = await publishRoom(app.t, owner);
    const insert = (status: string, from: string, to: string) =>
      sql(
        app.t,
        `insert into bookings (room_id, organisation_id, period, attendees, status) values ($1, $2, tstzrange($3, $4), 2, $5)`,
        [room, owner.org, from, to, status],
      );
    await insert('confirmed', '2027-03-01T10:00:00Z', '2027-03-01T12:00:00Z');
    await insert('requested', '2027-03-01T11:00:00Z', '2027-03-01T13:00:00Z');
    await insert('confirmed', '2027-03-01T12:00:00Z', '2027-03-01T13:00:00Z'); // touching is not overlapping
    await expect(insert('confirmed', '2027-03-01T11:59:00Z', '2027-03-01T12:30:00Z')).rejects.toMatchObject({
      code: '23P01',
    });
  });
});

describe('fixes from the review', () => {
  const thisWeekLinks = (body: string) => {
    // The week shown is this one: its "next week" link goes to next week's Monday.
    expect(body).toContain(`?week=${nextWeek(1)}#week`);
    expect(body).not.toMatch(/week=(9999|0001|0000)-[0-9-]+#week/);
  };

  it('shows this week for a week far away, on the page and on a refused request', async () => {
    const owner = await roomOwner(app.t, 6);
    const room = await publishRoom(app.t, owner);
    for (const week of ['9999-12-20', '0001-01-01']) {
      const page = await app.get(`/en/rooms/${room}?week=${week}`);
      expect(page.statusCode, week).toBe(200);
      thisWeekLinks(page.body);
    }
    const far = await (await askerFor(owner, room, ['referrer'])).ask('9999-12-20');
    expect(far.statusCode).toBe(400);
    expect(far.body).toContain('You can ask at most one year ahead.');
    thisWeekLinks(far.body);
  });

  it('takes closed days of up to 366 days, and refuses one day more as “at most one year”', async () => {
    const owner = await roomOwner(app.t, 7);
    const room = await publishRoom(app.t, owner);
    await owner.editor.get(`/en/manage/rooms/${room}`);
    const close = (from: string, to: string) =>
      owner.editor.post(`/en/manage/rooms/${room}/closures`, {
        'closure-closed_from': from,
        'closure-closed_to': to,
      });
    const closures = async () =>
      (
        await sql(app.t, `select minutes from room_availability where room_id = $1 and kind = 'closed'`, [
          room,
        ])
      ).map((r) => r.minutes as number);
    const refused = await close('2027-01-01', '2028-01-02');
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('At most one year.');
    expect(await closures()).toEqual([]);
    expect((await close('2027-01-01', '2028-01-01')).statusCode).toBe(303);
    expect(await closures()).toEqual([366 * 1440]);
  });

  it('refuses a description of 2,001 characters with the 2,000 limit, which the form says too', async () => {
    const owner = await roomOwner(app.t, 8);
    await owner.editor.get(`/en/manage/organisations/${owner.org}/rooms/new`);
    const res = await owner.editor.post(
      `/en/manage/organisations/${owner.org}/rooms`,
      roomForm(owner.location, { 'description.en': 'x'.repeat(2001) }),
    );
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('At most 2,000 characters.');
    expect(res.body).toMatch(
      /name="description\.en"[^>]*maxlength="2000"|maxlength="2000"[^>]*name="description\.en"/,
    );
  });

  it('opens a room until midnight: 22:00 to 24:00, or to 00:00 from a time field', async () => {
    const owner = await roomOwner(app.t, 9);
    for (const closes of ['24:00', '00:00']) {
      const room = await publishRoom(app.t, owner, { d2w1o: '22:00', d2w1c: closes });
      expect(
        await sql(
          app.t,
          `select minutes from room_availability where room_id = $1 and rule like '%BYDAY=TU'`,
          [room],
        ),
      ).toEqual([{ minutes: 120 }]);
      const form = await owner.editor.get(`/en/manage/rooms/${room}`);
      expect(form.body).toContain('name="d2w1c" value="00:00"');
    }
  });

  it('shows an asker’s refused cancel on its bookings tab, not as “not found”', async () => {
    const owner = await roomOwner(app.t, 10);
    const room = await publishRoom(app.t, owner, { confirmation: 'at_once' });
    const { group, asker, ask } = await askerFor(owner, room, ['referrer']);
    await ask(nextWeek(4));
    const [{ id: booking }] = await sql(app.t, 'select id from bookings where room_id = $1', [room]);
    // Any member of the group finds it on the group's bookings tab, with a button to cancel it.
    const tab = await asker.get(`/en/manage/organisations/${group}/bookings`);
    expect(tab.statusCode).toBe(200);
    expect(tab.body).toContain('Your bookings of other organisations’ rooms');
    expect(tab.body).toContain(`action="/en/manage/bookings/${booking}/cancel"`);
    const long = await asker.post(`/en/manage/bookings/${booking}/cancel`, { reason: 'x'.repeat(600) });
    expect(long.statusCode).toBe(400);
    expect(long.body).toContain('<h1>Room bookings of');
    expect(long.body).toContain('At most 500 characters.');
    expect(await sql(app.t, 'select status from bookings where id = $1', [booking])).toEqual([
      { status: 'confirmed' },
    ]);
    const done = await asker.post(`/en/manage/bookings/${booking}/cancel`, {});
    expect(done.statusCode).toBe(303);
    expect(done.headers.location).toBe(`/en/manage/organisations/${group}/bookings?done=cancel`);
    const twice = await asker.post(`/en/manage/bookings/${booking}/cancel`, {});
    expect(twice.statusCode).toBe(409);
    expect(twice.body).toContain('<h1>Room bookings of');
  });
});

describe('the place of a room', () => {
  it('is not removed with the room and its bookings: the editor is told to move the room first', async () => {
    const owner = await roomOwner(app.t, 11);
    const room = await publishRoom(app.t, owner, { confirmation: 'at_once' });
    const { ask, asker } = await askerFor(owner, room, ['referrer']);
    expect((await ask(nextWeek(3))).statusCode).toBe(303);
    await owner.editor.get(`/nl/manage/organisations/${owner.org}/locations`);
    const refused = await owner.editor.post(
      `/nl/manage/organisations/${owner.org}/locations/${owner.location}/delete`,
      {},
    );
    expect(refused.statusCode).toBe(409);
    expect(refused.body).toContain('Verplaats de zalen eerst naar een andere plek, of verwijder ze.');
    expect(await sql(app.t, 'select count(*)::int as n from bookings where room_id = $1', [room])).toEqual([
      { n: 1 },
    ]);
    expect(await sql(app.t, 'select 1 as here from locations where id = $1', [owner.location])).toEqual([
      { here: 1 },
    ]);

    // Removing the room: with a group's booking to come, the group must be told why.
    const form = await owner.editor.get(`/nl/manage/rooms/${room}`);
    expect(form.body).toContain('Deze zaal verwijderen');
    const bare = await owner.editor.post(`/nl/manage/rooms/${room}/remove`, { reason: ' ' });
    expect(bare.statusCode).toBe(400);
    expect(bare.body).toContain('Zeg waarom u annuleert: de groepen lezen het.');
    expect(await sql(app.t, 'select status from bookings where room_id = $1', [room])).toEqual([
      { status: 'confirmed' },
    ]);
    const removed = await owner.editor.post(`/nl/manage/rooms/${room}/remove`, { reason: 'We verhuizen.' });
    expect(removed.statusCode).toBe(303);
    expect(removed.headers.location).toBe(`/nl/manage/organisations/${owner.org}/rooms?done=removed`);
    expect(await sql(app.t, 'select 1 from rooms where id = $1', [room])).toEqual([]);
    const [told] = await sql(
      app.t,
      `select subject, text from outbox where "to" = $1 and text like '%We verhuizen.%'`,
      [asker.email],
    );
    expect(told.subject).toBe('Cancelled: 1 date of Meeting room');
    expect(
      (
        await sql(
          app.t,
          `select details from audit_log where event = 'spaces.room_removed' and subject_id = $1`,
          [room],
        )
      )[0].details.cancelled,
    ).toHaveLength(1);
    // Now the place can go.
    await owner.editor.get(`/nl/manage/organisations/${owner.org}/locations`);
    expect(
      (
        await owner.editor.post(
          `/nl/manage/organisations/${owner.org}/locations/${owner.location}/delete`,
          {},
        )
      ).statusCode,
    ).toBe(303);
  });

  it('goes with its whole organisation, rooms and all', async () => {
    const owner = await roomOwner(app.t, 12);
    const room = await publishRoom(app.t, owner);
    await sql(app.t, 'delete from organisations where id = $1', [owner.org]);
    expect(await sql(app.t, 'select 1 from rooms where id = $1', [room])).toEqual([]);
  });
});
