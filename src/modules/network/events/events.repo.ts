// Events and their dates: what is written and read. No rules here (see check-event.ts and the use cases).
import { and, asc, desc, eq, gt, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../../db/client.ts';
import { eventOccurrences, events } from '../network.schema.ts';
import type { EventValues } from './check-event.ts';

export type EventRow = typeof events.$inferSelect;
export type OccurrenceRow = typeof eventOccurrences.$inferSelect;
export type Period = { start: Date; end: Date };

export async function insertEvent(
  tx: Executor,
  values: EventValues & { organisationId: string; createdBy: string | null; isDemo?: boolean; now: Date },
): Promise<string> {
  const { now, ...rest } = values;
  const [row] = await tx
    .insert(events)
    .values({ ...rest, createdAt: now, updatedAt: now })
    .returning({ id: events.id });
  return row!.id;
}

export async function updateEvent(tx: Executor, id: string, values: EventValues, now: Date): Promise<void> {
  await tx
    .update(events)
    .set({ ...values, updatedAt: now })
    .where(eq(events.id, id));
}

export async function setCancelled(tx: Executor, id: string, reason: string, now: Date): Promise<void> {
  await tx
    .update(events)
    .set({ status: 'cancelled', cancelReason: reason, updatedAt: now })
    .where(eq(events.id, id));
}

export async function findEvent(db: Executor, id: string): Promise<EventRow | undefined> {
  const [row] = await db.select().from(events).where(eq(events.id, id));
  return row;
}

/** The row, locked until the transaction ends, so two edits of one event do not cross. */
export async function lockEvent(tx: Executor, id: string): Promise<EventRow | undefined> {
  const [row] = await tx.select().from(events).where(eq(events.id, id)).for('update');
  return row;
}

/** An organisation's events, the latest first, each with its next date to come and its number of dates. */
export async function findEventsOf(db: Executor, organisationId: string, now: Date) {
  return db
    .select({
      event: events,
      next: sql<Date | null>`(select min(o.starts_at) from event_occurrences o
        where o.event_id = events.id and o.cancelled_at is null and o.ends_at > ${now})`.mapWith(
        (v: string | Date | null) => (v === null ? null : new Date(v)),
      ),
      dates: sql<number>`(select count(*) from event_occurrences o
        where o.event_id = events.id and o.cancelled_at is null)`.mapWith(Number),
    })
    .from(events)
    .where(eq(events.organisationId, organisationId))
    .orderBy(desc(events.startsAt))
    .limit(500);
}

/** An event's dates not called off that end after `now`, in order. */
export async function findUpcomingDates(
  db: Executor,
  eventId: string,
  now: Date,
  limit: number,
): Promise<OccurrenceRow[]> {
  return db
    .select()
    .from(eventOccurrences)
    .where(
      and(
        eq(eventOccurrences.eventId, eventId),
        gt(eventOccurrences.endsAt, now),
        sql`${eventOccurrences.cancelledAt} is null`,
      ),
    )
    .orderBy(asc(eventOccurrences.startsAt))
    .limit(limit);
}

/**
 * Makes an event's dates those given, keeping what people registered for: a date that stays (same
 * start) keeps its row and its registrations; a date that goes is deleted, or called off
 * (cancelledAt) when someone registered for it; a new date is added. Returns how many were called off.
 */
export async function syncDates(
  tx: Executor,
  eventId: string,
  dates: Period[],
  now: Date,
): Promise<{ calledOff: string[]; kept: string[] }> {
  const existing = await tx
    .select({
      id: eventOccurrences.id,
      startsAt: eventOccurrences.startsAt,
      endsAt: eventOccurrences.endsAt,
      cancelledAt: eventOccurrences.cancelledAt,
      // Written out: drizzle leaves a one-table select's columns unqualified, and here "id" would be the registration's.
      registered: sql<boolean>`exists (select 1 from event_registrations r where r.occurrence_id = event_occurrences.id)`,
    })
    .from(eventOccurrences)
    .where(eq(eventOccurrences.eventId, eventId))
    .for('update');
  const byStart = new Map(existing.map((o) => [o.startsAt.getTime(), o]));
  const wanted = new Set(dates.map((d) => d.start.getTime()));
  const gone = existing.filter((o) => !wanted.has(o.startsAt.getTime()));
  const toDelete = gone.filter((o) => !o.registered).map((o) => o.id);
  const toCallOff = gone.filter((o) => o.registered && o.cancelledAt === null).map((o) => o.id);
  if (toDelete.length) await tx.delete(eventOccurrences).where(inArray(eventOccurrences.id, toDelete));
  if (toCallOff.length)
    await tx
      .update(eventOccurrences)
      .set({ cancelledAt: now })
      .where(inArray(eventOccurrences.id, toCallOff));
  const fresh: Period[] = [];
  const keptIds: string[] = [];
  for (const d of dates) {
    const kept = byStart.get(d.start.getTime());
    if (kept) keptIds.push(kept.id);
    if (!kept) fresh.push(d);
    // A date that stays keeps its row; its end follows the event's, and a date called off before comes back.
    else if (kept.cancelledAt !== null || kept.endsAt.getTime() !== d.end.getTime())
      await tx
        .update(eventOccurrences)
        .set({ endsAt: d.end, cancelledAt: null })
        .where(eq(eventOccurrences.id, kept.id));
  }
  if (fresh.length)
    await tx
      .insert(eventOccurrences)
      .values(fresh.map((d) => ({ eventId, startsAt: d.start, endsAt: d.end })));
  return { calledOff: toCallOff, kept: keptIds };
}
