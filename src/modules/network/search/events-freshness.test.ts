// An event's document follows time and its organisation (issue 19): past its window it leaves the
// index after the network's search window job, and its organisation's new name reaches its card.
// Real PostgreSQL; time is moved by rewriting a date with the triggers off, as if it had passed.
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../../test/helpers/test-database.ts';
import { logWindowCrossings } from '../../search/index.ts';
import { LiveSearchIndex } from '../../search/live-index.ts';
import { eventsSearchSource } from './events-source.ts';

let database: TestDatabase;
let live: LiveSearchIndex;
let organisationId: string;

const hits = (text: string) =>
  live.index
    .search({ text, filters: { type: ['event'] }, sort: 'relevance', offset: 0, limit: 10 })
    .hits.map((h) => h.doc);

/** An online event with dates given as SQL intervals from now (start, end), published. */
async function event(title: string, dates: [string, string][]): Promise<string> {
  const [first] = dates;
  const { rows } = await database.db.execute<{ id: string }>(sql`
    insert into events (organisation_id, kind, title, place_kind, online_url, starts_at, ends_at)
    values (${organisationId}, 'network_day', ${{ en: title }}, 'online', 'https://meet.test/x',
            now() + ${first![0]}::interval, now() + ${first![1]}::interval)
    returning id`);
  const id = rows[0]!.id;
  for (const [start, end] of dates)
    await database.db.execute(sql`
      insert into event_occurrences (event_id, starts_at, ends_at)
      values (${id}, now() + ${start}::interval, now() + ${end}::interval)`);
  return id;
}

/** Moves a date of an event without firing a trigger, as time passing does. */
async function timePasses(eventId: string, start: string, end: string, newStart: string, newEnd: string) {
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    await client.query('set session_replication_role = replica');
    await client.query(
      `update event_occurrences set starts_at = now() + $3::interval, ends_at = now() + $4::interval
       where event_id = $5 and starts_at between now() + $1::interval - interval '1 minute' and now() + $2::interval`,
      [start, end, newStart, newEnd, eventId],
    );
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  database = await createTestDatabase({ demo: false });
  const { rows } = await database.db.execute<{ id: string }>(
    sql`insert into organisations (name, kind) values (${{ en: 'Harbour Collective' }}, 'formal') returning id`,
  );
  organisationId = rows[0]!.id;
});

afterAll(async () => {
  await live?.close();
  await database.drop();
});

describe('events in search as time passes and their organisation changes', () => {
  it('drops an event past its 30 days and shows the next date after the window job', async () => {
    const old = await event('Riverside workshop', [['-31 days', '-29 days -23 hours']]);
    const weekly = await event('Weekly canal walk', [
      ['-1 hour', '1 hour'],
      ['7 days', '7 days 2 hours'],
    ]);
    live = new LiveSearchIndex(database, [eventsSearchSource], { pollMs: 600_000, listen: false });
    await live.ready;
    expect(hits('riverside').map((d) => d.id)).toEqual([old]);
    const nextDate = async () =>
      (
        await database.db.execute<{ d: string }>(
          sql`select min(starts_at) as d from event_occurrences where event_id = ${weekly} and ends_at >= now()`,
        )
      ).rows[0]!.d;
    const shownBefore = hits('canal')[0]!.date;

    // An hour and a half later, as far as these events are concerned: the workshop's last date is
    // 30 days and 30 minutes past, the walk's first date is over.
    await timePasses(old, '-31 days', '-29 days -23 hours', '-31 days -1 hour', '-30 days -30 minutes');
    await timePasses(weekly, '-1 hour', '1 hour', '-2 hours', '-2 minutes');
    await live.refresh();
    expect(hits('riverside').map((d) => d.id)).toEqual([old]);

    expect(await logWindowCrossings(database.db, [eventsSearchSource])).toEqual({ events: 2 });
    await live.refresh();
    expect(hits('riverside')).toEqual([]);
    const shownAfter = hits('canal')[0]!.date;
    expect(shownAfter).not.toBe(shownBefore);
    expect(new Date(shownAfter!).getTime()).toBe(new Date(await nextDate()).getTime());
    // The next run starts where this one ended: nothing again.
    expect(await logWindowCrossings(database.db, [eventsSearchSource])).toEqual({ events: 0 });
  });

  it("shows the organisation's new name on its event's card, and logs nothing for another change", async () => {
    await event('Lantern evening', [['3 days', '3 days 3 hours']]);
    await live.refresh();
    expect(hits('lantern')[0]!.organisationName).toEqual({ en: 'Harbour Collective' });
    await database.db.execute(
      sql`update organisations set name = ${{ en: 'Dockside Collective' }} where id = ${organisationId}`,
    );
    await live.refresh();
    expect(hits('lantern')[0]!.organisationName).toEqual({ en: 'Dockside Collective' });

    const logged = async () =>
      (
        await database.db.execute<{ n: number }>(
          sql`select count(*)::int as n from search_changes where source = 'events'`,
        )
      ).rows[0]!.n;
    const before = await logged();
    await database.db.execute(
      sql`update organisations set website = 'https://dock.test' where id = ${organisationId}`,
    );
    expect(await logged()).toBe(before);
  });
});
