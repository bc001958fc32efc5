// Events and their dates: what is written and read. No rules here (see check-event.ts and the use cases).
import { and, asc, desc, eq, gt, inArray, sql } from 'drizzle-orm';
import { DateTime } from 'luxon';
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
/** The Brussels day of a moment, "2027-01-14". */
const brusselsDay = (at: Date) => DateTime.fromJSDate(at, { zone: 'Europe/Brussels' }).toISODate();

/**
 * Writes an event's dates as `dates` says. A date that stays (same start) keeps its row; a date
 * moved within its day (a new start time) keeps its row too, so its people keep their places; a
 * date that goes is deleted, or called off when people registered for it. Returns the dates called
 * off and those moved (their people are to be told), and those kept.
 */
export async function syncDates(
  tx: Executor,
  eventId: string,
  dates: Period[],
  now: Date,
): Promise<{ calledOff: string[]; kept: string[]; moved: string[] }> {
  // Locked first, then read: registrations committed while this waited for the lock are seen.
  await tx
    .select({ id: eventOccurrences.id })
    .from(eventOccurrences)
    .where(eq(eventOccurrences.eventId, eventId))
    .for('update');
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
    .where(eq(eventOccurrences.eventId, eventId));
  const byStart = new Map(existing.map((o) => [o.startsAt.getTime(), o]));
  const unmatched = dates.filter((d) => !byStart.has(d.start.getTime()));
  const gone = existing.filter((o) => !dates.some((d) => d.start.getTime() === o.startsAt.getTime()));
  // A date gone from its start but with a new date the same day is that date, moved.
  const moved = new Map<string, Period>();
  for (const o of gone) {
    const day = brusselsDay(o.startsAt);
    const to = unmatched.find((d) => brusselsDay(d.start) === day && ![...moved.values()].includes(d));
    if (to) moved.set(o.id, to);
  }
  const leaving = gone.filter((o) => !moved.has(o.id));
  const toDelete = leaving.filter((o) => !o.registered).map((o) => o.id);
  const toCallOff = leaving.filter((o) => o.registered && o.cancelledAt === null).map((o) => o.id);
  if (toDelete.length) await tx.delete(eventOccurrences).where(inArray(eventOccurrences.id, toDelete));
  if (toCallOff.length)
    await tx
      .update(eventOccurrences)
      .set({ cancelledAt: now })
      .where(inArray(eventOccurrences.id, toCallOff));
  const keptIds: string[] = [];
  for (const [id, to] of moved) {
    keptIds.push(id);
    await tx
      .update(eventOccurrences)
      .set({ startsAt: to.start, endsAt: to.end, cancelledAt: null, remindedAt: null })
      .where(eq(eventOccurrences.id, id));
  }
  const movedTo = new Set(moved.values());
  const fresh: Period[] = [];
  for (const d of dates) {
    const kept = byStart.get(d.start.getTime());
    if (!kept) {
      if (!movedTo.has(d)) fresh.push(d);
      continue;
    }
    keptIds.push(kept.id);
    // A date that stays keeps its row; its end follows the event's, and a date called off before comes back.
    if (kept.cancelledAt !== null || kept.endsAt.getTime() !== d.end.getTime())
      await tx
        .update(eventOccurrences)
        .set({ endsAt: d.end, cancelledAt: null })
        .where(eq(eventOccurrences.id, kept.id));
  }
  if (fresh.length)
    await tx
      .insert(eventOccurrences)
      .values(fresh.map((d) => ({ eventId, startsAt: d.start, endsAt: d.end })));
  return { calledOff: toCallOff, kept: keptIds, moved: [...moved.keys()] };
}
