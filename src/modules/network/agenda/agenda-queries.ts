// Reading the agenda: dates of events by time, through the partial index of dates not called off
// (event_occurrences_start_idx), each joined to its event for the filters; then, in one more query,
// the names of their organisations and their places. Never counts every date: a page knows only
// whether another follows.
import { and, asc, eq, gt, gte, lt, type SQL, sql } from 'drizzle-orm';
import type { Database } from '../../../db/client.ts';
import type { I18nText } from '../../../shared/i18n-text.ts';
import {
  getTaxonomy,
  listOrganisationsWithPlaces,
  type OrganisationWithPlaces,
} from '../../directory/index.ts';
import { type EventPlaceView } from '../events/page-data.ts';
import { eventOccurrences, events } from '../network.schema.ts';
import { type EventKind, type EventStatus, eventLimits } from '../network.vocabulary.ts';
import type { AgendaFilters, AgendaWords } from './agenda-filters.ts';

/** A date as the agenda page shows it. */
export interface AgendaCard {
  occurrenceId: string;
  eventId: string;
  start: Date;
  end: Date;
  title: I18nText;
  kind: EventKind;
  status: EventStatus;
  organisation: { id: string; name: I18nText };
  place: EventPlaceView;
  placesLeft: number | null;
  waitlisted: number;
  isDemo: boolean;
}

/** A date as the feeds write it: with its text, and also when called off on its own. */
export interface AgendaItem extends AgendaCard {
  description: I18nText;
  calledOff: boolean;
}

export const agendaPageSize = 20;
/** Dates a month's day shows at most; a link leads to the others. */
export const monthPerDay = 4;

/** Each theme code with its sub-themes, for the filter (the taxonomy is kept by each process). */
export async function agendaWords(
  db: Database,
  communes: readonly string[],
  languages: readonly string[],
): Promise<AgendaWords & { themeNames: { code: string; name: I18nText }[] }> {
  const { themes } = await getTaxonomy(db);
  return {
    themes: new Map(themes.map((t) => [t.code, [t.code, ...t.children.map((c) => c.code)]])),
    themeNames: themes.map((t) => ({ code: t.code, name: t.name })),
    communes,
    languages,
  };
}

export type Filters = Omit<AgendaFilters, 'page' | 'view' | 'month' | 'fromDay' | 'toDay'> & {
  organisationId?: string;
  /** Also the dates called off on their own (the feeds mark them cancelled). */
  withCalledOff?: boolean;
};

/** The earliest start of a date under way at `moment`: dates last at most two weeks. */
export const underWaySince = (moment: Date) =>
  new Date(moment.getTime() - eventLimits.lengthMinutes.max * 60_000);

function conditions(filters: Filters): SQL {
  const where: (SQL | undefined)[] = [
    filters.withCalledOff ? undefined : sql`${eventOccurrences.cancelledAt} is null`,
    ...(filters.underWay
      ? [
          gte(eventOccurrences.startsAt, underWaySince(filters.from)),
          gt(eventOccurrences.endsAt, filters.from),
        ]
      : [gte(eventOccurrences.startsAt, filters.from)]),
    lt(eventOccurrences.startsAt, filters.to),
  ];
  if (filters.kind) where.push(eq(events.kind, filters.kind));
  if (filters.commune) where.push(eq(events.communeNis, filters.commune));
  if (filters.language) where.push(sql`${filters.language} = any(${events.languages})`);
  if (filters.themes) where.push(sql`${events.themes} && ${sql.param(filters.themes)}::text[]`);
  return and(...where)!;
}

const where = (filters: Filters) =>
  filters.organisationId
    ? and(conditions(filters), eq(events.organisationId, filters.organisationId))
    : conditions(filters);

const columns = {
  occurrenceId: eventOccurrences.id,
  start: eventOccurrences.startsAt,
  end: eventOccurrences.endsAt,
  confirmed: eventOccurrences.confirmed,
  waitlisted: eventOccurrences.waitlisted,
  eventId: events.id,
  organisationId: events.organisationId,
  title: events.title,
  description: events.description,
  kind: events.kind,
  status: events.status,
  placeKind: events.placeKind,
  locationId: events.locationId,
  address: events.address,
  communeNis: events.communeNis,
  capacity: events.capacity,
  isDemo: events.isDemo,
  cancelledAt: eventOccurrences.cancelledAt,
};

