// Registrations for the dates of events: what is read and written. A date's row is locked (FOR
// UPDATE) by every transaction that changes one of its registrations, so its counts `confirmed` and
// `waitlisted` stay exact however many people register at once. The database refuses a second
// registration of one address for a date (event_registrations_once_idx): that refusal (SQLSTATE
// 23505) becomes ALREADY_REGISTERED here.
import { and, asc, eq, inArray, isNull, lt, sql } from 'drizzle-orm';
import type { Executor } from '../../../db/client.ts';
import { preparedOn } from '../../../db/prepared.ts';
import { AppError } from '../../../shared/errors.ts';
import { eventOccurrences, eventRegistrations, events } from '../network.schema.ts';
import type { RegistrationStatus } from '../network.vocabulary.ts';

export type RegistrationRow = typeof eventRegistrations.$inferSelect;

const dateColumns = {
  id: eventOccurrences.id,
  eventId: eventOccurrences.eventId,
  startsAt: eventOccurrences.startsAt,
  endsAt: eventOccurrences.endsAt,
  cancelledAt: eventOccurrences.cancelledAt,
  confirmed: eventOccurrences.confirmed,
  waitlisted: eventOccurrences.waitlisted,
  remindedAt: eventOccurrences.remindedAt,
};
const eventColumns = {
  id: events.id,
  organisationId: events.organisationId,
  title: events.title,
  placeKind: events.placeKind,
  locationId: events.locationId,
  address: events.address,
  onlineUrl: events.onlineUrl,
  capacity: events.capacity,
  whoMayRegister: events.whoMayRegister,
  status: events.status,
};

/** A date with its event, as registering needs them. */
export type DateOfEvent = {
  date: { [K in keyof typeof dateColumns]: (typeof eventOccurrences.$inferSelect)[K] };
  event: { [K in keyof typeof eventColumns]: (typeof events.$inferSelect)[K] };
};

const dateOfEvent = (db: Executor) =>
  db
    .select({ date: dateColumns, event: eventColumns })
    .from(eventOccurrences)
    .innerJoin(events, eq(events.id, eventOccurrences.eventId))
    .where(eq(eventOccurrences.id, sql.placeholder('id')));
// Built once (on the path of every registration; see db/prepared.ts), as are the statements below
// named by .prepare: PostgreSQL parses and plans each once per connection, not at every request.
const readDate = preparedOn((db) => dateOfEvent(db).prepare('registrations_find_date'));
const lockDate = preparedOn((db) =>
  dateOfEvent(db).for('update', { of: eventOccurrences }).prepare('registrations_lock_date'),
);

/** A date and its event; with `lock`, the date's row is locked until the transaction ends. */
export async function findDate(
  db: Executor,
  occurrenceId: string,
  lock = false,
): Promise<DateOfEvent | undefined> {
  const [row] = await (lock ? lockDate : readDate)(db).execute({ id: occurrenceId });
  return row;
}

export async function findEvent(db: Executor, eventId: string) {
  const [row] = await db.select(eventColumns).from(events).where(eq(events.id, eventId));
  return row;
}

/** Whether an error is PostgreSQL's unique violation of one registration per address and date. */
function isSecondRegistration(error: unknown): boolean {
  for (let e: unknown = error; e; e = (e as { cause?: unknown }).cause) {
    const pg = e as { code?: string; constraint?: string };
    if (pg.code === '23505' && pg.constraint === 'event_registrations_once_idx') return true;
  }
  return false;
}

/** Runs a write; a second registration of an address for a date becomes ALREADY_REGISTERED. */
export async function unlessRegistered<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isSecondRegistration(error)) throw new AppError('ALREADY_REGISTERED');
    throw error;
  }
}

/**
 * A new registration: unconfirmed, or (`placed`, on the date the caller locked) with its place or
 * waitlist place at once, in the same statement. A named statement: give every column each time
 * (null for none), so that its text stays the same.
 */
