// Reading the agenda: dates of events by time, through the partial index of dates not called off
// (event_occurrences_start_idx), each joined to its event for the filters; then, in one more query,
// the names of their organisations and their places. Never counts every date: a page knows only
// whether another follows.
import { and, asc, eq, gte, lt, type SQL, sql } from 'drizzle-orm';
import type { Database } from '../../../db/client.ts';
import type { I18nText } from '../../../shared/i18n-text.ts';
import { getTaxonomy, listOrganisationsWithPlaces } from '../../directory/index.ts';
import { type EventPlaceView } from '../events/page-data.ts';
import { eventOccurrences, events } from '../network.schema.ts';
import type { EventKind, EventStatus } from '../network.vocabulary.ts';
import type { AgendaFilters, AgendaWords } from './agenda-filters.ts';

export interface AgendaItem {
  occurrenceId: string;
  eventId: string;
  start: Date;
  end: Date;
  title: I18nText;
  description: I18nText;
  kind: EventKind;
  status: EventStatus;
  organisation: { id: string; name: I18nText };
  place: EventPlaceView;
  placesLeft: number | null;
  waitlisted: number;
  isDemo: boolean;
}

export const agendaPageSize = 20;
/** Dates a month view or a feed shows at most. */
export const agendaMonthCap = 600;

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

function conditions(filters: Omit<AgendaFilters, 'page' | 'view' | 'month' | 'fromDay' | 'toDay'>): SQL {
  const where: (SQL | undefined)[] = [
    sql`${eventOccurrences.cancelledAt} is null`,
    gte(eventOccurrences.startsAt, filters.from),
    lt(eventOccurrences.startsAt, filters.to),
  ];
  if (filters.kind) where.push(eq(events.kind, filters.kind));
  if (filters.commune) where.push(eq(events.communeNis, filters.commune));
  if (filters.language) where.push(sql`${filters.language} = any(${events.languages})`);
  if (filters.themes) where.push(sql`${events.themes} && ${sql.param(filters.themes)}::text[]`);
  return and(...where)!;
}

/** Dates matching the filters in time order, `limit` of them from `offset`, as shown. */
export async function findAgendaDates(
  db: Database,
  filters: Omit<AgendaFilters, 'page' | 'view' | 'month' | 'fromDay' | 'toDay'> & { organisationId?: string },
  { limit, offset }: { limit: number; offset: number },
): Promise<AgendaItem[]> {
  const rows = await db
    .select({
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
    })
    .from(eventOccurrences)
    .innerJoin(events, eq(events.id, eventOccurrences.eventId))
    .where(
      filters.organisationId
        ? and(conditions(filters), eq(events.organisationId, filters.organisationId))
        : conditions(filters),
    )
    .orderBy(asc(eventOccurrences.startsAt), asc(eventOccurrences.id))
    .limit(limit)
    .offset(offset);
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
    const location = r.locationId ? org?.locations.find((l) => l.id === r.locationId) : undefined;
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
      place: {
        kind: r.placeKind,
        name: location?.name ?? null,
        address: r.placeKind === 'place' ? (location?.address ?? null) : r.address,
        postcode: location?.postcode ?? null,
        locality: location?.locality ?? null,
        communeNis: r.communeNis,
      },
      placesLeft: r.capacity === null ? null : Math.max(0, r.capacity - r.confirmed),
      waitlisted: r.waitlisted,
      isDemo: r.isDemo,
    };
  });
}
