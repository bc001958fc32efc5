// Approving every waiting date of a weekly request at once: a group asking for forty Thursdays
// should not wait for forty clicks. Each date is approved on its own savepoint, so a date another
// booking took meanwhile stays a request (the database refuses it as taken) and the others go
// through. The group hears once, for all the dates approved.
import { AppError } from '../../../shared/errors.ts';
import { isUuid } from '../../../shared/shapes.ts';
import { dateOf } from '../presenters/when.ts';
import type { SpaceContext } from '../space-context.ts';
import { auditSpaces } from '../spaces-audit.ts';
import { actsFor, managesRooms } from '../spaces.policy.ts';
import { mailBookingSide } from './booking-mail.ts';
import { type BookingRow, findBooking, lockWaitingInSeries, setBookingStatus } from './bookings.repo.ts';

export async function approveSeries(
  ctx: SpaceContext,
  bookingId: string,
): Promise<{ ownerId: string; approved: number; taken: number }> {
  const found = isUuid(bookingId) ? await findBooking(ctx.db, bookingId.toLowerCase()) : undefined;
  if (!found) throw new AppError('BOOKING_NOT_FOUND');
  const { booking, roomOrganisationId, roomName } = found;
  if (!(await managesRooms(ctx.db, ctx.actor, roomOrganisationId))) {
    // The asking group sees its booking, but deciding is the owners'.
    throw new AppError(
      (await actsFor(ctx.db, ctx.actor, booking.organisationId)) ? 'FORBIDDEN' : 'BOOKING_NOT_FOUND',
    );
  }
  if (!booking.seriesId) throw new AppError('CONFLICT');
  const seriesId = booking.seriesId;

  const result = await ctx.db.transaction(async (tx) => {
    const waiting = await lockWaitingInSeries(tx, seriesId, ctx.now);
    if (!waiting.length) throw new AppError('CONFLICT');
    const approved: BookingRow[] = [];
    for (const date of waiting) {
      try {
        await tx.transaction((savepoint) =>
          setBookingStatus(savepoint, date.id, {
            status: 'confirmed',
            reason: null,
            decidedBy: ctx.actor.kind === 'person' ? ctx.actor.userId : null,
            now: ctx.now,
          }),
        );
      } catch (error) {
        if (error instanceof AppError && error.code === 'BOOKING_TAKEN') continue;
        throw error;
      }
      approved.push(date);
      await auditSpaces(
        tx,
        ctx,
        'booking_confirmed',
        { type: 'booking', id: date.id },
        { from: 'requested', by: 'owner', series: seriesId },
      );
    }
    // Every waiting date is taken by another booking: nothing was approved.
    if (!approved.length) throw new AppError('BOOKING_TAKEN');
    await mailBookingSide(
      tx,
      ctx,
      'asker',
      {
        roomId: booking.roomId,
        roomName,
        roomOrganisationId,
        askingOrganisationId: booking.organisationId,
        requestedBy: booking.requestedBy,
      },
      'series_approved',
      (locale) => ({
        count: approved.length,
        first: dateOf({ locale }, approved[0]!.period.start),
        last: dateOf({ locale }, approved.at(-1)!.period.start),
      }),
    );
    return {
      ownerId: roomOrganisationId,
      approved: approved.length,
      taken: waiting.length - approved.length,
    };
  });
  ctx.mailQueued();
  return result;
}
