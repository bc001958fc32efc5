// Keeps this process's agenda calendar (agenda-calendar.ts) equal to the database. Triggers on the
// events and their dates NOTIFY `network_agenda` with the event's id (migrations 0022, 0026); each
// process LISTENs and reloads those events, a batch at a time. A change of a date's places alone (a
// registration) comes with its numbers and is applied without a query: reloading the event at every
// registration halved how many registrations a process takes. The writes of this process that change
// an event also say so directly (agendaChanged), so a page read after one's own change sees it. After
// a lost connection, and every few minutes (organisations' names and places, and the window moving
// on), everything is read again. It starts at boot, in the background; until its first load, and for
// dates before its window, the page asks the database.
import pg from 'pg';
import type { DatabaseConnection } from '../../../db/client.ts';
import { isUuid } from '../../../shared/shapes.ts';
import type { I18nText } from '../../../shared/i18n-text.ts';
import { listOrganisationsWithPlaces } from '../../directory/index.ts';
import type { EventPlaceView } from '../events/page-data.ts';
import type { EventKind, EventStatus } from '../network.vocabulary.ts';
import { AgendaCalendar, type CalendarDate, type CalendarEvent } from './agenda-calendar.ts';
import { eventPlace, underWaySince } from './agenda-queries.ts';

export const agendaChannel = 'network_agenda';
/** How far back the calendar holds dates: the month view of this month and the last. */
const windowDays = 45;
/** More events changed at once than this: read everything again. */
const batchLimit = 500;

export interface LiveAgendaOptions {
  /** How often to read everything again (default 5 minutes). */
  reloadEveryMs?: number;
  onError?: (error: unknown) => void;
}

/** Milliseconds since 1970, as a number (cheaper to read than a timestamp). */
const ms = (column: string) => `(extract(epoch from ${column}) * 1000)::float8`;

/**
 * The events (all, or those of `ids`) with their dates ending on or after `windowStart`. Plain
 * queries with rows as arrays: a full load reads some 60,000 dates at the benchmark's scale.
 */
export async function loadEvents(
  database: DatabaseConnection,
  windowStart: Date,
  ids?: readonly string[],
): Promise<{ events: CalendarEvent[]; dates: CalendarDate[] }> {
  const { pool, db } = database;
  // Through the index on starts: no date lasts longer than two weeks.
  const dateRows = await pool.query<[string, string, number, number, number, number]>({
    text: `select id, event_id, ${ms('starts_at')}, ${ms('ends_at')}, confirmed, waitlisted
             from event_occurrences
            where cancelled_at is null and starts_at >= $1 and ends_at >= $2
              and ($3::uuid[] is null or event_id = any($3::uuid[]))
            order by starts_at, id`,
    values: [underWaySince(windowStart), windowStart, ids ?? null],
    rowMode: 'array',
  });
  const dates = dateRows.rows.map(([id, eventId, start, end, confirmed, waitlisted]) => ({
    id,
    eventId,
    start,
    end,
    confirmed,
    waitlisted,
  }));
  const eventIds = ids ?? [...new Set(dates.map((d) => d.eventId))];
  if (!eventIds.length) return { events: [], dates };
  type Row = [
    string,
    string,
    EventKind,
    EventStatus,
    string | null,
    string,
    string,
    I18nText,
    EventPlaceView['kind'],
    string | null,
    string | null,
    number | null,
    boolean,
  ];
  const rows = (
    await pool.query<Row>({
      text: `select id, organisation_id, kind, status, commune_nis, array_to_string(languages, ','),
                    array_to_string(themes, ','), title, place_kind, location_id, address, capacity, is_demo
               from events where id = any($1::uuid[])`,
      values: [eventIds],
      rowMode: 'array',
    })
  ).rows;
  const organisations = new Map(
    (
      await listOrganisationsWithPlaces(
        db,
        rows.map((r) => r[1]),
        rows.flatMap((r) => (r[9] ? [r[9]] : [])),
      )
    ).map((o) => [o.id, o]),
  );
  const list = (text: string) => (text ? text.split(',') : []);
  return {
    events: rows.map(
      ([
        id,
        organisationId,
        kind,
        status,
        communeNis,
        languages,
        themes,
        title,
        placeKind,
        locationId,
        address,
        capacity,
        isDemo,
      ]) => {
        const organisation = organisations.get(organisationId);
        return {
          id,
          organisationId,
          organisation: { id: organisationId, name: organisation?.name ?? {} },
          kind,
          status,
          communeNis,
          languages: list(languages),
          themes: list(themes),
          title,
          place: eventPlace({ placeKind, locationId, address, communeNis }, organisation),
          capacity,
          isDemo,
        };
      },
    ),
    dates,
  };
}

/** "<event id>/<date id>/<confirmed>/<waitlisted>": a date's places, from the database's trigger. */
const placesPattern = /^([0-9a-f-]{36})\/([0-9a-f-]{36})\/(\d{1,9})\/(\d{1,9})$/i;

/** Each database's live agenda in this process, for agendaChanged. */
const live = new WeakMap<object, LiveAgenda>();

export class LiveAgenda {
  private readonly calendar = new AgendaCalendar();
  private loaded = false;
  /** Events changed since the last reload, and whether everything must be read again. */
  private changed = new Set<string>();
  /** Dates' places from notifications, by date id, applied in the order they came. */
  private places = new Map<string, { eventId: string; confirmed: number; waitlisted: number }>();
  private everything = false;
  private queued = false;
  private running: Promise<void> = Promise.resolve();
  /** The reload of this process's last write, which its next page waits for. */
  private ownWrite: Promise<void> = Promise.resolve();
  private listener: pg.Client | undefined;
  private connecting: Promise<void> | undefined;
  private wake: () => void = () => {};
  private timer: NodeJS.Timeout | undefined;
  private closed = false;
  private started = false;

