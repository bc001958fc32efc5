// What happens to a booking after it is asked for: the room's owners approve it (the database
// refuses it if another confirmed booking took that time meanwhile: "taken") or decline it with a
// reason; either side cancels it. To anyone else the booking does not exist.
import { AppError, type FieldProblem } from '../../../shared/errors.ts';
import { isUuid } from '../../../shared/shapes.ts';
import type { SpaceContext } from '../space-context.ts';
import { auditSpaces } from '../spaces-audit.ts';
import { actsFor, managesRooms } from '../spaces.policy.ts';
import { type BookingAction, type BookingStatus, bookingTransitions } from '../spaces.vocabulary.ts';
import { spanOf } from '../presenters/when.ts';
import { mailBookingSide } from './booking-mail.ts';
import { lockBooking, setBookingStatus } from './bookings.repo.ts';

export async function actOnBooking(
  ctx: SpaceContext,
  bookingId: string,
  action: BookingAction,
  reasonText = '',
): Promise<{
  id: string;
  status: BookingStatus;
  roomId: string;
  ownerId: string;
  askerId: string;
  by: 'owner' | 'asker';
}> {
  if (!isUuid(bookingId)) throw new AppError('BOOKING_NOT_FOUND');
  const reason = reasonText.trim();
  const problems: FieldProblem[] = [];
  if (action === 'decline' && !reason)
    problems.push({ field: 'reason', message: 'required', code: 'booking_reason' });
  if (reason.length > 500)
    problems.push({ field: 'reason', message: 'too long', code: 'booking_reason_long' });

  const done = await ctx.db.transaction(async (tx) => {
    const found = await lockBooking(tx, bookingId.toLowerCase());
    if (!found) throw new AppError('BOOKING_NOT_FOUND');
    const { booking, roomOrganisationId, roomName } = found;
    const owner = await managesRooms(tx, ctx.actor, roomOrganisationId);
    const asker = await actsFor(tx, ctx.actor, booking.organisationId);
    if (!owner && !asker) throw new AppError('BOOKING_NOT_FOUND');
    // Approving and declining are the owners'; cancelling is either side's.
    if (action !== 'cancel' && !owner) throw new AppError('FORBIDDEN');
    if (problems.length) throw new AppError('VALIDATION_FAILED', { fields: problems });
    const transition = bookingTransitions[action];
    if (!transition.from.includes(booking.status)) throw new AppError('CONFLICT');
    // A request nobody answered in time stays unanswered: its time has begun or passed.
    if (action === 'approve' && booking.period.start <= ctx.now) throw new AppError('BOOKING_STARTED');
    await setBookingStatus(tx, booking.id, {
      status: transition.to,
      reason: reason || null,
      decidedBy: ctx.actor.kind === 'person' ? ctx.actor.userId : null,
      now: ctx.now,
    });
    await auditSpaces(
      tx,
      ctx,
      `booking_${transition.to}`,
      { type: 'booking', id: booking.id },
      {
        from: booking.status,
        by: owner ? 'owner' : 'asker',
      },
    );
    // The other side hears of it: the asker of an answer or of the owners' cancelling, the owners of the asker's.
    const by: 'owner' | 'asker' = owner ? 'owner' : 'asker';
    await mailBookingSide(
      tx,
      ctx,
      by === 'owner' ? 'asker' : 'owner',
      {
        roomId: booking.roomId,
        roomName,
        roomOrganisationId,
        askingOrganisationId: booking.organisationId,
        requestedBy: booking.requestedBy,
      },
      action === 'approve'
        ? 'booking_approved'
        : action === 'decline'
          ? 'booking_declined'
          : `${by}_cancelled`,
      (locale) => ({ when: spanOf({ locale }, booking.period), reason: reason || '—' }),
    );
    return {
      id: booking.id,
      status: transition.to,
      roomId: booking.roomId,
      ownerId: roomOrganisationId,
      askerId: booking.organisationId,
      by,
    };
  });
  ctx.mailQueued();
  return done;
}
