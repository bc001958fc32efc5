// What the calendars show. A room's feed is public and says only when the room is booked (as the
// availability API does); an organisation's feed, behind its secret address, names who asked for
// its rooms and what for, and its own bookings of others' rooms; a booking's file is for the two
// organisations it concerns.
import type { Database } from '../../../db/client.ts';
import { AppError } from '../../../shared/errors.ts';
import { type Locale, pickText } from '../../../shared/i18n-text.ts';
import { isUuid } from '../../../shared/shapes.ts';
import { getOrganisationBrief, listOrganisationsWithPlaces } from '../../directory/index.ts';
import { findBooking, findBookingsBetween, findCalendarOf } from '../bookings/bookings.repo.ts';
import { getRoom } from '../rooms/room-queries.ts';
import type { SpaceContext } from '../space-context.ts';
import { actsFor, managesRooms } from '../spaces.policy.ts';
import { addressText } from '../presenters/room-words.ts';
import type { CalendarEvent } from './calendar-ics.ts';

const day = 86_400_000;
/** A feed holds the last month and the coming year. */
export const feedWindow = (now: Date) => ({
  from: new Date(now.getTime() - 31 * day),
  to: new Date(now.getTime() + 366 * day),
});

type Words = { booked: string; asked: string; name: (text: Record<string, string>) => string };

/** A room's confirmed bookings, as busy time without names. */
export async function roomFeed(db: Database, roomId: string, now: Date, words: Words) {
  const room = await getRoom(db, roomId);
  const { from, to } = feedWindow(now);
  const booked = (await findBookingsBetween(db, [room.id], from, to)).filter((b) => b.status === 'confirmed');
  const events: CalendarEvent[] = booked.map((b) => ({
    id: b.id,
    start: b.period.start,
    end: b.period.end,
    summary: words.booked,
  }));
  return { name: words.name(room.name), events };
}

/** Everything of one organisation's rooms and bookings, for its own calendar. */
export async function organisationFeed(
  db: Database,
  organisationId: string,
  now: Date,
  words: Words,
  locale: Locale,
) {
  const org = await getOrganisationBrief(db, organisationId);
  const { from, to } = feedWindow(now);
  const rows = await findCalendarOf(db, org.id, from, to);
  const orgs = new Map(
    (
      await listOrganisationsWithPlaces(
        db,
        rows.flatMap((r) => [r.booking.organisationId, r.roomOrganisationId]),
      )
    ).map((o) => [o.id, o]),
  );
  const name = (id: string) => pickText(orgs.get(id)?.name, locale)?.text ?? '';
  const place = (ownerId: string, locationId: string) => {
    const at = orgs.get(ownerId)?.locations.find((l) => l.id === locationId);
    return at ? addressText(at) : '';
  };
  const events: CalendarEvent[] = rows.map(({ booking: b, roomName, roomOrganisationId, locationId }) => {
    const ours = roomOrganisationId === org.id;
    const tentative = b.status === 'requested';
    return {
      id: b.id,
      start: b.period.start,
      end: b.period.end,
      // Our room: who comes. Another's room: where we go.
      summary: `${tentative ? `${words.asked}: ` : ''}${words.name(roomName)} – ${name(ours ? b.organisationId : roomOrganisationId)}`,
      description: ours ? b.purpose : '',
      location: place(roomOrganisationId, locationId),
      tentative,
    };
  });
  return { name: words.name(org.name), events };
}

/** One booking as a file, for a member of the organisation that asked or of the room's. */
export async function bookingEvent(ctx: SpaceContext, bookingId: string, words: Words, locale: Locale) {
  if (!isUuid(bookingId)) throw new AppError('BOOKING_NOT_FOUND');
  const found = await findBooking(ctx.db, bookingId.toLowerCase());
  if (!found) throw new AppError('BOOKING_NOT_FOUND');
  const { booking, roomOrganisationId } = found;
  if (
    !(await managesRooms(ctx.db, ctx.actor, roomOrganisationId)) &&
    !(await actsFor(ctx.db, ctx.actor, booking.organisationId))
  )
    throw new AppError('BOOKING_NOT_FOUND');
  const room = await getRoom(ctx.db, booking.roomId);
  const location = room.place ? addressText(room.place) : '';
  const event: CalendarEvent = {
    id: booking.id,
    start: booking.period.start,
    end: booking.period.end,
    summary: `${booking.status === 'requested' ? `${words.asked}: ` : ''}${words.name(room.name)} – ${pickText(room.organisationName, locale)?.text ?? ''}`,
    location,
    tentative: booking.status === 'requested',
    cancelled: booking.status === 'declined' || booking.status === 'cancelled',
  };
  return { name: words.name(room.name), event, status: booking.status };
}
