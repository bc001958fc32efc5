// Rooms and their hours: what is written and read. No rules here (see check-room.ts and the use cases).
import {
  and,
  arrayContains,
  asc,
  count,
  eq,
  gte,
  inArray,
  type SQL,
  type SQLWrapper,
  sql,
} from 'drizzle-orm';
import type { Executor } from '../../../db/client.ts';
import type { AvailabilityRule } from '../availability/availability.ts';
import { bookings, type Period, roomAvailability, rooms } from '../spaces.schema.ts';
import type { RoomValues } from './check-room.ts';

export type RoomRow = typeof rooms.$inferSelect;
export type AvailabilityRow = typeof roomAvailability.$inferSelect;

export async function insertRoom(
  tx: Executor,
  values: RoomValues & { organisationId: string; createdBy: string | null; isDemo?: boolean; now: Date },
): Promise<string> {
  const { now, ...rest } = values;
  const [row] = await tx
    .insert(rooms)
    .values({ ...rest, createdAt: now, updatedAt: now })
    .returning({ id: rooms.id });
  return row!.id;
}

export async function updateRoom(tx: Executor, id: string, values: RoomValues, now: Date): Promise<void> {
  await tx
    .update(rooms)
    .set({ ...values, updatedAt: now })
    .where(eq(rooms.id, id));
}

export async function findRoom(db: Executor, id: string): Promise<RoomRow | undefined> {
  const [row] = await db.select().from(rooms).where(eq(rooms.id, id));
  return row;
}

/** The row, locked until the transaction ends, so two edits of one room do not cross. */
export async function lockRoom(tx: Executor, id: string): Promise<RoomRow | undefined> {
  const [row] = await tx.select().from(rooms).where(eq(rooms.id, id)).for('update');
  return row;
}

export async function findRoomsOf(db: Executor, organisationId: string): Promise<RoomRow[]> {
  return db
    .select()
    .from(rooms)
    .where(eq(rooms.organisationId, organisationId))
    .orderBy(asc(rooms.createdAt));
}

export interface RoomWants {
  people: number | null;
  accessibility: string[];
  freeOnly: boolean;
}

/** Rooms for at least this many people, with these features, free of charge if asked. */
function matching(wanted: RoomWants): SQL | undefined {
  const where: SQL[] = [];
  if (wanted.people) where.push(gte(rooms.capacity, wanted.people));
  if (wanted.accessibility.length) where.push(arrayContains(rooms.accessibility, wanted.accessibility));
  if (wanted.freeOnly) where.push(eq(rooms.hourlyPriceCents, 0));
  return and(...where);
}

export interface RoomPlaceAndTime {
  /** Only rooms at these places (directory locations): their ids, or a query of their ids. */
  locationIds?: string[] | SQLWrapper;
  /** Only rooms without a confirmed booking over this period. */
  freeDuring?: Period;
}

function matchingAt(wanted: RoomWants, { locationIds, freeDuring }: RoomPlaceAndTime): SQL | undefined {
  const where = [matching(wanted)];
  // Ids as one array parameter, however many places (a wide search holds all of Brussels), read as
  // a set: PostgreSQL plans `= any(array)` element by element, which for a thousand places costs
  // more than the search itself.
  if (Array.isArray(locationIds))
    where.push(sql`${rooms.locationId} in (select unnest(${sql.param(locationIds)}::uuid[]))`);
  else if (locationIds) where.push(inArray(rooms.locationId, locationIds));
  // The confirmed bookings over the period, from the bookings' GiST index alone (it holds the room).
  if (freeDuring)
    where.push(sql`not exists (select 1 from ${bookings} b where b.room_id = ${rooms.id} and b.status = 'confirmed'
      and b.period && tstzrange(${freeDuring.start.toISOString()}::timestamptz, ${freeDuring.end.toISOString()}::timestamptz, '[)'))`);
  return and(...where);
}

