// The agenda's dates in memory: every date not called off that ends after the window's start (some
// weeks back), in time order, each pointing to its event's card. The agenda page filters and pages
// them here without a query; agenda-live.ts keeps them equal to the database. The places taken come
// with each date, so "3 places left" is as fresh as the last notification (milliseconds).
import { LRUCache } from 'lru-cache';
import type { I18nText } from '../../../shared/i18n-text.ts';
import type { EventPlaceView } from '../events/page-data.ts';
import type { EventKind, EventStatus } from '../network.vocabulary.ts';
import { type AgendaCard, type Filters, underWaySince } from './agenda-queries.ts';

export interface CalendarEvent {
  id: string;
  organisationId: string;
  organisation: { id: string; name: I18nText };
  kind: EventKind;
  status: EventStatus;
  communeNis: string | null;
  languages: readonly string[];
  themes: readonly string[];
  title: I18nText;
  place: EventPlaceView;
  capacity: number | null;
  isDemo: boolean;
}

/** A date, its times in milliseconds. */
export interface CalendarDate {
  id: string;
  eventId: string;
  start: number;
  end: number;
  confirmed: number;
  waitlisted: number;
}

/** An event as held: its dates in time order, and room for what the scan under way found of it. */
interface HeldEvent extends CalendarEvent {
  dates: Entry[];
  scan: number;
  hit: boolean;
}

/** The index's keys of an event: its kind, commune, languages, themes and organisation. */
const keysOf = (e: CalendarEvent) => [
  `k:${e.kind}`,
  `c:${e.communeNis ?? ''}`,
  `o:${e.organisationId}`,
  ...e.languages.map((l) => `l:${l}`),
  ...e.themes.map((t) => `t:${t}`),
];

/**
 * A filter that leaves at most this many events is answered from their own dates; a broader one
 * by walking all dates in time order, which soon finds a page of them.
 */
const defaultFewEvents = 2_000;
/** Dates walked before turning to the few events' own dates (a walk costs some 40 ns a date). */
const walkBudget = 5_000;

interface Entry extends CalendarDate {
  event: HeldEvent;
}

/** Each scan's number: an event tested in this scan carries it with the result. */
let scans = 0;

const byTime = (a: Entry, b: Entry) => a.start - b.start || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

function matcher(filters: Filters): ((event: CalendarEvent) => boolean) | null {
  const { kind, commune, language, themes, organisationId } = filters;
  if (!kind && !commune && !language && !themes && !organisationId) return null;
  return (e) =>
    (!kind || e.kind === kind) &&
    (!commune || e.communeNis === commune) &&
    (!language || e.languages.includes(language)) &&
    (!themes || e.themes.some((t) => themes.includes(t))) &&
    (!organisationId || e.organisationId === organisationId);
}

export class AgendaCalendar {
  constructor(private readonly fewEvents = defaultFewEvents) {}

  private entries: Entry[] = [];
  private events = new Map<string, HeldEvent>();
  /** Months as worked out since the last change (month). */
  private readonly months = new LRUCache<string, (AgendaCard & { dayTotal: number })[]>({ max: 200 });
  /** Moves with every change: what was made from the calendar before is stale. */
  version = 0;
  /** The events of each kind, commune, language, theme and organisation (keysOf). */
  private index = new Map<string, Set<HeldEvent>>();
  /** Dates ending before it are not held; none at all before the first load. */
  private windowStartMs = Infinity;

  get windowStart(): Date {
    return new Date(this.windowStartMs);
  }

  /** Whether the calendar holds every date a query from `from` needs. */
  covers(from: Date): boolean {
    return from.getTime() >= this.windowStartMs;
  }

  get size(): { events: number; dates: number } {
    return { events: this.events.size, dates: this.entries.length };
  }

  /**
   * Everything at once: the dates ending on or after `windowStart` in time order (as the database
   * gives them, so nothing is sorted here), with their events.
   */
  replaceAll(windowStart: Date, events: CalendarEvent[], dates: CalendarDate[]): void {
    this.windowStartMs = windowStart.getTime();
    this.months.clear();
    this.version++;
    this.events = new Map();
    this.index = new Map();
    for (const e of events) this.hold(e);
    this.entries = this.entriesOf(dates);
  }

