// Events through the HTTP app: an organisation's editor publishes, changes and cancels an event with
// the form; its page, the agenda and the feeds show it; bad input is refused with a translated
// message and nothing stored; people of other organisations find nothing to manage.
import ICAL from 'ical.js';
import { DateTime } from 'luxon';
import { beforeAll, describe, expect, it } from 'vitest';
import { memberOf, sql } from '../../../../test/helpers/members.ts';
import { roomOwner } from '../../../../test/helpers/spaces.ts';
import { useTestApp } from '../../../../test/helpers/test-app.ts';
import type { Member } from '../../../../test/helpers/members.ts';
import { agendaChanged } from '../agenda/agenda-live.ts';

const app = useTestApp();

/** A Thursday some weeks ahead, "2027-01-14". */
const thursday = (weeks: number) =>
  DateTime.now().setZone('Europe/Brussels').startOf('week').plus({ weeks, days: 3 }).toISODate()!;

let owner: { org: string; location: string; editor: Member };

const eventForm = (fields: Record<string, string | string[]> = {}) => ({
  kind: 'network_day',
  'title.nl': 'Netwerkdag welzijn',
  'title.fr': 'Journée réseau bien-être',
  'description.fr': 'Rencontrer les autres.\n\nAvec un café.',
  place_kind: 'place',
  location: owner.location,
  start_date: thursday(2),
  start_time: '09:30',
  end_time: '16:00',
  repeat: 'none',
  ends: 'until',
  capacity: '30',
  who_may_register: 'everyone',
  languages: ['nl', 'fr'],
  ...fields,
});

async function publish(fields: Record<string, string | string[]> = {}) {
  await owner.editor.get(`/en/manage/organisations/${owner.org}/events/new`);
  return owner.editor.post(`/en/manage/organisations/${owner.org}/events`, eventForm(fields));
}
const idOf = (location: string) => /\/manage\/events\/([0-9a-f-]{36})/.exec(location)![1]!;
const eventCount = async () => Number((await sql(app.t, 'select count(*) as n from events'))[0].n);

beforeAll(async () => {
  owner = await roomOwner(app.t);
});