export async function insertRegistration(
  tx: Executor,
  values: Omit<typeof eventRegistrations.$inferInsert, 'placedAt'> & { id: string },
  placed?: { status: 'confirmed' | 'waitlisted'; now: Date },
): Promise<RegistrationRow> {
  const [row] = await tx
    .insert(eventRegistrations)
    .values(
      placed
        ? { ...values, status: placed.status, placedAt: placedAtOn(values.occurrenceId, placed.now) }
        : values,
    )
    .returning()
    .prepare(placed ? 'registrations_insert_placed' : 'registrations_insert')
    .execute();
  return row!;
}

/** Drops a registration never confirmed of this address for this date: registering again sends a new link. */
export async function dropUnconfirmed(tx: Executor, occurrenceId: string, email: string): Promise<void> {
  await tx
    .delete(eventRegistrations)
    .where(
      and(
        eq(eventRegistrations.occurrenceId, occurrenceId),
        sql`lower(${eventRegistrations.email}) = lower(${email})`,
        eq(eventRegistrations.status, 'unconfirmed'),
      ),
    )
    .prepare('registrations_drop_unconfirmed')
    .execute();
}

export async function findRegistrationById(db: Executor, id: string) {
  const [row] = await db.select().from(eventRegistrations).where(eq(eventRegistrations.id, id));
  return row;
}

/**
 * The registration (not cancelled) of an address for a date, as the unique index
 * event_registrations_once_idx finds it.
 */
export async function findRegistrationOfAddress(db: Executor, occurrenceId: string, email: string) {
  const [row] = await db
    .select()
    .from(eventRegistrations)
    .where(
      and(
        eq(eventRegistrations.occurrenceId, occurrenceId),
        sql`lower(${eventRegistrations.email}) = lower(${email})`,
        sql`${eventRegistrations.status} <> 'cancelled'`,
      ),
    );
  return row;
}

export async function findRegistrationByToken(db: Executor, tokenHash: Buffer) {
  const [row] = await db.select().from(eventRegistrations).where(eq(eventRegistrations.tokenHash, tokenHash));
  return row;
}

/** A registration, locked until the transaction ends. */
export async function lockRegistration(tx: Executor, id: string) {
  const [row] = await tx.select().from(eventRegistrations).where(eq(eventRegistrations.id, id)).for('update');
  return row;
}

/**
 * The person's registration (not cancelled) for a date: by their account, or by their account's
 * address once it is verified (anyone may sign up with another's address and not confirm it).
 */
export async function findOwnRegistration(
  db: Executor,
  occurrenceId: string,
  user: { userId: string; email: string; emailVerified: boolean },
) {
  const [row] = await db
    .select()
    .from(eventRegistrations)
    .where(
      and(
        eq(eventRegistrations.occurrenceId, occurrenceId),
        sql`${eventRegistrations.status} <> 'cancelled'`,
        user.emailVerified
          ? sql`(${eventRegistrations.userId} = ${user.userId} or lower(${eventRegistrations.email}) = lower(${user.email}))`
          : eq(eventRegistrations.userId, user.userId),
      ),
    )
    .orderBy(asc(eventRegistrations.createdAt))
    .limit(1);
  return row;
}

export async function setStatus(
  tx: Executor,
  id: string,
  status: RegistrationStatus,
  values: Partial<Pick<RegistrationRow, 'placedAt' | 'emailConfirmedAt' | 'cancelledAt'>> = {},
): Promise<void> {
  await tx
    .update(eventRegistrations)
    .set({ status, ...values })
    .where(eq(eventRegistrations.id, id));
}

/**
 * When a registration takes its place or waitlist place (the waiting list's order): `now`, or just
 * after the latest placed on the date if that is later: requests that started in one order may reach
 * the date's lock in another, and the list follows the lock, as the numbers told.
 */
const placedAtOn = (occurrenceId: string, now: Date) =>
  sql`greatest(${now.toISOString()}::timestamptz, (select max(r.placed_at) + interval '1 microsecond'
        from event_registrations r where r.occurrence_id = ${occurrenceId}))`;