  private hold(event: CalendarEvent): void {
    // Every field named, in one order: objects made by spreading each got a shape of their own here,
    // and a walk over 60,000 dates then ran 50 times slower.
    const e: HeldEvent = {
      id: event.id,
      organisationId: event.organisationId,
      organisation: event.organisation,
      kind: event.kind,
      status: event.status,
      communeNis: event.communeNis,
      languages: event.languages,
      themes: event.themes,
      title: event.title,
      place: event.place,
      capacity: event.capacity,
      isDemo: event.isDemo,
      dates: [],
      scan: 0,
      hit: false,
    };
    this.events.set(e.id, e);
    for (const key of keysOf(e)) {
      let set = this.index.get(key);
      if (!set) this.index.set(key, (set = new Set()));
      set.add(e);
    }
  }

  private drop(id: string): void {
    const e = this.events.get(id);
    if (!e) return;
    this.events.delete(id);
    for (const key of keysOf(e)) this.index.get(key)?.delete(e);
  }

  /** A date's places taken and waiting list, as a notification gives them (absolute, so repeatable). */
  setPlaces(eventId: string, dateId: string, confirmed: number, waitlisted: number): void {
    const entry = this.events.get(eventId)?.dates.find((d) => d.id === dateId);
    if (!entry) return;
    entry.confirmed = confirmed;
    entry.waitlisted = waitlisted;
    this.months.clear();
    this.version++;
  }

  /** Some events again (changed, or gone when absent from `events`), with all their dates in time order. */
  replaceEvents(ids: readonly string[], events: CalendarEvent[], dates: CalendarDate[]): void {
    const changed = new Set(ids);
    this.months.clear();
    this.version++;
    for (const id of ids) this.drop(id);
    for (const e of events) this.hold(e);
    const kept = this.entries.filter((entry) => !changed.has(entry.event.id));
    const added = this.entriesOf(dates);
    // Both lists are in time order: merge them.
    const merged: Entry[] = new Array(kept.length + added.length);
    let i = 0;
    let j = 0;
    for (let k = 0; k < merged.length; k++)
      merged[k] =
        j >= added.length || (i < kept.length && byTime(kept[i]!, added[j]!) <= 0) ? kept[i++]! : added[j++]!;
    this.entries = merged;
  }

  /** The dates (in time order) of the window's start on, of events it holds, each also kept by its event. */
  private entriesOf(dates: CalendarDate[]): Entry[] {
    const entries: Entry[] = [];
    for (const date of dates) {
      const event = this.events.get(date.eventId);
      if (!event || date.end < this.windowStartMs) continue;
      const entry: Entry = {
        id: date.id,
        eventId: date.eventId,
        start: date.start,
        end: date.end,
        confirmed: date.confirmed,
        waitlisted: date.waitlisted,
        event,
      };
      entries.push(entry);
      event.dates.push(entry);
    }
    return entries;
  }

  /** The events the filters may leave, when few: those of their narrowest part. */
  private fewCandidates(filters: Filters): (() => Iterable<HeldEvent>) | null {
    const { kind, commune, language, themes, organisationId } = filters;
    const one = (key: string) => this.index.get(key) ?? new Set<HeldEvent>();
    const parts: { size: number; events: () => Iterable<HeldEvent> }[] = [];
    for (const key of [
      kind && `k:${kind}`,
      commune && `c:${commune}`,
      language && `l:${language}`,
      organisationId && `o:${organisationId}`,
    ])
      if (key) parts.push({ size: one(key).size, events: () => one(key) });
    if (themes) {
      // A theme with its sub-themes: the events of any of them, each once.
      const each = themes.map((t) => one(`t:${t}`));
      parts.push({
        size: each.reduce((n, set) => n + set.size, 0),
        events: () => new Set(each.flatMap((set) => [...set])),
      });
    }
    const narrowest = parts.sort((a, b) => a.size - b.size)[0];
    return narrowest && narrowest.size <= this.fewEvents ? narrowest.events : null;
  }

