// The agenda in memory answers as the database does: the same dates, in the same order, for every
// filter, page and month; and it follows the database, by notification from any connection and at
// once after a write of this process.
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../../test/helpers/test-database.ts';
import { eventTimeZone } from '../events/recurrence.ts';
import type { EventKind } from '../network.vocabulary.ts';
import { AgendaCalendar } from './agenda-calendar.ts';
import { agendaChanged, LiveAgenda, loadEvents } from './agenda-live.ts';
import { type AgendaCard, findAgendaDates, findMonthDates, type Filters } from './agenda-queries.ts';

const kinds: EventKind[] = ['network_day', 'training', 'open_day'];
const communes = ['21001', '21004', '21012'];
const languages = ['nl', 'fr', 'ar', 'ti'];
const themes = ['housing', 'income', 'health', 'youth'];
const hour = 3_600_000;
/** The same made-up events each run (a small linear congruential generator). */
let seed = 42;
const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;

let database: TestDatabase;
let live: LiveAgenda;
let organisations: string[];

/** Counts the queries sent through the pool from now on; the count stops it. */
function spyQueries(db: TestDatabase): () => number {
  const original = db.pool.query;
  let n = 0;
  db.pool.query = function (this: unknown, ...args: unknown[]) {
    n++;
    return (original as (...a: unknown[]) => unknown).apply(db.pool, args);
  } as typeof original;
  return () => {
    db.pool.query = original;
    return n;
  };
}

async function until(check: () => Promise<boolean>, what: string): Promise<void> {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > 10_000) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

const cardOnly = ({
  description: _d,
  calledOff: _c,
  ...card
}: AgendaCard & { description?: unknown; calledOff?: unknown }) => card;

beforeAll(async () => {
  database = await createTestDatabase({ demo: true });
  organisations = (
    await database.pool.query<{ id: string }>('select id from organisations limit 5')
  ).rows.map((r) => r.id);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const now = Date.now();
  // 80 events, each with 1 to 4 dates from 60 days ago to 90 days ahead; some under way, some
  // called off, some events cancelled.
  for (let i = 0; i < 80; i++) {
    const first = now + Math.round((random() * 150 - 60) * 24) * hour;
    const dates = Array.from({ length: 1 + Math.floor(random() * 4) }, (_, k) => first + k * 7 * 24 * hour);
    if (i < 4) dates[0] = now - hour; // under way now
    const length = (1 + Math.floor(random() * 4)) * hour;
    const capacity = random() < 0.5 ? null : 5 + Math.floor(random() * 20);
    const [{ id }] = (
      await database.pool.query(
        `insert into events (organisation_id, kind, title, place_kind, address, commune_nis, starts_at, ends_at,
           capacity, languages, themes, status)
         values ($1, $2, $3, 'address', 'Rue Haute 1', $4, $5, $6, $7, $8, $9, $10) returning id`,
        [
          pick(organisations),
          pick(kinds),
          JSON.stringify({ en: `Event ${i}`, fr: `Évènement ${i}` }),
          pick(communes),
          new Date(dates[0]!),
          new Date(dates[0]! + length),
          capacity,
          [pick(languages), pick(languages)],
          [pick(themes)],
          random() < 0.1 ? 'cancelled' : 'published',
        ],
      )
    ).rows;
    for (const start of dates)
      await database.pool.query(
        `insert into event_occurrences (event_id, starts_at, ends_at, cancelled_at, confirmed, waitlisted)
         values ($1, $2, $3, $4, $5, $6)`,
        [
          id,
          new Date(start),
          new Date(start + length),
          random() < 0.1 ? new Date() : null,
          capacity ? Math.floor(random() * capacity) : 0,
          Math.floor(random() * 3),
        ],
      );
  }
  live = new LiveAgenda(database);
  await until(async () => (await live.calendarFrom(new Date())) !== null, 'the first load');
});

afterAll(async () => {
  await live.close();
  await database.drop();
});

