// Reading rooms: the public list and page, a week of free and taken time, and an organisation's own
// rooms for its editors. Rooms and their hours are public; who booked them is not.
import { DateTime } from 'luxon';
import { AppError } from '../../../shared/errors.ts';
import { isUuid } from '../../../shared/shapes.ts';
import type { Database, Executor } from '../../../db/client.ts';
import { getOrganisationBrief, listOrganisationsWithPlaces } from '../../directory/index.ts';
import { openPeriods, readWeekly } from '../availability/availability.ts';
import { inDateWindow } from '../availability/date-window.ts';
import { findBookingsBetween } from '../bookings/bookings.repo.ts';
import type { ClosureView, PeriodView, RoomPhotoView, RoomView } from '../presenters/page-data.ts';
import type { SpaceContext } from '../space-context.ts';
import { requireRoomManager } from '../spaces.policy.ts';
import { roomTimeZone } from '../spaces.vocabulary.ts';
import { findPhotoSummaries } from './room-photos.repo.ts';
import { type AvailabilityRow, findAvailability, findRoom, findRoomsOf, type RoomRow } from './rooms.repo.ts';

/**
 * Rooms as shown, with their organisation's name, their place and their photos (not their bytes):
 * one query for all their organisations (with only the rooms' places), one for all their photos.
 */
export async function presentRooms(db: Database, rows: RoomRow[]): Promise<RoomView[]> {
  const [found, photos] = await Promise.all([
    listOrganisationsWithPlaces(
      db,
      rows.map((r) => r.organisationId),
      rows.map((r) => r.locationId),
    ),
    findPhotoSummaries(
      db,
      rows.map((r) => r.id),
    ),
  ]);
  const organisations = new Map(found.map((o) => [o.id, o]));
  const photosOf = new Map<string, RoomPhotoView[]>();
  for (const { roomId, ...photo } of photos) photosOf.set(roomId, [...(photosOf.get(roomId) ?? []), photo]);
  return rows.map((r) => {
    const org = organisations.get(r.organisationId);
    const place = org?.locations.find((l) => l.id === r.locationId);
    return {
      id: r.id,
      organisationId: r.organisationId,
      organisationName: org?.name ?? {},
      place: place
        ? {
            id: place.id,
            name: place.name,
            address: place.address,
            postcode: place.postcode,
            locality: place.locality,
            communeNis: place.communeNis,
            lat: place.latitude,
            lon: place.longitude,
          }
        : null,
      name: r.name,
      description: r.description,
      capacity: r.capacity,
      floorArea: r.floorArea,
      accessibility: r.accessibility,
      equipment: r.equipment,
      hourlyPriceCents: r.hourlyPriceCents,
      conditions: r.conditions,
      conditionsNote: r.conditionsNote,
      whoMayAsk: r.whoMayAsk,
      monthlyQuotaHours: r.monthlyQuotaHours,
      contact: { name: r.contactName, email: r.contactEmail, phone: r.contactPhone },
      minMinutes: r.minMinutes,
      maxMinutes: r.maxMinutes,
      noticeHours: r.noticeHours,
      confirmation: r.confirmation,
      isDemo: r.isDemo,
      photos: photosOf.get(r.id) ?? [],
    };
  });
}

async function roomRow(db: Executor, id: string): Promise<RoomRow> {
  const room = isUuid(id) ? await findRoom(db, id.toLowerCase()) : undefined;
  if (!room) throw new AppError('ROOM_NOT_FOUND');
  return room;
}

export async function getRoom(db: Database, id: string): Promise<RoomView> {
  return (await presentRooms(db, [await roomRow(db, id)]))[0]!;
}

/** The weekly windows for the form ("d1w1o" = Monday's first window opens), and the closures ahead. */
export function hoursOf(rules: AvailabilityRow[], today: string) {
  const values: Record<string, string> = {};
  const perDay: Record<number, number> = {};
  for (const rule of rules) {
    const weekly = readWeekly(rule);
    if (!weekly) continue;
    for (const day of weekly.days) {
      const n = (perDay[day] = (perDay[day] ?? 0) + 1);
      if (n > 2) continue;
      values[`d${day}w${n}o`] = weekly.opens;
      values[`d${day}w${n}c`] = weekly.closes;
    }
  }
  const closures: ClosureView[] = rules
    .filter((r) => r.kind === 'closed')
    .map((r) => {
      const from = DateTime.fromFormat(r.rule.slice(8, 16), 'yyyyMMdd');
      const to = from.plus({ days: Math.max(0, Math.ceil(r.minutes / 1440) - 1) });
      return { id: r.id, from: from.toISODate()!, to: to.toISODate()!, note: r.note };
    })
    .filter((c) => c.to >= today);
  return { values, closures };
}

/** When the room is open and which of that time is taken or asked for, in [from, to). */
export async function roomCalendar(db: Database, id: string, from: Date, to: Date) {
  const room = await roomRow(db, id);
  const [rules, booked] = await Promise.all([
    findAvailability(db, [room.id]),
    findBookingsBetween(db, [room.id], from, to),
  ]);
  const open: PeriodView[] = openPeriods(rules, from, to);
  const taken: PeriodView[] = booked.filter((b) => b.status === 'confirmed').map((b) => b.period);
  const asked: PeriodView[] = booked.filter((b) => b.status === 'requested').map((b) => b.period);
  return { open, taken, asked };
}

/**
 * The Monday of the week of `date` ("2026-12-07"), as Brussels sees it; of this week when there is
 * no date, it is not one, or it is outside the dates the pages answer about (a year back or ahead).
 */
export function weekOf(date: string | undefined, now: Date): { from: Date; to: Date; monday: string } {
  const given =
    date && /^\d{4}-\d{2}-\d{2}$/.test(date) ? DateTime.fromISO(date, { zone: roomTimeZone }) : null;
  const day =
    given?.isValid && inDateWindow(given.toJSDate(), now)
      ? given
      : DateTime.fromJSDate(now, { zone: roomTimeZone });
  const monday = day.startOf('week');
  return { from: monday.toJSDate(), to: monday.plus({ weeks: 1 }).toJSDate(), monday: monday.toISODate()! };
}

/** An organisation's rooms with their hours, for its editors. */
export async function listOwnRooms(ctx: SpaceContext, organisationId: string) {
  await requireRoomManager(ctx.db, ctx.actor, organisationId);
  const org = await getOrganisationBrief(ctx.db, organisationId.toLowerCase());
  return { organisation: org, rooms: await presentRooms(ctx.db, await findRoomsOf(ctx.db, org.id)) };
}

/** One room with its rules, for its editors; to anyone else it is "not found". */
export async function roomToEdit(ctx: SpaceContext, id: string) {
  const room = await roomRow(ctx.db, id);
  await requireRoomManager(ctx.db, ctx.actor, room.organisationId).catch(() => {
    throw new AppError('ROOM_NOT_FOUND');
  });
  const [view] = await presentRooms(ctx.db, [room]);
  return { room, view: view!, rules: await findAvailability(ctx.db, [room.id]) };
}