  constructor(
    private readonly database: DatabaseConnection,
    private readonly options: LiveAgendaOptions = {},
  ) {
    live.set(database.db, this);
  }

  /**
   * Starts listening and loading, in the background: at boot, so the first visitors do not get the
   * database's slower answers while it loads (or by the first reader, whichever comes first).
   */
  start(): void {
    // Closed before the search index was ready (module.ts starts it then): nothing to start.
    if (this.started || this.closed) return;
    this.started = true;
    this.connect();
    this.timer = setInterval(() => void this.reload(), this.options.reloadEveryMs ?? 300_000);
    this.timer.unref();
  }

  /**
   * The calendar, once this process's own writes are in it, when it holds what a query from `from`
   * needs; null before the first load, while nothing listens (other processes' writes would be
   * missed), or for dates before its window: the database answers those.
   */
  async calendarFrom(from: Date): Promise<AgendaCalendar | null> {
    this.start();
    if (!this.loaded || !this.listener) return null;
    await this.ownWrite;
    return this.calendar.covers(from) ? this.calendar : null;
  }

  /** Reads these events again (all of them without ids), after the reloads already asked for. */
  reload(ids?: readonly string[]): Promise<void> {
    if (!this.started || this.closed) return this.running;
    if (!ids) this.everything = true;
    else for (const id of ids) this.changed.add(id);
    if (!this.queued) {
      this.queued = true;
      this.running = this.running.then(() => this.applyChanges());
    }
    return this.running;
  }

  /** After a write of this process: its next page waits for these events. */
  wrote(ids: readonly string[]): void {
    this.ownWrite = this.reload(ids);
  }

  /** A date's places changed (a registration, a cancellation): applied without a query. */
  private placesChanged(eventId: string, dateId: string, confirmed: number, waitlisted: number): void {
    if (!this.started || this.closed) return;
    this.places.delete(dateId);
    this.places.set(dateId, { eventId, confirmed, waitlisted });
    if (!this.queued) {
      this.queued = true;
      this.running = this.running.then(() => this.applyChanges());
    }
  }

  private async applyChanges(): Promise<void> {
    this.queued = false;
    const ids = [...this.changed];
    const everything = this.everything || ids.length > batchLimit || !this.loaded;
    this.changed = new Set();
    this.everything = false;
    if (this.closed) return;
    // Places first: a reload below reads the database after them, so it is never older than they are.
    for (const [dateId, p] of this.places)
      this.calendar.setPlaces(p.eventId, dateId, p.confirmed, p.waitlisted);
    this.places.clear();
    try {
      // Read while the pages go on with the calendar as it is; swapped in at once.
      if (everything) {
        const windowStart = new Date(Date.now() - windowDays * 86_400_000);
        const { events, dates } = await loadEvents(this.database, windowStart);
        this.calendar.replaceAll(windowStart, events, dates);
        this.loaded = true;
      } else if (ids.length) {
        const { events, dates } = await loadEvents(this.database, this.calendar.windowStart, ids);
        this.calendar.replaceEvents(ids, events, dates);
      }
    } catch (error) {
      this.options.onError?.(error);
      // Lost changes (or a first load) are read again with everything, a little later.
      setTimeout(() => void this.reload(), 2_000).unref();
    }
  }

  /** Connects until it listens (one attempt at a time); the pages ask the database meanwhile. */
  private connect(): void {
    if (this.connecting || this.closed) return;
    this.connecting = (async () => {
      for (let attempt = 0; !this.closed && !this.listener; attempt++) {
        try {
          await this.listen();
        } catch (error) {
          this.options.onError?.(error);
          await new Promise<void>((resolve) => {
            const timer = setTimeout(resolve, Math.min(10_000, 500 * 2 ** attempt));
            timer.unref();
            // Closing does not wait out the pause.
            this.wake = () => {
              clearTimeout(timer);
              resolve();
            };
          });
        }
      }
    })().finally(() => (this.connecting = undefined));
  }

  /** LISTENs, then reads everything: no change falls between the two. */
  private async listen(): Promise<void> {
    const client = new pg.Client(this.database.pool.options);
    client.on('notification', (message) => {
      // Anyone connected may NOTIFY: only an event's id, or an event's and a date's ids with the
      // date's places taken and waiting (migration 0026), are taken.
      const payload = message.payload ?? '';
      if (isUuid(payload)) void this.reload([payload]);
      const places = placesPattern.exec(payload);
      if (places && isUuid(places[1]!) && isUuid(places[2]!))
        this.placesChanged(
          places[1]!.toLowerCase(),
          places[2]!.toLowerCase(),
          Number(places[3]),
          Number(places[4]),
        );
    });
    client.on('error', (error) => {
      this.options.onError?.(error);
      client.end().catch(() => {});
      if (this.listener !== client) return;
      this.listener = undefined;
      if (!this.closed) setTimeout(() => this.connect(), 2_000).unref();
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${client.escapeIdentifier(agendaChannel)}`);
    } catch (error) {
      await client.end().catch(() => {});
      throw error;
    }
    if (this.closed) {
      await client.end().catch(() => {});
      return;
    }
    this.listener = client;
    await this.reload();
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearInterval(this.timer);
    live.delete(this.database.db);
    this.wake();
    await this.connecting;
    await this.running;
    await this.listener?.end().catch(() => {});
  }
}

/**
 * A write of this process changed these events: its next agenda page waits for them (other
 * processes learn it by the notification).
 */
export function agendaChanged(db: object, eventIds: readonly string[]): void {
  live.get(db)?.wrote(eventIds);
}
