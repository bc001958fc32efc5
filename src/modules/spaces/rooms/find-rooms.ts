// Finding a room: near a place (a commune, postcode, station or street) or in a commune, for so
// many people, with these features, free of charge if asked, and (given a time) only rooms open
// then, long and early enough to be asked for, and not booked. Public: rooms and when they are free
// are; who booked them is not.
import type { SQLWrapper } from 'drizzle-orm';
import type { Database } from '../../../db/client.ts';
import { distanceKm } from '../../../shared/distance.ts';
import { AppError, type FieldProblem } from '../../../shared/errors.ts';
import type { Locale } from '../../../shared/i18n-text.ts';
import { listLocationPointsIn, locationIdsInQuery } from '../../directory/index.ts';
import { findPlace, geoReference, type Place } from '../../geo/index.ts';
import { type AvailabilityRule, closedDuring, openThroughout } from '../availability/availability.ts';
import { inDateWindow } from '../availability/date-window.ts';
import { readMoment } from '../bookings/check-booking.ts';
import type { RoomView } from '../presenters/page-data.ts';
import type { Period } from '../spaces.schema.ts';
import { accessibilityFeatures, roomLimits } from '../spaces.vocabulary.ts';
import { presentRooms } from './room-queries.ts';
import { findRoomsMatching, findRoomsPage, findRoomsWithRules, type RoomRow } from './rooms.repo.ts';

export interface RoomSearchInput {
  /** A place typed by a person: commune, postcode, station, street. */
  near?: string;
  radiusKm?: number;
  /** A commune's NIS code. */
  commune?: string;
  /** Moments as booking forms take them (Brussels time unless they say their offset). */
  start?: string;
  end?: string;
  people?: string;
  accessibility?: string[];
  freeOnly?: boolean;
  page?: number;
  perPage?: number;
}

export interface RoomSearchResult {
  rooms: { room: RoomView; distanceKm: number | null }[];
  total: number;
  /** The place searched near, as understood. */
  place: Place | null;
  /** The time asked about, when given. */
  slot: Period | null;
}

export const defaultRadiusKm = 2;

/** Latitudes and longitudes around a point that hold every place within `km` of it. */
function boxAround(point: { lat: number; lon: number }, km: number) {
  // A hundredth wider than the circle: degrees are not quite 111.2 km, and its widest longitude is
  // a little poleward.
  const dLat = (km * 1.01) / 111.2;
  const dLon = (km * 1.01) / (111.2 * Math.cos((point.lat * Math.PI) / 180));
  return { south: point.lat - dLat, north: point.lat + dLat, west: point.lon - dLon, east: point.lon + dLon };
}

function readInput(input: RoomSearchInput, locale: Locale, now: Date) {
  const problems: FieldProblem[] = [];
  const problem = (field: string, code: string) => problems.push({ field, message: code, code });
  const near = input.near?.trim() ?? '';
  const place = near ? findPlace(near, locale) : null;
  if (near && !place) problem('near', 'room_search_near');
  const commune = input.commune?.trim() ?? '';
  if (commune && !geoReference().communes.some((c) => c.nis === commune))
    problem('commune', 'room_search_commune');
  const peopleText = input.people?.trim() ?? '';
  const people = /^\d{1,7}$/.test(peopleText) ? Number(peopleText) : peopleText ? NaN : null;
  if (people !== null && !(people >= roomLimits.capacity.min && people <= roomLimits.capacity.max))
    problem('people', 'room_search_people');
  const accessibility = (input.accessibility ?? []).filter((a) => a);
  if (accessibility.some((a) => !(accessibilityFeatures as readonly string[]).includes(a)))
    problem('accessibility', 'room_search_accessibility');
  let slot: Period | null = null;
  if (input.start || input.end) {
    const start = readMoment(input.start ?? '');
    const end = readMoment(input.end ?? '');
    if (!start) problem('start', 'booking_time_invalid');
    else if (!end) problem('end', 'booking_time_invalid');
    else if (end <= start) problem('end', 'booking_end_before_start');
    else if (!inDateWindow(start, now)) problem('start', 'date_window');
    else if (end.getTime() - start.getTime() > roomLimits.bookingMinutes.max * 60_000)
      problem('end', 'booking_too_long');
    else slot = { start, end };
  }
  if (problems.length) throw new AppError('VALIDATION_FAILED', { fields: problems });
  const radiusKm = Math.min(Math.max(input.radiusKm ?? defaultRadiusKm, 0.1), 50);
  // A commune typed as the place means that commune, not a circle around its town hall.
  const inCommune = commune || (place?.kind === 'commune' ? (place.commune ?? '') : '');
  const point = place && place.kind !== 'commune' ? place : null;
  return { place, inCommune, point, radiusKm, people, accessibility, slot };
}