describe('publishing an event', () => {
  it('stores it with its dates, shows it on its page with JSON-LD, on the agenda and in the feeds', async () => {
    const res = await publish({
      repeat: 'weekly',
      days: ['TU'],
      ends: 'count',
      count: '4',
      themes: [
        (await sql(app.t, 'select code from taxonomy_terms where parent_code is null limit 1'))[0].code,
      ],
    });
    expect(res.statusCode).toBe(303);
    const id = idOf(res.headers.location as string);
    const [event] = await sql(
      app.t,
      'select rule, commune_nis, capacity, created_by from events where id = $1',
      [id],
    );
    expect(event.rule).toBe('FREQ=WEEKLY;BYDAY=TU,TH;COUNT=4');
    const [place] = await sql(app.t, 'select commune_nis from locations where id = $1', [owner.location]);
    expect(event.commune_nis).toBe(place.commune_nis);
    expect(event.created_by).toBe(owner.editor.id);
    const dates = await sql(
      app.t,
      'select id, starts_at from event_occurrences where event_id = $1 order by starts_at',
      [id],
    );
    expect(dates).toHaveLength(4);
    expect(
      DateTime.fromJSDate(dates[0].starts_at, { zone: 'Europe/Brussels' }).toFormat("yyyy-MM-dd'T'HH:mm"),
    ).toBe(`${thursday(2)}T09:30`);
    expect(await sql(app.t, `select event from audit_log where subject_id = $1`, [id])).toEqual([
      { event: 'network.event_published' },
    ]);

    const list = await owner.editor.get(`/en/manage/organisations/${owner.org}/events`);
    expect(list.body).toContain(`/en/manage/events/${id}`);
    expect(list.body).toContain('4 dates');
    expect(list.body).toContain('next: ');

    const page = await app.get(`/fr/events/${id}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Journée réseau bien-être');
    expect(page.body).toContain('30 places restantes');
    expect(page.body).toContain(`/fr/events/${id}/dates/`);
    const ld = JSON.parse(/<script type="application\/ld\+json">(.*?)<\/script>/s.exec(page.body)![1]!);
    expect(ld['@graph']).toHaveLength(4);
    expect(ld['@graph'][0]).toMatchObject({
      '@type': 'Event',
      name: 'Journée réseau bien-être',
      eventStatus: 'https://schema.org/EventScheduled',
      eventAttendanceMode: 'https://schema.org/OfflineEventAttendanceMode',
      location: { '@type': 'Place' },
      organizer: { '@type': 'Organization' },
      url: expect.stringContaining(`/fr/events/${id}`),
      remainingAttendeeCapacity: 30,
    });
    // In Dutch: the Dutch title; the text only in French, said so.
    const nl = await app.get(`/nl/events/${id}`);
    expect(nl.body).toContain('Netwerkdag welzijn');
    expect(nl.body).toContain('fallback-note');

    const agenda = await app.get(`/en/agenda?from=${thursday(2)}&to=${thursday(4)}`);
    expect(agenda.statusCode).toBe(200);
    expect(agenda.body).toContain(`/en/events/${id}`);
    const month = await app.get(`/en/agenda?view=month&month=${thursday(2).slice(0, 7)}`);
    expect(month.statusCode).toBe(200);
    expect(month.body).toContain(`/en/events/${id}`);
    const otherKind = await app.get(`/en/agenda?from=${thursday(2)}&kind=training`);
    expect(otherKind.body).not.toContain(`/en/events/${id}`);

    for (const url of [
      `/organisations/${owner.org}/events.ics?lang=en`,
      `/agenda.ics?lang=en&kind=network_day`,
    ]) {
      const feed = await app.get(url);
      expect(feed.statusCode).toBe(200);
      expect(feed.headers['content-type']).toContain('text/calendar');
      const calendar = new ICAL.Component(ICAL.parse(feed.body));
      const mine = calendar
        .getAllSubcomponents('vevent')
        .filter((v) => String(v.getFirstPropertyValue('url')).endsWith(`/en/events/${id}`));
      expect(mine).toHaveLength(4);
      const uids = mine.map((v) => String(v.getFirstPropertyValue('uid')));
      expect(new Set(uids).size).toBe(4);
      const first = new ICAL.Event(mine[0]!);
      // No English title: the French one, as the page shows it.
      expect(first.summary).toBe('Journée réseau bien-être');
      expect(first.startDate.toJSDate().getTime()).toBe(dates[0].starts_at.getTime());
    }
    // The same UIDs when read again.
    const again = new ICAL.Component(
      ICAL.parse((await app.get(`/organisations/${owner.org}/events.ics`)).body),
    );
    expect(again.getAllSubcomponents('vevent').length).toBeGreaterThanOrEqual(4);

    // A date called off on its own stays in the feeds, cancelled, so calendars take it away.
    await sql(app.t, 'update event_occurrences set cancelled_at = now() where id = $1', [dates[1].id]);
    agendaChanged(app.t.database.db, [id]);
    const called = new ICAL.Component(
      // Dutch: a feed not read (nor kept) yet.
      ICAL.parse((await app.get(`/organisations/${owner.org}/events.ics?lang=nl`)).body),
    );
    const statusOf = (uid: string) =>
      called
        .getAllSubcomponents('vevent')
        .find((v) => v.getFirstPropertyValue('uid') === uid)
        ?.getFirstPropertyValue('status');
    expect(statusOf(`${dates[1].id}@passerelle`)).toBe('CANCELLED');
    expect(statusOf(`${dates[0].id}@passerelle`)).toBe('CONFIRMED');
    const listed = await app.get(`/en/agenda?from=${thursday(2)}&to=${thursday(4)}`);
    expect(listed.body.match(new RegExp(`/en/events/${id}"`, 'g'))).toHaveLength(dates.length - 1);
  });

  it('refuses bad input with a translated message and stores nothing', async () => {
    const before = await eventCount();
    const cases: [Record<string, string | string[]>, string][] = [
      [{ end_time: '08:00' }, 'The end is before the start.'],
      [{ repeat: 'weekly', ends: 'count', count: '10000' }, 'Too many dates: an event has at most 110.'],
      [{ capacity: '0' }, 'Give a number of places from 1 to 5,000'],
      [{ 'title.nl': '', 'title.fr': '' }, 'Give the title in at least one language.'],
      [{ place_kind: 'online', online_url: 'not a link' }, 'This is not a web address'],
      [{ repeat: 'fortnightly' }, 'Choose one.'],
      [{ start_date: '2020-01-01' }, 'This date has passed.'],
    ];
    for (const [fields, message] of cases) {
      const res = await publish(fields);
      expect(res.statusCode, JSON.stringify(fields)).toBe(400);
      expect(res.body).toContain(message);
    }
    expect(await eventCount()).toBe(before);
  });

  it('shows HTML and scripts in every text as harmless text, and never the online link', async () => {
    const evil = '"><script>alert(1)</script><img src=x onerror=alert(2)>';
    const res = await publish({
      'title.en': evil,
      'title.nl': '',
      'title.fr': '',
      'description.en': evil,
      place_kind: 'online',
      online_url: 'https://meet.example.org/secret-room',
    });
    expect(res.statusCode).toBe(303);
    const id = idOf(res.headers.location as string);
    for (const url of [`/en/events/${id}`, `/en/agenda?from=${thursday(2)}`, `/en/manage/events/${id}`]) {
      const page = url.includes('manage') ? await owner.editor.get(url) : await app.get(url);
      expect(page.statusCode).toBe(200);
      // Inside a quoted attribute a "<" is text; no quote ends one early.
      expect(page.body).not.toContain('"><script>');
      const outsideAttributes = page.body.replace(/="[^"]*"/g, '=""');
      expect(outsideAttributes).not.toContain('<script>alert(1)');
      expect(outsideAttributes).not.toContain('<img src=x');
    }
    const page = await app.get(`/en/events/${id}`);
    expect(page.body).not.toContain('secret-room');
    expect(page.body).toContain('VirtualLocation');
    expect(page.body).toContain('\\u003cscript>');
  });
});

describe('the place of an event', () => {
  it('is not removed with the event on it: the editor is told to give the event another place', async () => {
    const host = await roomOwner(app.t, 7);
    await host.editor.get(`/en/manage/organisations/${host.org}/events/new`);
    const res = await host.editor.post(`/en/manage/organisations/${host.org}/events`, {
      ...eventForm(),
      location: host.location,
    });
    expect(res.statusCode).toBe(303);
    await host.editor.get(`/en/manage/organisations/${host.org}/locations`);
    const refused = await host.editor.post(
      `/en/manage/organisations/${host.org}/locations/${host.location}/delete`,
      {},
    );
    expect(refused.statusCode).toBe(409);
    expect(refused.body).toContain('give the events another place too');
    expect(await sql(app.t, 'select 1 as here from locations where id = $1', [host.location])).toEqual([
      { here: 1 },
    ]);
  });
});

describe('changing and cancelling an event', () => {
  it('keeps the registrations of dates that stay, calls off removed dates that had some, and adds new ones', async () => {
    const res = await publish({ repeat: 'weekly', ends: 'count', count: '3' });
    const id = idOf(res.headers.location as string);
    const before = await sql(
      app.t,
      'select id, starts_at from event_occurrences where event_id = $1 order by starts_at',
      [id],
    );
    // Someone registered for the third date.
    await sql(
      app.t,
      `insert into event_registrations (occurrence_id, name, email, locale, status, token_hash, placed_at)
       values ($1, 'A person', 'a.person@example.org', 'en', 'confirmed', decode(md5(random()::text), 'hex'), now())`,
      [before[2].id],
    );
    await sql(app.t, 'update event_occurrences set confirmed = 1 where id = $1', [before[2].id]);
    // And someone waits on the first date (as if its places had been fewer): only a change that adds
    // places moves them up.
    await sql(
      app.t,
      `insert into event_registrations (occurrence_id, name, email, locale, status, token_hash, placed_at)
       values ($1, 'B person', 'b.person@example.org', 'fr', 'waitlisted', decode(md5(random()::text), 'hex'), now())`,
      [before[0].id],
    );
    await sql(app.t, 'update event_occurrences set waitlisted = 1 where id = $1', [before[0].id]);
    await owner.editor.get(`/en/manage/events/${id}`);
    // Thursday and the next Tuesday now: the first date stays, the second goes (deleted), the
    // third goes (called off: someone registered), and the Tuesday comes.
    const changed = await owner.editor.post(
      `/en/manage/events/${id}`,
      eventForm({ repeat: 'weekly', days: ['TU'], ends: 'count', count: '2' }),
    );
    expect(changed.statusCode).toBe(303);
    expect(changed.headers.location).toContain('done=saved_called_off');
    const after = await sql(
      app.t,
      'select id, starts_at, cancelled_at from event_occurrences where event_id = $1 order by starts_at',
      [id],
    );
    expect(after.find((o) => o.id === before[0].id)?.cancelled_at).toBeNull();
    expect(after.find((o) => o.id === before[1].id)).toBeUndefined();
    expect(after.find((o) => o.id === before[2].id)?.cancelled_at).not.toBeNull();
    expect(after.filter((o) => o.cancelled_at === null)).toHaveLength(2);
    expect(
      await sql(
        app.t,
        'select count(*)::int as n from event_registrations r join event_occurrences o on o.id = r.occurrence_id where o.event_id = $1',
        [id],
      ),
    ).toEqual([{ n: 2 }]);
    const mails = async (to: string) =>
      (await sql(app.t, 'select subject, text from outbox where "to" = $1 order by created_at', [to])).map(
        (m) => m.subject as string,
      );
    // The person of the date called off is told. The capacity stayed: the waiting lists are not
    // looked at (not even this one, left with room as no change would leave it).
    expect(await mails('a.person@example.org')).toEqual(['Called off: Journée réseau bien-être']);
    expect(await mails('b.person@example.org')).toEqual([]);
    const statusOfB = async () =>
      (await sql(app.t, `select status from event_registrations where email = 'b.person@example.org'`))[0]
        .status;
    expect(await statusOfB()).toBe('waitlisted');

    // A larger capacity moves the one waiting up, who is told.
    const weekly = { repeat: 'weekly', days: ['TU'], ends: 'count', count: '2' };
    await owner.editor.get(`/en/manage/events/${id}`);
    await owner.editor.post(`/en/manage/events/${id}`, eventForm({ ...weekly, capacity: '40' }));
    expect(await statusOfB()).toBe('confirmed');
    expect(await mails('b.person@example.org')).toEqual(['Une place pour vous : Journée réseau bien-être']);
    expect(
      await sql(app.t, 'select confirmed, waitlisted from event_occurrences where id = $1', [before[0].id]),
    ).toEqual([{ confirmed: 1, waitlisted: 0 }]);

    // A new start time the same days keeps the dates, and so everyone's place.
    await owner.editor.get(`/en/manage/events/${id}`);
    const later = await owner.editor.post(
      `/en/manage/events/${id}`,
      eventForm({ ...weekly, capacity: '40', start_time: '10:00' }),
    );
    expect(later.headers.location).not.toContain('called_off');
    const moved = await sql(
      app.t,
      `select id, to_char(starts_at at time zone 'Europe/Brussels', 'HH24:MI') as at from event_occurrences
        where event_id = $1 and cancelled_at is null order by starts_at`,
      [id],
    );
    expect(moved.map((o) => o.at)).toEqual(['10:00', '10:00']);
    expect(moved[0].id).toBe(before[0].id);
    expect(
      await sql(app.t, `select status from event_registrations where email = 'b.person@example.org'`),
    ).toEqual([{ status: 'confirmed' }]);
    expect((await mails('b.person@example.org')).at(-1)).toBe('Nouvel horaire : Journée réseau bien-être');

    // Cancelling needs a reason, then the page says so and offers no registration.
    await owner.editor.get(`/en/manage/events/${id}`);
    const noReason = await owner.editor.post(`/en/manage/events/${id}/cancel`, { 'cancel-reason': ' ' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.body).toContain('Say why you cancel');
    const cancelled = await owner.editor.post(`/en/manage/events/${id}/cancel`, {
      'cancel-reason': 'The hall is flooded.',
    });
    expect(cancelled.statusCode).toBe(303);
    expect(await sql(app.t, 'select status, cancel_reason from events where id = $1', [id])).toEqual([
      { status: 'cancelled', cancel_reason: 'The hall is flooded.' },
    ]);
    // Whoever still has a place on a date to come hears of it, with the reason, in their language.
    const told = await sql(
      app.t,
      `select subject, text from outbox where "to" = 'b.person@example.org' order by created_at`,
    );
    expect(told.map((m) => m.subject)).toEqual([
      'Une place pour vous : Journée réseau bien-être',
      'Nouvel horaire : Journée réseau bien-être',
      'Annulé : Journée réseau bien-être',
    ]);
    expect(told[2].text).toContain('The hall is flooded.');
    expect(await mails('a.person@example.org')).toHaveLength(1);
    const page = await app.get(`/en/events/${id}`);
    expect(page.body).toContain('Cancelled');
    expect(page.body).toContain('The hall is flooded.');
    expect(page.body).toContain('https://schema.org/EventCancelled');
    expect(page.body).not.toContain('/register"');
  });

  it('moves everyone waiting up when the limit goes, and nobody when it goes down', async () => {
    const id = idOf((await publish({ capacity: '1' })).headers.location as string);
    const [{ id: date }] = await sql(app.t, 'select id from event_occurrences where event_id = $1', [id]);
    // One has the place, two wait.
    for (const [n, status] of [
      [1, 'confirmed'],
      [2, 'waitlisted'],
      [3, 'waitlisted'],
    ] as const)
      await sql(
        app.t,
        `insert into event_registrations (occurrence_id, name, email, locale, status, token_hash, placed_at)
         values ($1, $2, $3, 'en', $4, decode(md5(random()::text), 'hex'), now() + $5 * interval '1 second')`,
        [date, `P${n}`, `limit${n}.${id}@example.org`, status, n],
      );
    await sql(app.t, 'update event_occurrences set confirmed = 1, waitlisted = 2 where id = $1', [date]);
    const statuses = async () =>
      (
        await sql(app.t, 'select status from event_registrations where occurrence_id = $1 order by name', [
          date,
        ])
      ).map((r) => r.status);
    await owner.editor.get(`/en/manage/events/${id}`);
    await owner.editor.post(`/en/manage/events/${id}`, eventForm({ capacity: '1' }));
    expect(await statuses()).toEqual(['confirmed', 'waitlisted', 'waitlisted']);
    await owner.editor.get(`/en/manage/events/${id}`);
    await owner.editor.post(`/en/manage/events/${id}`, eventForm({ capacity: '' }));
    expect(await statuses()).toEqual(['confirmed', 'confirmed', 'confirmed']);
    expect(
      await sql(app.t, 'select confirmed, waitlisted from event_occurrences where id = $1', [date]),
    ).toEqual([{ confirmed: 3, waitlisted: 0 }]);
    const [{ n }] = await sql(
      app.t,
      `select count(*)::int as n from outbox where "to" like $1 and subject like 'A place for you%'`,
      [`limit%.${id}@example.org`],
    );
    expect(n).toBe(2);
  });

  it('is "not found" for people of other organisations, and for referrers of its own', async () => {
    const res = await publish();
    const id = idOf(res.headers.location as string);
    const [{ id: other }] = await sql(app.t, 'select id from organisations where id <> $1 limit 1', [
      owner.org,
    ]);
    const otherAdmin = await memberOf(app.t, other, ['admin']);
    const referrer = await memberOf(app.t, owner.org, ['referrer']);
    for (const person of [otherAdmin, referrer]) {
      const page = await person.get(`/en/manage/events/${id}`);
      expect(page.statusCode).toBe(404);
      expect(page.body).toContain('This event does not exist');
      await person.get('/en/agenda');
      const post = await person.post(`/en/manage/events/${id}/cancel`, { 'cancel-reason': 'Mine now' });
      expect(post.statusCode).toBe(404);
    }
    expect(await sql(app.t, 'select status from events where id = $1', [id])).toEqual([
      { status: 'published' },
    ]);
    expect((await app.get('/en/events/not-an-id')).statusCode).toBe(404);
  });
});

describe('the agenda', () => {
  it('shows a month’s first four dates a day, with a link to the others of that day', async () => {
    const day = thursday(8);
    for (let i = 0; i < 6; i++) {
      const start = DateTime.fromISO(`${day}T${10 + i}:00`, { zone: 'Europe/Brussels' }).toJSDate();
      const end = new Date(start.getTime() + 3_600_000);
      const [{ id }] = await sql(
        app.t,
        `insert into events (organisation_id, kind, title, place_kind, address, commune_nis, starts_at, ends_at)
         values ($1, 'intervision', $2, 'address', 'Rue Haute 1', '21004', $3, $4) returning id`,
        [owner.org, JSON.stringify({ en: `Crowded day ${i}` }), start, end],
      );
      await sql(app.t, 'insert into event_occurrences (event_id, starts_at, ends_at) values ($1, $2, $3)', [
        id,
        start,
        end,
      ]);
      agendaChanged(app.t.database.db, [id]);
    }
    const month = await app.get(`/en/agenda?view=month&month=${day.slice(0, 7)}&kind=intervision`);
    expect(month.statusCode).toBe(200);
    expect(month.body.match(/Crowded day \d/g)).toEqual([
      'Crowded day 0',
      'Crowded day 1',
      'Crowded day 2',
      'Crowded day 3',
    ]);
    expect(month.body).toContain(`href="/en/agenda?kind=intervision&from=${day}&to=${day}"`);
    expect(month.body).toMatch(/aria-label="2 more dates on Thursday, [^"]+">and 2 more<\/a>/);
    const list = await app.get(`/en/agenda?kind=intervision&from=${day}&to=${day}`);
    expect(list.body.match(/Crowded day \d/g)).toHaveLength(6);
  });

  it('refuses bad filters with a translated message, never a server error', async () => {
    for (const query of [
      'from=2027-13-45',
      'theme=nope',
      'kind=party',
      'commune=1',
      'language=zz',
      'view=year',
      'view=month&month=1999-99',
      'page=0',
      'from=2027-03-10&to=2027-03-01',
    ]) {
      const res = await app.get(`/fr/agenda?${query}`);
      expect(res.statusCode, query).toBe(400);
      expect(res.body).toMatch(
        /Choisissez dans la liste|Donnez une date|Donnez un mois|Cette page n’existe pas|La fin est avant le début/,
      );
    }
    expect((await app.get('/agenda.ics?commune=nowhere')).statusCode).toBe(400);
    expect((await app.get('/organisations/nope/events.ics')).statusCode).toBe(404);
  });
});
