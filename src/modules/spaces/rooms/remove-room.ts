// Removing a room its organisation no longer lends (a move, works for good). Its bookings still to
// come are cancelled first, and each group that had one is told, with the reason the owners must
// then give; the room goes with its hours, photos and past bookings. Its place can be removed after.
import { AppError } from '../../../shared/errors.ts';
import { cancelBookingsIn } from '../bookings/bookings.repo.ts';
import { tellOtherSides } from '../bookings/cancel-bookings-between.ts';
import type { SpaceContext } from '../space-context.ts';
import { auditSpaces } from '../spaces-audit.ts';
import { roomToManage } from './room-to-manage.ts';
import { deleteRoom, lockRoom } from './rooms.repo.ts';

export async function removeRoom(
  ctx: SpaceContext,
  roomId: string,
  reasonText = '',
): Promise<{ organisationId: string; cancelled: number }> {
  const { id } = await roomToManage(ctx, roomId);
  const reason = reasonText.trim();
  if (reason.length > 500)
    throw new AppError('VALIDATION_FAILED', {
      fields: [{ field: 'reason', message: 'too long', code: 'booking_reason_long' }],
    });
  const result = await ctx.db.transaction(async (tx) => {
    const room = await lockRoom(tx, id);
    if (!room) throw new AppError('ROOM_NOT_FOUND');
    const cancelled = await cancelBookingsIn(tx, {
      roomId: room.id,
      organisationId: null,
      from: ctx.now,
      // Every booking still to come, however far ahead.
      to: new Date('9999-12-31T00:00:00Z'),
      reason: reason || null,
      decidedBy: ctx.actor.kind === 'person' ? ctx.actor.userId : null,
      now: ctx.now,
    });
    // Groups with a booking to come read why it is gone.
    if (cancelled.some((b) => b.organisationId !== room.organisationId) && !reason)
      throw new AppError('VALIDATION_FAILED', {
        fields: [{ field: 'reason', message: 'required', code: 'cancel_reason' }],
      });
    await tellOtherSides(tx, ctx, room, cancelled, {
      by: 'owner',
      organisationId: room.organisationId,
      reason,
    });
    await auditSpaces(
      tx,
      ctx,
      'room_removed',
      { type: 'room', id: room.id },
      { name: room.name, location: room.locationId, cancelled: cancelled.map((b) => b.id) },
    );
    await deleteRoom(tx, room.id);
    return { organisationId: room.organisationId, cancelled: cancelled.length };
  });
  ctx.mailQueued();
  return result;
}