function filterSets(now: Date): Filters[] {
  const base = { themes: null, theme: null, kind: null, commune: null, language: null, underWay: false };
  const soon = new Date(now.getTime() + 30 * 24 * hour);
  const far = new Date(now.getTime() + 3 * 365 * 24 * hour);
  return [
    { ...base, from: now, to: far, underWay: true },
    { ...base, from: now, to: far },
    { ...base, from: soon, to: far },
    { ...base, from: now, to: soon, kind: 'training' },
    { ...base, from: now, to: far, underWay: true, commune: '21004' },
    { ...base, from: now, to: far, language: 'ar' },
    { ...base, from: now, to: far, themes: ['housing', 'income'], theme: 'housing' },
    { ...base, from: now, to: far, kind: 'open_day', commune: '21001', language: 'nl' },
    { ...base, from: now, to: far, organisationId: organisations[0] },
    { ...base, from: now, to: far, kind: 'training', themes: ['nothing'], theme: 'nothing' },
  ];
}

/** The live calendar, and one that answers every filter by walking all dates. */
async function bothCalendars(now: Date): Promise<[AgendaCalendar, AgendaCalendar]> {
  const held = (await live.calendarFrom(now))!;
  const walking = new AgendaCalendar(0);
  const loaded = await loadEvents(database, held.windowStart);
  walking.replaceAll(held.windowStart, loaded.events, loaded.dates);
  return [held, walking];
}