  /** The first entry starting at or after `time`. */
  private firstFrom(time: number): number {
    let lo = 0;
    let hi = this.entries.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.entries[mid]!.start < time) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /**
   * The first `want` dates matching the filters, in time order. Walking all dates in time order
   * finds a page at once unless the filters are rare; after `walkBudget` dates without enough, the
   * dates of the few events the filters can leave are gathered and sorted instead.
   */
  private select(filters: Filters, want: number): Entry[] {
    const from = filters.from.getTime();
    const to = filters.to.getTime();
    const test = matcher(filters);
    const few = test ? this.fewCandidates(filters) : null;
    const inRange = (entry: Entry) =>
      entry.start < to && (filters.underWay ? entry.end > from : entry.start >= from);
    const gather = () => {
      const found: Entry[] = [];
      for (const e of few!())
        if (test!(e)) for (const entry of e.dates) if (inRange(entry)) found.push(entry);
      return found.sort(byTime).slice(0, want);
    };
    if (few && want === Infinity) return gather();
    // Each event is tested once per walk, however many dates it has.
    const scan = ++scans;
    const matches = (e: HeldEvent) => {
      if (e.scan !== scan) {
        e.scan = scan;
        e.hit = test!(e);
      }
      return e.hit;
    };
    const { entries } = this;
    const found: Entry[] = [];
    const first = this.firstFrom(filters.underWay ? underWaySince(filters.from).getTime() : from);
    for (let i = first; i < entries.length && found.length < want; i++) {
      if (few && i - first > walkBudget) return gather();
      const entry = entries[i]!;
      if (entry.start >= to) break;
      if (inRange(entry) && (!test || matches(entry.event))) found.push(entry);
    }
    return found;
  }

  /** A page of the dates matching the filters, in time order (as findAgendaDates). */
  list(filters: Filters, { limit, offset }: { limit: number; offset: number }): AgendaCard[] {
    return this.select(filters, offset + limit)
      .slice(offset)
      .map(card);
  }

  /**
   * A month's dates for its calendar (as findMonthDates): each day's first `perDay`, each with how
   * many its day has. `dayStarts` are the month's days' first moments and the next month's first.
   */
  month(filters: Filters, dayStarts: readonly Date[], perDay: number): (AgendaCard & { dayTotal: number })[] {
    // A month walks thousands of dates: kept until the next change, for the next reader of it.
    const key = JSON.stringify([filters, dayStarts[0], perDay]);
    let found = this.months.get(key);
    if (!found) this.months.set(key, (found = this.countMonth(filters, dayStarts, perDay)));
    return found;
  }

  private countMonth(
    filters: Filters,
    dayStarts: readonly Date[],
    perDay: number,
  ): (AgendaCard & { dayTotal: number })[] {
    const bounds = dayStarts.map((d) => d.getTime());
    const days: { shown: AgendaCard[]; total: number }[] = bounds
      .slice(1)
      .map(() => ({ shown: [], total: 0 }));
    let day = 0;
    for (const entry of this.select(filters, Infinity)) {
      while (day < days.length - 1 && entry.start >= bounds[day + 1]!) day++;
      const d = days[day]!;
      d.total++;
      if (d.shown.length < perDay) d.shown.push(card(entry));
    }
    return days.flatMap((d) => d.shown.map((c) => ({ ...c, dayTotal: d.total })));
  }
}

function card(date: Entry): AgendaCard {
  const { event } = date;
  return {
    occurrenceId: date.id,
    eventId: event.id,
    start: new Date(date.start),
    end: new Date(date.end),
    title: event.title,
    kind: event.kind,
    status: event.status,
    organisation: event.organisation,
    place: event.place,
    placesLeft: event.capacity === null ? null : Math.max(0, event.capacity - date.confirmed),
    waitlisted: date.waitlisted,
    isDemo: event.isDemo,
  };
}
