// Events for the registration tests, written straight into the tables (the events' own forms are
// tested by theirs): an event of an organisation with its dates, each starting some days from now.
import { agendaChanged } from '../../src/modules/network/agenda/agenda-live.ts';
import type { TestApp } from './test-app.ts';

export interface TestEvent {
  id: string;
  organisationId: string;
  /** Its dates' ids, in time order. */
  dates: string[];
}

export interface TestEventOptions {
  organisationId?: string;
  capacity?: number | null;
  whoMayRegister?: 'everyone' | 'members';
  placeKind?: 'address' | 'online';
  title?: Record<string, string>;
  /** Days from now of each date's start (may be negative: a date passed). */
  days?: number[];
  /** Hours from now of each date's start, instead of days. */
  hours?: number[];
}

async function query(t: Pick<TestApp, 'database'>, text: string, values: unknown[] = []) {
  return (await t.database.pool.query(text, values)).rows;
}

/** The first organisation of the demo data (or the nth). */
export async function anOrganisation(t: Pick<TestApp, 'database'>, skip = 0): Promise<string> {
  const [row] = await query(t, 'select id from organisations order by provenance_id limit 1 offset $1', [
    skip,
  ]);
  return row.id as string;
}

export async function createTestEvent(
  t: Pick<TestApp, 'database'>,
  options: TestEventOptions = {},
): Promise<TestEvent> {
  const organisationId = options.organisationId ?? (await anOrganisation(t));
  const hours = options.hours ?? (options.days ?? [7]).map((d) => d * 24);
  const starts = hours.map((h) => new Date(Date.now() + h * 3_600_000));
  const online = options.placeKind === 'online';
  const [{ id }] = await query(
    t,
    `insert into events (organisation_id, kind, title, place_kind, address, online_url, starts_at, ends_at, capacity, who_may_register)
     values ($1, 'network_day', $2, $3, $4, $5, $6, $7, $8, $9) returning id`,
    [
      organisationId,
      JSON.stringify(options.title ?? { en: 'Network day', fr: 'Journée réseau', nl: 'Netwerkdag' }),
      online ? 'online' : 'address',
      online ? null : 'Rue de la Senne 12, 1000 Bruxelles',
      online ? 'https://meet.example.org/network-day' : null,
      starts[0],
      new Date(starts[0]!.getTime() + 2 * 3_600_000),
      options.capacity === undefined ? 10 : options.capacity,
      options.whoMayRegister ?? 'everyone',
    ],
  );
  const dates: string[] = [];
  for (const start of starts) {
    const [row] = await query(
      t,
      `insert into event_occurrences (event_id, starts_at, ends_at) values ($1, $2, $3) returning id`,
      [id, start, new Date(start.getTime() + 2 * 3_600_000)],
    );
    dates.push(row.id);
  }
  // Written past the use cases: the agenda of this process reads it now, not on the notification.
  agendaChanged(t.database.db, [id]);
  return { id, organisationId, dates };
}

/** The counts of a date, and what its registrations say they should be. */
export async function countsOf(t: Pick<TestApp, 'database'>, occurrenceId: string) {
  const [row] = await query(
    t,
    `select o.confirmed, o.waitlisted,
       (select count(*)::int from event_registrations r where r.occurrence_id = o.id and r.status = 'confirmed') as real_confirmed,
       (select count(*)::int from event_registrations r where r.occurrence_id = o.id and r.status = 'waitlisted') as real_waitlisted
     from event_occurrences o where o.id = $1`,
    [occurrenceId],
  );
  return row as { confirmed: number; waitlisted: number; real_confirmed: number; real_waitlisted: number };
}
