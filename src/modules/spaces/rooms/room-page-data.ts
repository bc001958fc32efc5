// What a room's public page shows: the room, its week cut into free, asked-for and taken time, and
// the organisations the reader may ask for.
import { DateTime } from 'luxon';
import type { Database } from '../../../db/client.ts';
import { findMembershipsOfUser } from '../../access/index.ts';
import { getOrganisationBrief } from '../../directory/index.ts';
import { slotsOf, subtract } from '../availability/availability.ts';
import { roomTimeZone } from '../spaces.vocabulary.ts';
import type { RoomPageData } from '../presenters/page-data.ts';
import { getRoom, roomCalendar, weekOf } from './room-queries.ts';

export async function roomPageData(
  db: Database,
  /** The reader, when signed in. */
  userId: string | undefined,
  roomId: string,
  weekParam: string | undefined,
): Promise<RoomPageData> {
  const room = await getRoom(db, roomId);
  const { from, to, monday } = weekOf(weekParam, new Date());
  const calendar = await roomCalendar(db, room.id, from, to);
  // Time already past is neither free nor to be asked for.
  const open = subtract(calendar.open, [{ start: from, end: new Date() }]);
  const slots = slotsOf(open, calendar.taken, calendar.asked);
  const start = DateTime.fromISO(monday, { zone: roomTimeZone });
  const days = Array.from({ length: 7 }, (_, i) => {
    const day = start.plus({ days: i });
    const [dayStart, dayEnd] = [day.toJSDate(), day.plus({ days: 1 }).toJSDate()];
    return {
      date: day.toISODate()!,
      noon: day.set({ hour: 12 }).toJSDate(),
      slots: slots.filter((s) => s.start >= dayStart && s.start < dayEnd),
    };
  });
  const memberships = userId ? await findMembershipsOfUser(db, userId) : [];
  const organisations = await Promise.all(memberships.map((m) => getOrganisationBrief(db, m.organisationId)));
  return {
    room,
    week: {
      monday,
      previous: start.minus({ weeks: 1 }).toISODate()!,
      next: start.plus({ weeks: 1 }).toISODate()!,
      days,
    },
    organisations: organisations.map((o) => ({ id: o.id, name: o.name })),
  };
}
