// Bookings: what is written and read. The database refuses a second confirmed booking over the same
// time of one room (the exclusion constraint of migration 0017); that refusal (SQLSTATE 23P01)
// becomes BOOKING_TAKEN here, so nobody sees a server error for a slot someone else just took.
import { and, asc, eq, inArray, ne, or, sql } from 'drizzle-orm';
import type { Executor } from '../../../db/client.ts';
import { AppError } from '../../../shared/errors.ts';
import { bookings, type Period, rooms } from '../spaces.schema.ts';
import type { BookingStatus } from '../spaces.vocabulary.ts';

export type BookingRow = typeof bookings.$inferSelect;

/** Whether an error is PostgreSQL's "conflicting key value violates exclusion constraint". */
function isExclusionViolation(error: unknown): boolean {
  for (let e: unknown = error; e; e = (e as { cause?: unknown }).cause)
    if ((e as { code?: string }).code === '23P01') return true;
  return false;
}

/** Runs a write; a confirmed booking over another becomes BOOKING_TAKEN. */
async function unlessTaken<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isExclusionViolation(error)) throw new AppError('BOOKING_TAKEN');
    throw error;
  }
}

const overlapping = (p: Period) =>
  sql`${bookings.period} && tstzrange(${p.start.toISOString()}::timestamptz, ${p.end.toISOString()}::timestamptz, '[)')`;

export async function insertBooking(
  tx: Executor,
  values: Omit<typeof bookings.$inferInsert, 'id' | 'createdAt' | 'updatedAt'> & { now: Date },
): Promise<string> {
  const { now, ...rest } = values;
  const [row] = await unlessTaken(() =>
    tx
      .insert(bookings)
      .values({ ...rest, createdAt: now, updatedAt: now })
      .returning({ id: bookings.id }),
  );
  return row!.id;
}

const withOwner = (db: Executor, id: string) =>
  db
    .select({ booking: bookings, roomOrganisationId: rooms.organisationId, roomName: rooms.name })
    .from(bookings)
    .innerJoin(rooms, eq(rooms.id, bookings.roomId))
    .where(eq(bookings.id, id));

/** A booking with its room's organisation. */
export async function findBooking(db: Executor, id: string) {
  const [row] = await withOwner(db, id);
  return row;
}

/** A booking with its room's organisation, locked until the transaction ends. */
export async function lockBooking(tx: Executor, id: string) {
  const [row] = await withOwner(tx, id).for('update', { of: bookings });
  return row;
}

export async function setBookingStatus(
  tx: Executor,
  id: string,
  change: { status: BookingStatus; reason: string | null; decidedBy: string | null; now: Date },
): Promise<void> {
  await unlessTaken(() =>
    tx
      .update(bookings)
      .set({
        status: change.status,
        reason: change.reason,
        decidedBy: change.decidedBy,
        decidedAt: change.now,
        updatedAt: change.now,
      })
      .where(eq(bookings.id, id)),
  );
}

/** Whether a confirmed booking of the room overlaps `period`. */
export async function isTaken(db: Executor, roomId: string, period: Period): Promise<boolean> {
  const rows = await db
    .select({ id: bookings.id })
    .from(bookings)
    .where(and(eq(bookings.roomId, roomId), eq(bookings.status, 'confirmed'), overlapping(period)))
    .limit(1);
  return rows.length > 0;
}

/**
 * Holds one organisation's quota of one room for one month ("2026-12") until the transaction ends:
 * two requests at once would each count the minutes before the other is written, and both pass.
 * The two-key advisory lock keeps these apart from the one-key locks of start-up.
 */