/** The rooms that match, at these places and free then if asked: what a search by place starts from. */
export async function findRoomsMatching(
  db: Executor,
  wanted: RoomWants,
  at: RoomPlaceAndTime = {},
): Promise<RoomRow[]> {
  if (Array.isArray(at.locationIds) && !at.locationIds.length) return [];
  return db.select().from(rooms).where(matchingAt(wanted, at)).orderBy(asc(rooms.createdAt), asc(rooms.id));
}

/** A room's rules as a search reads them: [kind, rule, minutes]. */
type RuleTuple = [AvailabilityRule['kind'], string, number];

/**
 * The same rooms, each with its weekly windows and closures (in no particular order), in one
 * query: what a search by time starts from.
 */
export async function findRoomsWithRules(
  db: Executor,
  wanted: RoomWants,
  at: RoomPlaceAndTime = {},
): Promise<{ room: RoomRow; rules: AvailabilityRule[] }[]> {
  if (Array.isArray(at.locationIds) && !at.locationIds.length) return [];
  // `${rooms}.id`, not `${rooms.id}`: in a select list Drizzle writes a column without its table,
  // which inside the subquery would be the rule's own id.
  const rows = await db
    .select({
      room: rooms,
      rules: sql<RuleTuple[]>`coalesce((select json_agg(json_build_array(ra.kind, ra.rule, ra.minutes))
        from ${roomAvailability} ra where ra.room_id = ${rooms}.id), '[]'::json)`,
    })
    .from(rooms)
    .where(matchingAt(wanted, at))
    .orderBy(asc(rooms.createdAt), asc(rooms.id));
  return rows.map(({ room, rules }) => ({
    room,
    rules: rules.map(([kind, rule, minutes]) => ({ kind, rule, minutes })),
  }));
}

/** A page of the rooms that match, and how many match. */
export async function findRoomsPage(
  db: Executor,
  wanted: RoomWants,
  page: { offset: number; limit: number },
): Promise<{ rows: RoomRow[]; total: number }> {
  const [rows, [totals]] = await Promise.all([
    db
      .select()
      .from(rooms)
      .where(matching(wanted))
      .orderBy(asc(rooms.createdAt), asc(rooms.id))
      .limit(page.limit)
      .offset(page.offset),
    db.select({ n: count() }).from(rooms).where(matching(wanted)),
  ]);
  return { rows, total: totals?.n ?? 0 };
}

export async function findAvailability(db: Executor, roomIds: string[]): Promise<AvailabilityRow[]> {
  if (!roomIds.length) return [];
  return db
    .select()
    .from(roomAvailability)
    .where(inArray(roomAvailability.roomId, roomIds))
    .orderBy(asc(roomAvailability.createdAt), asc(roomAvailability.id));
}

/** The room's weekly windows replaced by these (its closures stay). */
export async function replaceOpenings(
  tx: Executor,
  roomId: string,
  rules: AvailabilityRule[],
  now: Date,
): Promise<void> {
  await tx
    .delete(roomAvailability)
    .where(and(eq(roomAvailability.roomId, roomId), eq(roomAvailability.kind, 'open')));
  if (rules.length)
    await tx
      .insert(roomAvailability)
      .values(rules.map((r) => ({ ...r, roomId, createdAt: now, updatedAt: now })));
}

export async function insertClosure(
  tx: Executor,
  roomId: string,
  rule: AvailabilityRule & { note: Record<string, string> },
  now: Date,
): Promise<string> {
  const [row] = await tx
    .insert(roomAvailability)
    .values({ ...rule, roomId, createdAt: now, updatedAt: now })
    .returning({ id: roomAvailability.id });
  return row!.id;
}

export async function deleteClosure(tx: Executor, roomId: string, id: string): Promise<boolean> {
  const deleted = await tx
    .delete(roomAvailability)
    .where(
      and(
        eq(roomAvailability.id, id),
        eq(roomAvailability.roomId, roomId),
        eq(roomAvailability.kind, 'closed'),
      ),
    )
    .returning({ id: roomAvailability.id });
  return deleted.length > 0;
}

/** Removes a room with its hours, photos and bookings (they belong to it). */
export async function deleteRoom(tx: Executor, id: string): Promise<void> {
  await tx.delete(rooms).where(eq(rooms.id, id));
}