describe('the agenda in memory', () => {
  it('gives the same dates as the database for every filter and page', async () => {
    const now = new Date();
    const [held, walking] = await bothCalendars(now);
    let compared = 0;
    for (const calendar of [held, walking])
      for (const filters of filterSets(now))
        for (const page of [
          { limit: 5, offset: 0 },
          { limit: 5, offset: 5 },
          { limit: 400, offset: 0 },
        ]) {
          const fromDatabase = (await findAgendaDates(database.db, filters, page)).map(cardOnly);
          expect(calendar.list(filters, page), JSON.stringify({ filters, page })).toEqual(fromDatabase);
          compared += fromDatabase.length;
        }
    // Not a comparison of empty lists.
    expect(compared).toBeGreaterThan(400);
    const underWay = walking.list(filterSets(now)[0]!, { limit: 400, offset: 0 });
    expect(underWay.some((d) => d.start < now && d.end > now)).toBe(true);
  });

  it('gives the same month as the database, four dates a day with the day’s count', async () => {
    const now = new Date();
    for (const calendar of await bothCalendars(now))
      for (const month of [0, 1, 2]) {
        const first = DateTime.now().setZone(eventTimeZone).startOf('month').plus({ months: month });
        const days: Date[] = [];
        for (let d = first; d <= first.plus({ months: 1 }); d = d.plus({ days: 1 })) days.push(d.toJSDate());
        for (const filters of filterSets(now).slice(3, 8)) {
          const inMonth = {
            ...filters,
            from: first.toJSDate(),
            to: first.plus({ months: 1 }).toJSDate(),
            underWay: false,
          };
          if (!calendar) throw new Error('no calendar');
          const fromDatabase = (await findMonthDates(database.db, inMonth, 2)).map((d) => ({
            ...cardOnly(d),
          }));
          expect(calendar.month(inMonth, days, 2)).toEqual(fromDatabase);
        }
      }
  });

  it('leaves dates before its window to the database', async () => {
    expect(await live.calendarFrom(new Date(Date.now() - 90 * 24 * hour))).toBeNull();
  });

  it('follows a change made on another connection, by notification', async () => {
    const [date] = (
      await database.pool.query<{ id: string; event_id: string }>(
        `select o.id, o.event_id from event_occurrences o join events e on e.id = o.event_id
          where o.starts_at > now() and o.cancelled_at is null and e.capacity is not null limit 1`,
      )
    ).rows;
    await database.pool.query('update event_occurrences set confirmed = 0 where id = $1', [date!.id]);
    await database.pool.query(`update events set title = '{"en":"Renamed elsewhere"}' where id = $1`, [
      date!.event_id,
    ]);
    const filters = { ...filterSets(new Date())[1]!, organisationId: undefined };
    const shown = async () =>
      (await live.calendarFrom(new Date()))!
        .list(filters, { limit: 1000, offset: 0 })
        .find((d) => d.occurrenceId === date!.id);
    await until(async () => (await shown())?.title.en === 'Renamed elsewhere', 'the notification');
    await database.pool.query('update event_occurrences set cancelled_at = now() where id = $1', [date!.id]);
    await until(async () => (await shown()) === undefined, 'the date called off');
  });

  it('takes a date’s places from their notification, with no query, and a reload never makes them older', async () => {
    const [date] = (
      await database.pool.query<{ id: string; event_id: string; capacity: number }>(
        `select o.id, o.event_id, e.capacity from event_occurrences o join events e on e.id = o.event_id
          where o.starts_at > now() and o.cancelled_at is null and e.capacity > 5 and e.status = 'published'
          limit 1`,
      )
    ).rows;
    const filters = { ...filterSets(new Date())[1]!, organisationId: undefined };
    const shown = async () =>
      (await live.calendarFrom(new Date()))!
        .list(filters, { limit: 1000, offset: 0 })
        .find((d) => d.occurrenceId === date!.id);
    await until(async () => (await shown()) !== undefined, 'the date');
    const queries = spyQueries(database);
    await database.pool.query('update event_occurrences set confirmed = 3, waitlisted = 2 where id = $1', [
      date!.id,
    ]);
    await until(
      async () => (await shown())?.placesLeft === date!.capacity - 3 && (await shown())?.waitlisted === 2,
      'the places',
    );
    // Read with no query of the agenda's own: only the update above went to the database.
    expect(queries()).toBe(1);
    // A burst, then a reload of everything: the last numbers stay.
    for (const n of [4, 5, 1])
      await database.pool.query('update event_occurrences set confirmed = $2 where id = $1', [date!.id, n]);
    await live.reload();
    await until(async () => (await shown())?.placesLeft === date!.capacity - 1, 'the last places');
    // Anything else on the channel is ignored.
    await database.pool.query(`select pg_notify('network_agenda', $1)`, [
      `${date!.event_id}/${date!.id}/x/1`,
    ]);
    await database.pool.query(`select pg_notify('network_agenda', 'not an id')`);
    await live.reload([]);
    expect((await shown())?.placesLeft).toBe(date!.capacity - 1);
  });

  it('shows a write of this process at once, without waiting for the notification', async () => {
    const [event] = (
      await database.pool.query<{ id: string }>(
        `select e.id from events e join event_occurrences o on o.event_id = e.id
          where o.starts_at > now() and o.cancelled_at is null and e.status = 'published' limit 1`,
      )
    ).rows;
    // A month worked out before the change is not served after it.
    const before = (await live.calendarFrom(new Date()))!;
    const next = DateTime.now().setZone(eventTimeZone).startOf('month');
    const monthDays: Date[] = [];
    for (let d = next; d <= next.plus({ months: 4 }); d = d.plus({ days: 1 })) monthDays.push(d.toJSDate());
    const wholeSpan = {
      ...filterSets(new Date())[1]!,
      from: monthDays[0]!,
      to: monthDays.at(-1)!,
      kind: 'intervision' as const,
    };
    expect(before.month(wholeSpan, monthDays, 100)).toEqual([]);
    await database.pool.query(`update events set kind = 'intervision' where id = $1`, [event!.id]);
    agendaChanged(database.db, [event!.id]);
    const calendar = (await live.calendarFrom(new Date()))!;
    const filters = { ...filterSets(new Date())[1]!, kind: 'intervision' as const };
    expect(calendar.list(filters, { limit: 100, offset: 0 }).map((d) => d.eventId)).toContain(event!.id);
    expect(calendar.month(wholeSpan, monthDays, 100).map((d) => d.eventId)).toContain(event!.id);
  });
});