export async function lockQuota(
  tx: Executor,
  roomId: string,
  organisationId: string,
  month: string,
): Promise<void> {
  const key = `${roomId}:${organisationId}:${month}`;
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext('spaces.quota'), hashtext(${key}::text))`);
}

/** Minutes of the room one organisation asked for or has, in [from, to) (its monthly quota). */
export async function bookedMinutes(
  db: Executor,
  roomId: string,
  organisationId: string,
  from: Date,
  to: Date,
): Promise<number> {
  const result = await db.execute<{ minutes: number }>(sql`
    select coalesce(sum(extract(epoch from upper(period) - lower(period)) / 60), 0)::int as minutes
    from ${bookings}
    where room_id = ${roomId} and organisation_id = ${organisationId}
      and status in ('requested', 'confirmed')
      and lower(period) >= ${from.toISOString()}::timestamptz and lower(period) < ${to.toISOString()}::timestamptz`);
  return result.rows[0]?.minutes ?? 0;
}

/** The room's asked-for and confirmed bookings that touch [from, to), earliest first. */
export async function findBookingsBetween(
  db: Executor,
  roomIds: string[],
  from: Date,
  to: Date,
): Promise<BookingRow[]> {
  if (!roomIds.length) return [];
  return db
    .select()
    .from(bookings)
    .where(
      and(
        inArray(bookings.roomId, roomIds),
        inArray(bookings.status, ['requested', 'confirmed']),
        overlapping({ start: from, end: to }),
      ),
    )
    .orderBy(sql`lower(${bookings.period})`);
}

/** Bookings of this organisation's rooms that end after `now`: what its editors decide. */
export async function findRequestsTo(db: Executor, organisationId: string, now: Date) {
  return db
    .select({ booking: bookings, roomName: rooms.name })
    .from(bookings)
    .innerJoin(rooms, eq(rooms.id, bookings.roomId))
    .where(
      and(
        eq(rooms.organisationId, organisationId),
        sql`upper(${bookings.period}) > ${now.toISOString()}::timestamptz`,
        or(eq(bookings.status, 'requested'), eq(bookings.status, 'confirmed')),
      ),
    )
    .orderBy(asc(sql`${bookings.status} <> 'requested'`), sql`lower(${bookings.period})`)
    .limit(200);
}

/** This organisation's own bookings of others' rooms that end after `now` (declined ones too, for their reason), soonest first. */
export async function findBookingsBy(db: Executor, organisationId: string, now: Date) {
  return db
    .select({ booking: bookings, roomName: rooms.name, roomOrganisationId: rooms.organisationId })
    .from(bookings)
    .innerJoin(rooms, eq(rooms.id, bookings.roomId))
    .where(
      and(
        eq(bookings.organisationId, organisationId),
        ne(rooms.organisationId, organisationId),
        ne(bookings.status, 'cancelled'),
        sql`upper(${bookings.period}) > ${now.toISOString()}::timestamptz`,
      ),
    )
    .orderBy(sql`lower(${bookings.period})`)
    .limit(100);
}

/**
 * An organisation's calendar in [from, to): the asked-for and confirmed bookings of its rooms, and
 * its own of others' rooms, with the room's name and place and the organisation that asked.
 */
export async function findCalendarOf(db: Executor, organisationId: string, from: Date, to: Date) {
  return db
    .select({
      booking: bookings,
      roomName: rooms.name,
      roomOrganisationId: rooms.organisationId,
      locationId: rooms.locationId,
    })
    .from(bookings)
    .innerJoin(rooms, eq(rooms.id, bookings.roomId))
    .where(
      and(
        or(eq(rooms.organisationId, organisationId), eq(bookings.organisationId, organisationId)),
        inArray(bookings.status, ['requested', 'confirmed']),
        overlapping({ start: from, end: to }),
      ),
    )
    .orderBy(sql`lower(${bookings.period})`)
    .limit(5_000);
}

/** The organisation whose room a booking is of, and the one that asked; undefined for no such booking. */
export async function findBookingRoomOrganisation(db: Executor, id: string) {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
  const [row] = await db
    .select({ owner: rooms.organisationId, asker: bookings.organisationId, roomId: bookings.roomId })
    .from(bookings)
    .innerJoin(rooms, eq(rooms.id, bookings.roomId))
    .where(eq(bookings.id, id.toLowerCase()));
  return row;
}

/**
 * Cancels the asked-for and confirmed bookings of a room that start in [from, to) and after `now`,
 * all of them or only one organisation's; returns them as they were, earliest first.
 */
export async function cancelBookingsIn(
  tx: Executor,
  change: {
    roomId: string;
    organisationId: string | null;
    from: Date;
    to: Date;
    reason: string | null;
    decidedBy: string | null;
    now: Date;
  },
): Promise<BookingRow[]> {
  const { now } = change;
  const chosen = await tx
    .select()
    .from(bookings)
    .where(
      and(
        eq(bookings.roomId, change.roomId),
        change.organisationId ? eq(bookings.organisationId, change.organisationId) : undefined,
        inArray(bookings.status, ['requested', 'confirmed']),
        sql`lower(${bookings.period}) >= ${change.from.toISOString()}::timestamptz`,
        sql`lower(${bookings.period}) < ${change.to.toISOString()}::timestamptz`,
        sql`lower(${bookings.period}) > ${now.toISOString()}::timestamptz`,
      ),
    )
    // One order for every locker (ties broken by id), so two at once cannot deadlock.
    .orderBy(sql`lower(${bookings.period})`, bookings.id)
    .for('update');
  if (!chosen.length) return [];
  await tx
    .update(bookings)
    .set({
      status: 'cancelled',
      reason: change.reason,
      decidedBy: change.decidedBy,
      decidedAt: now,
      updatedAt: now,
    })
    .where(
      inArray(
        bookings.id,
        chosen.map((b) => b.id),
      ),
    );
  return chosen;
}

/**
 * Confirmed bookings that start within a day of `now` and whose sides were not reminded, except
 * those confirmed less than a day before their start: the confirmation was the reminder.
 */
export async function findBookingsToRemind(db: Executor, now: Date) {
  const at = now.toISOString();
  return db
    .select({ id: bookings.id })
    .from(bookings)
    .where(
      and(
        eq(bookings.status, 'confirmed'),
        sql`${bookings.remindedAt} is null`,
        sql`lower(${bookings.period}) > ${at}::timestamptz`,
        sql`lower(${bookings.period}) <= ${at}::timestamptz + interval '1 day'`,
        sql`coalesce(${bookings.decidedAt}, ${bookings.createdAt}) <= lower(${bookings.period}) - interval '1 day'`,
      ),
    )
    .limit(5_000);
}

export async function markReminded(tx: Executor, id: string, now: Date): Promise<void> {
  await tx.update(bookings).set({ remindedAt: now }).where(eq(bookings.id, id));
}

/** The asked-for dates of a weekly request that have not begun, earliest first, locked. */
export async function lockWaitingInSeries(tx: Executor, seriesId: string, now: Date): Promise<BookingRow[]> {
  return tx
    .select()
    .from(bookings)
    .where(
      and(
        eq(bookings.seriesId, seriesId),
        eq(bookings.status, 'requested'),
        sql`lower(${bookings.period}) > ${now.toISOString()}::timestamptz`,
      ),
    )
    .orderBy(sql`lower(${bookings.period})`, bookings.id)
    .for('update');
}
