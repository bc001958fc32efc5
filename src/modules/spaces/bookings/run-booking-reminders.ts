// The hourly job that reminds both sides of a confirmed booking the day before it: the group that
// comes, and the room's managers who hand over the key. Each booking is reminded once; one that was
// confirmed less than a day ahead is not (its confirmation just told them).
import type { Database } from '../../../db/client.ts';
import { spanOf } from '../presenters/when.ts';
import { auditSpaces } from '../spaces-audit.ts';
import { mailBookingSide } from './booking-mail.ts';
import { findBookingsToRemind, lockBooking, markReminded } from './bookings.repo.ts';

export async function runBookingReminders(
  db: Database,
  { now, origin }: { now: Date; origin: string },
): Promise<{ reminded: number }> {
  let reminded = 0;
  for (const { id } of await findBookingsToRemind(db, now)) {
    const done = await db.transaction(async (tx) => {
      const found = await lockBooking(tx, id);
      if (found?.booking.status !== 'confirmed' || found.booking.remindedAt) return false;
      const { booking, roomName, roomOrganisationId } = found;
      await markReminded(tx, booking.id, now);
      const parties = {
        roomId: booking.roomId,
        roomName,
        roomOrganisationId,
        askingOrganisationId: booking.organisationId,
        requestedBy: booking.requestedBy,
      };
      const when = (locale: string) => ({ when: spanOf({ locale }, booking.period) });
      const told = await mailBookingSide(tx, { origin }, 'asker', parties, 'booking_reminder', when);
      await mailBookingSide(tx, { origin }, 'owner', parties, 'booking_reminder', when, new Set(told));
      await auditSpaces(tx, { ip: null }, 'booking_reminded', { type: 'booking', id: booking.id });
      return true;
    });
    if (done) reminded++;
  }
  return { reminded };
}