/** Dates matching the filters in time order, `limit` of them from `offset`, as shown. */
export async function findAgendaDates(
  db: Database,
  filters: Filters,
  { limit, offset }: { limit: number; offset: number },
): Promise<AgendaItem[]> {
  const rows = await db
    .select(columns)
    .from(eventOccurrences)
    .innerJoin(events, eq(events.id, eventOccurrences.eventId))
    .where(where(filters))
    .orderBy(asc(eventOccurrences.startsAt), asc(eventOccurrences.id))
    .limit(limit)
    .offset(offset);
  return present(db, rows);
}

/** The day in Brussels of a date's start. */
const dayOf = sql`(${eventOccurrences.startsAt} at time zone 'Europe/Brussels')::date`;

/**
 * A month's dates for its calendar: each day's first `perDay` in time order, each with how many
 * dates its day has in all. The month's dates are ranked in the database; only those shown come back.
 */
export async function findMonthDates(
  db: Database,
  filters: Filters,
  perDay: number,
): Promise<(AgendaItem & { dayTotal: number })[]> {
  const ranked = db
    .select({
      id: eventOccurrences.id,
      rank: sql<number>`row_number() over (partition by ${dayOf} order by ${eventOccurrences.startsAt}, ${eventOccurrences.id})`.as(
        'rank',
      ),
      dayTotal: sql<number>`count(*) over (partition by ${dayOf})`.mapWith(Number).as('day_total'),
    })
    .from(eventOccurrences)
    .innerJoin(events, eq(events.id, eventOccurrences.eventId))
    .where(where(filters))
    .as('ranked');
  const rows = await db
    .select({ ...columns, dayTotal: ranked.dayTotal })
    .from(ranked)
    .innerJoin(eventOccurrences, eq(eventOccurrences.id, ranked.id))
    .innerJoin(events, eq(events.id, eventOccurrences.eventId))
    .where(sql`${ranked.rank} <= ${perDay}`)
    .orderBy(asc(eventOccurrences.startsAt), asc(eventOccurrences.id));
  const items = await present(db, rows);
  return items.map((item, i) => ({ ...item, dayTotal: Number(rows[i]!.dayTotal) }));
}

async function present(
  db: Database,
  rows: {
    occurrenceId: string;
    start: Date;
    end: Date;
    confirmed: number;
    waitlisted: number;
    eventId: string;
    organisationId: string;
    title: I18nText;
    description: I18nText;
    kind: EventKind;
    status: EventStatus;
    placeKind: EventPlaceView['kind'];
    locationId: string | null;
    address: string | null;
    communeNis: string | null;
    capacity: number | null;
    isDemo: boolean;
    cancelledAt: Date | null;
  }[],
): Promise<AgendaItem[]> {
  const organisations = new Map(
    (
      await listOrganisationsWithPlaces(
        db,
        rows.map((r) => r.organisationId),
        rows.flatMap((r) => (r.locationId ? [r.locationId] : [])),
      )
    ).map((o) => [o.id, o]),
  );
  return rows.map((r) => {
    const org = organisations.get(r.organisationId);
    return {
      occurrenceId: r.occurrenceId,
      eventId: r.eventId,
      start: r.start,
      end: r.end,
      title: r.title,
      description: r.description,
      kind: r.kind,
      status: r.status,
      organisation: { id: r.organisationId, name: org?.name ?? {} },
      place: eventPlace(r, org),
      placesLeft: r.capacity === null ? null : Math.max(0, r.capacity - r.confirmed),
      waitlisted: r.waitlisted,
      isDemo: r.isDemo,
      calledOff: r.cancelledAt !== null,
    };
  });
}

/** Where an event is, from its row and its organisation's places. */
export function eventPlace(
  r: {
    placeKind: EventPlaceView['kind'];
    locationId: string | null;
    address: string | null;
    communeNis: string | null;
  },
  organisation: OrganisationWithPlaces | undefined,
): EventPlaceView {
  const location = r.locationId ? organisation?.locations.find((l) => l.id === r.locationId) : undefined;
  return {
    kind: r.placeKind,
    name: location?.name ?? null,
    address: r.placeKind === 'place' ? (location?.address ?? null) : r.address,
    postcode: location?.postcode ?? null,
    locality: location?.locality ?? null,
    communeNis: r.communeNis,
  };
}
