// Asking for a slot of a room: a member of any organisation (informal groups too, when the room
// allows them) or an integration with its token, for that organisation. Checked against the room's
// hours, closures, shortest and longest booking, notice, capacity and monthly quota; confirmed at
// once when the room says so, else it waits for the owners. Two confirmed bookings never overlap:
// the database refuses the second (see bookings.repo.ts), which becomes a clear "taken".
import { DateTime } from 'luxon';
import { AppError, type FieldProblem } from '../../../shared/errors.ts';
import { isUuid } from '../../../shared/shapes.ts';
import { getOrganisationBrief } from '../../directory/index.ts';
import { findAvailability, findRoom } from '../rooms/rooms.repo.ts';
import type { SpaceContext } from '../space-context.ts';
import { auditSpaces } from '../spaces-audit.ts';
import { actsFor } from '../spaces.policy.ts';
import { roomTimeZone } from '../spaces.vocabulary.ts';
import { bookedMinutes, insertBooking, isTaken, lockQuota } from './bookings.repo.ts';
import { type BookingInput, checkBooking } from './check-booking.ts';

const refuse = (field: string, code: string): never => {
  throw new AppError('VALIDATION_FAILED', { fields: [{ field, message: code, code }] });
};

/** The organisation the booking is for: the token's, or one the person belongs to. */
async function askingOrganisation(ctx: SpaceContext, organisationId: string | undefined): Promise<string> {
  if (ctx.actor.kind === 'token') return ctx.actor.organisationId;
  if (!ctx.actor.emailVerified) throw new AppError('EMAIL_NOT_VERIFIED');
  const id = organisationId?.trim().toLowerCase() ?? '';
  if (!id) return refuse('organisation', 'booking_organisation');
  // An organisation the person does not belong to is not hers to ask for.
  if (!isUuid(id) || !(await actsFor(ctx.db, ctx.actor, id))) throw new AppError('FORBIDDEN');
  return id;
}

export async function requestBooking(
  ctx: SpaceContext,
  input: BookingInput & { roomId: string; organisationId?: string },
): Promise<{ id: string; status: 'requested' | 'confirmed' }> {
  const room = isUuid(input.roomId) ? await findRoom(ctx.db, input.roomId.toLowerCase()) : undefined;
  if (!room) throw new AppError('ROOM_NOT_FOUND');
  const organisationId = await askingOrganisation(ctx, input.organisationId);

  const asking = await getOrganisationBrief(ctx.db, organisationId);
  if (
    (room.whoMayAsk === 'formal_organisations' && !asking.kboNumber) ||
    (room.whoMayAsk === 'verified_organisations' && asking.verification !== 'verified')
  )
    refuse('organisation', `booking_who_${room.whoMayAsk}`);

  const rules = await findAvailability(ctx.db, [room.id]);
  const { problems, value } = checkBooking(input, room, rules, ctx.now);
  if (!value) throw new AppError('VALIDATION_FAILED', { fields: problems });
  const { period } = value;
  if (await isTaken(ctx.db, room.id, period)) throw new AppError('BOOKING_TAKEN');

  const status = room.confirmation === 'at_once' ? 'confirmed' : 'requested';
  const { actor } = ctx;
  return ctx.db.transaction(async (tx) => {
    if (room.monthlyQuotaHours !== null) {
      const month = DateTime.fromJSDate(period.start, { zone: roomTimeZone }).startOf('month');
      await lockQuota(tx, room.id, organisationId, month.toFormat('yyyy-MM'));
      const used = await bookedMinutes(
        tx,
        room.id,
        organisationId,
        month.toJSDate(),
        month.plus({ months: 1 }).toJSDate(),
      );
      const minutes = (period.end.getTime() - period.start.getTime()) / 60_000;
      if (used + minutes > room.monthlyQuotaHours * 60) {
        const quota: FieldProblem = { field: 'end', message: 'booking_quota', code: 'booking_quota' };
        throw new AppError('VALIDATION_FAILED', { fields: [quota] });
      }
    }
    const id = await insertBooking(tx, {
      roomId: room.id,
      organisationId,
      requestedBy: actor.kind === 'person' ? actor.userId : null,
      apiTokenId: actor.kind === 'token' ? actor.tokenId : null,
      period,
      attendees: value.attendees,
      purpose: value.purpose,
      status,
      decidedAt: status === 'confirmed' ? ctx.now : null,
      now: ctx.now,
    });
    await auditSpaces(
      tx,
      ctx,
      `booking_${status}`,
      { type: 'booking', id },
      { room: room.id, organisation: organisationId },
    );
    return { id, status };
  });
}