type Rules = AvailabilityRule[];

/**
 * Whether a room may be asked for `slot`: open all that time, within its lengths, with its notice.
 * Rooms with the same weekly hours (or the same closures) have the same answer for the slot: each
 * worked out once.
 */
function askableFor(slot: Period, now: Date) {
  const minutes = (slot.end.getTime() - slot.start.getTime()) / 60_000;
  const answers = new Map<string, boolean>();
  const once = (kind: 'open' | 'closed', rules: Rules, answer: (rules: Rules) => boolean) => {
    const own = rules.filter((r) => r.kind === kind);
    const key = `${kind}\n${own
      .map((r) => `${r.minutes}|${r.rule}`)
      .sort()
      .join('\n')}`;
    let known = answers.get(key);
    if (known === undefined) answers.set(key, (known = answer(own)));
    return known;
  };
  return (room: RoomRow, rules: Rules): boolean => {
    if (minutes < room.minMinutes || minutes > room.maxMinutes) return false;
    if (slot.start.getTime() - now.getTime() < room.noticeHours * 3_600_000) return false;
    return (
      once('open', rules, (own) => openThroughout(own, slot)) &&
      !once('closed', rules, (own) => closedDuring(own, slot))
    );
  };
}

export async function findRooms(
  db: Database,
  input: RoomSearchInput,
  { locale, now }: { locale: Locale; now: Date },
): Promise<RoomSearchResult> {
  const { place, inCommune, point, radiusKm, people, accessibility, slot } = readInput(input, locale, now);
  const wanted = { people, accessibility, freeOnly: input.freeOnly ?? false };
  const perPage = input.perPage ?? 20;
  const offset = ((input.page ?? 1) - 1) * perPage;
  if (!inCommune && !point && !slot) {
    // Nothing to work out per room: the database pages.
    const { rows, total } = await findRoomsPage(db, wanted, { offset, limit: perPage });
    const views = await presentRooms(db, rows);
    return { rooms: views.map((room) => ({ room, distanceKm: null })), total, place, slot };
  }
  // The places in the commune, or in a box around the point and then within the distance.
  const distances = new Map<string, number>();
  let locationIds: string[] | SQLWrapper | undefined;
  // In a commune: the database picks its places within the rooms' query.
  if (inCommune && !point) locationIds = locationIdsInQuery(db, { commune: inCommune });
  else if (point) {
    // Near the point, and in the commune too when both are asked.
    const places = await listLocationPointsIn(db, { box: boxAround(point, radiusKm) });
    for (const p of places) {
      if (p.lat === null || p.lon === null || (inCommune && p.communeNis !== inCommune)) continue;
      const km = distanceKm(point, { lat: p.lat, lon: p.lon });
      if (km <= radiusKm) distances.set(p.id, km);
    }
    locationIds = [...distances.keys()];
  }
  let candidates: RoomRow[];
  if (slot) {
    const askable = askableFor(slot, now);
    candidates = (await findRoomsWithRules(db, wanted, { locationIds, freeDuring: slot }))
      .filter(({ room, rules }) => askable(room, rules))
      .map(({ room }) => room);
  } else candidates = await findRoomsMatching(db, wanted, { locationIds });
  const distanceOf = (room: RoomRow) => distances.get(room.locationId) ?? null;

  if (point) candidates.sort((a, b) => distanceOf(a)! - distanceOf(b)!);
  const shown = candidates.slice(offset, offset + perPage);
  const views = await presentRooms(db, shown);
  return {
    rooms: views.map((room, i) => ({ room, distanceKm: distanceOf(shown[i]!) })),
    total: candidates.length,
    place,
    slot,
  };
}