/** Gives a registration (an unconfirmed one) its place or waitlist place. */
export async function placeRow(
  tx: Executor,
  registration: { id: string; occurrenceId: string },
  status: 'confirmed' | 'waitlisted',
  now: Date,
): Promise<void> {
  await tx
    .update(eventRegistrations)
    .set({
      status,
      emailConfirmedAt: sql`coalesce(${eventRegistrations.emailConfirmedAt}, ${now.toISOString()}::timestamptz)`,
      placedAt: placedAtOn(registration.occurrenceId, now),
    })
    .where(eq(eventRegistrations.id, registration.id));
}

/** Changes a date's counts by these amounts (its row locked by the caller). */
export async function addToCounts(
  tx: Executor,
  occurrenceId: string,
  change: { confirmed?: number; waitlisted?: number },
): Promise<void> {
  await tx
    .update(eventOccurrences)
    .set({
      confirmed: sql`${eventOccurrences.confirmed} + ${change.confirmed ?? 0}`,
      waitlisted: sql`${eventOccurrences.waitlisted} + ${change.waitlisted ?? 0}`,
    })
    .where(eq(eventOccurrences.id, occurrenceId))
    .prepare('registrations_add_to_counts')
    .execute();
}

/** The first on a date's waiting list, locked. */
export async function lockFirstWaiting(tx: Executor, occurrenceId: string) {
  const [row] = await tx
    .select()
    .from(eventRegistrations)
    .where(
      and(eq(eventRegistrations.occurrenceId, occurrenceId), eq(eventRegistrations.status, 'waitlisted')),
    )
    .orderBy(asc(eventRegistrations.placedAt), asc(eventRegistrations.createdAt), asc(eventRegistrations.id))
    .limit(1)
    .for('update');
  return row;
}

/** Every registration of these dates that is not cancelled, in the order of the lists. */
export function listRegistrationsOf(db: Executor, occurrenceIds: string[]) {
  if (!occurrenceIds.length) return Promise.resolve([]);
  return db
    .select()
    .from(eventRegistrations)
    .where(
      and(
        inArray(eventRegistrations.occurrenceId, occurrenceIds),
        sql`${eventRegistrations.status} <> 'cancelled'`,
      ),
    )
    .orderBy(
      asc(eventRegistrations.occurrenceId),
      asc(eventRegistrations.placedAt),
      asc(eventRegistrations.createdAt),
      asc(eventRegistrations.id),
    );
}

/** An event's dates, in time order. */
export function listDatesOf(db: Executor, eventId: string) {
  return db
    .select(dateColumns)
    .from(eventOccurrences)
    .where(eq(eventOccurrences.eventId, eventId))
    .orderBy(asc(eventOccurrences.startsAt));
}

/** Dates starting within the next day whose people were not reminded yet. */
export function findDatesToRemind(db: Executor, now: Date) {
  return db
    .select({ id: eventOccurrences.id })
    .from(eventOccurrences)
    .innerJoin(events, eq(events.id, eventOccurrences.eventId))
    .where(
      and(
        isNull(eventOccurrences.remindedAt),
        isNull(eventOccurrences.cancelledAt),
        eq(events.status, 'published'),
        sql`${eventOccurrences.startsAt} > ${now.toISOString()}::timestamptz`,
        sql`${eventOccurrences.startsAt} <= ${now.toISOString()}::timestamptz + interval '24 hours'`,
      ),
    )
    .orderBy(asc(eventOccurrences.startsAt));
}

export async function markDateReminded(tx: Executor, occurrenceId: string, now: Date): Promise<void> {
  await tx.update(eventOccurrences).set({ remindedAt: now }).where(eq(eventOccurrences.id, occurrenceId));
}

/** The people with a place on a date. */
export function listConfirmedOf(db: Executor, occurrenceId: string) {
  return db
    .select()
    .from(eventRegistrations)
    .where(
      and(eq(eventRegistrations.occurrenceId, occurrenceId), eq(eventRegistrations.status, 'confirmed')),
    );
}

/** Deletes registrations whose address was never confirmed, made before `before`. */
export async function deleteUnconfirmedBefore(db: Executor, before: Date): Promise<number> {
  const result = await db
    .delete(eventRegistrations)
    .where(and(eq(eventRegistrations.status, 'unconfirmed'), lt(eventRegistrations.createdAt, before)));
  return result.rowCount ?? 0;
}
