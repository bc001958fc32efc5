// Cancelling every booking of a room between two dates at once: a group's summer break in its
// weekly series, or the owners' works in the room. The room's managers cancel everyone's bookings
// of it (and must say why: the groups read it); any member of an asking organisation cancels only
// its own. Bookings already begun stay. Each organisation on the other side gets one e-mail for all
// its dates, not one per date.
import { DateTime } from 'luxon';
import { AppError, type FieldProblem } from '../../../shared/errors.ts';
import { isUuid } from '../../../shared/shapes.ts';
import { dateOf } from '../presenters/when.ts';
import type { Executor } from '../../../db/client.ts';
import { findRoom, type RoomRow } from '../rooms/rooms.repo.ts';
import type { SpaceContext } from '../space-context.ts';
import { auditSpaces } from '../spaces-audit.ts';
import { actsFor, managesRooms } from '../spaces.policy.ts';
import { bookingHorizonDays, roomTimeZone } from '../spaces.vocabulary.ts';
import { mailBookingSide } from './booking-mail.ts';
import { type BookingRow, cancelBookingsIn } from './bookings.repo.ts';

export interface CancelRange {
  /** The organisation that cancels: the room's own, or one that asked for it. */
  organisationId: string;
  roomId: string;
  /** The first and the last day, "2027-07-01" (Brussels dates, both included). */
  from: string;
  to: string;
  reason?: string;
}

const day = (text: string) => {
  const date = /^\d{4}-\d{2}-\d{2}$/.test(text.trim())
    ? DateTime.fromISO(text.trim(), { zone: roomTimeZone })
    : null;
  return date?.isValid ? date : null;
};

function readRange(input: CancelRange, now: Date) {
  const problems: FieldProblem[] = [];
  const problem = (field: string, code: string) => problems.push({ field, message: code, code });
  const from = day(input.from);
  const to = day(input.to);
  const reason = (input.reason ?? '').trim();
  if (!from) problem('from', 'cancel_date');
  if (!to) problem('to', 'cancel_date');
  if (from && to) {
    if (to < from) problem('to', 'cancel_to_before_from');
    else if (to.diff(from, 'days').days > bookingHorizonDays) problem('to', 'cancel_range_too_long');
    else if (to.plus({ days: 1 }).toJSDate() <= now) problem('to', 'cancel_past');
  }
  if (reason.length > 500) problem('reason', 'booking_reason_long');
  return { problems, from, to, reason };
}

export async function cancelBookingsBetween(
  ctx: SpaceContext,
  input: CancelRange,
): Promise<{ roomId: string; cancelled: number; by: 'owner' | 'asker' }> {
  const organisationId = input.organisationId.trim().toLowerCase();
  if (!isUuid(organisationId) || !(await actsFor(ctx.db, ctx.actor, organisationId)))
    throw new AppError('ORGANISATION_NOT_FOUND');
  const room = isUuid(input.roomId) ? await findRoom(ctx.db, input.roomId.toLowerCase()) : undefined;
  if (!room) throw new AppError('ROOM_NOT_FOUND');
  const by = room.organisationId === organisationId ? 'owner' : 'asker';
  // Cancelling others' bookings of a room is for those who manage it.
  if (by === 'owner' && !(await managesRooms(ctx.db, ctx.actor, organisationId)))
    throw new AppError('FORBIDDEN');
  const { problems, from, to, reason } = readRange(input, ctx.now);
  if (by === 'owner' && !reason)
    problems.push({ field: 'reason', message: 'required', code: 'cancel_reason' });
  if (problems.length || !from || !to) throw new AppError('VALIDATION_FAILED', { fields: problems });

  const cancelled = await ctx.db.transaction(async (tx) => {
    const done = await cancelBookingsIn(tx, {
      roomId: room.id,
      organisationId: by === 'owner' ? null : organisationId,
      from: from.toJSDate(),
      to: to.plus({ days: 1 }).toJSDate(),
      reason: reason || null,
      decidedBy: ctx.actor.kind === 'person' ? ctx.actor.userId : null,
      now: ctx.now,
    });
    if (!done.length)
      throw new AppError('VALIDATION_FAILED', {
        fields: [{ field: 'to', message: 'none', code: 'cancel_none' }],
      });
    await auditSpaces(
      tx,
      ctx,
      'bookings_cancelled',
      { type: 'room', id: room.id },
      { by, organisation: organisationId, from: input.from, to: input.to, bookings: done.map((b) => b.id) },
    );
    await tellOtherSides(tx, ctx, room, done, { by, organisationId, reason });
    return done.length;
  });
  ctx.mailQueued();
  return { roomId: room.id, cancelled, by };
}

/** One e-mail per organisation on the other side of cancelled bookings of a room, for all its dates. */
export async function tellOtherSides(
  tx: Executor,
  ctx: SpaceContext,
  room: Pick<RoomRow, 'id' | 'name' | 'organisationId'>,
  done: BookingRow[],
  { by, organisationId, reason }: { by: 'owner' | 'asker'; organisationId: string; reason: string },
): Promise<void> {
  const perAsker = new Map<string, BookingRow[]>();
  for (const b of done) perAsker.set(b.organisationId, [...(perAsker.get(b.organisationId) ?? []), b]);
  for (const [askingOrganisationId, theirs] of perAsker) {
    // The owners' own bookings of their room: nobody else to tell.
    if (by === 'owner' && askingOrganisationId === organisationId) continue;
    await mailBookingSide(
      tx,
      ctx,
      by === 'owner' ? 'asker' : 'owner',
      {
        roomId: room.id,
        roomName: room.name,
        roomOrganisationId: room.organisationId,
        askingOrganisationId,
        requestedBy: theirs[0]!.requestedBy,
      },
      `${by}_cancelled_range`,
      (locale) => ({
        count: theirs.length,
        first: dateOf({ locale }, theirs[0]!.period.start),
        last: dateOf({ locale }, theirs.at(-1)!.period.start),
        reason: reason || '—',
      }),
    );
  }
}
