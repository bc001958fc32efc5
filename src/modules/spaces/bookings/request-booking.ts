// Asking for a slot of a room, once or every week until a date: a member of any organisation
// (informal groups too, when the room allows them) or an integration with its token, for that
// organisation. Checked against the room's hours, closures, shortest and longest booking, notice,
// capacity and monthly quota; confirmed at once when the room says so, else it waits for the
// owners. Two confirmed bookings never overlap: the database refuses the second (see
// bookings.repo.ts), which becomes a clear "taken". A weekly request books the dates that are free
// and says which were not, and why.
import { randomUUID } from 'node:crypto';
import { DateTime } from 'luxon';
import { AppError } from '../../../shared/errors.ts';
import { isUuid } from '../../../shared/shapes.ts';
import { getOrganisationBrief } from '../../directory/index.ts';
import { outsideOpening } from '../availability/availability.ts';
import { findAvailability, findRoom } from '../rooms/rooms.repo.ts';
import type { Period } from '../spaces.schema.ts';
import type { SpaceContext } from '../space-context.ts';
import { auditSpaces } from '../spaces-audit.ts';
import { actsFor } from '../spaces.policy.ts';
import { roomTimeZone } from '../spaces.vocabulary.ts';
import { bookedMinutes, insertBooking, isTaken, lockQuota } from './bookings.repo.ts';
import { type BookingInput, checkBooking } from './check-booking.ts';
import { weeklyPeriods } from './weekly-dates.ts';

export type BookingRequest = BookingInput & {
  roomId: string;
  organisationId?: string;
  /** The last day of a weekly request ("2027-06-30"); absent for one date. */
  until?: string;
};

/** Why a date of a weekly request was not asked for. */
export type SkipReason = 'taken' | 'booking_closed' | 'booking_outside_hours' | 'booking_quota';
export interface PlannedDate {
  period: Period;
  skip: SkipReason | null;
}
export interface BookingOutcome {
  id: string;
  status: 'requested' | 'confirmed';
  /** For a weekly request: its id, what was asked for, and what was not. */
  seriesId: string | null;
  booked: { id: string; period: Period }[];
  skipped: { period: Period; reason: SkipReason }[];
}

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

/**
 * What a request would ask for, without writing: the checked request, and each date with whether it
 * is free. The first date is checked in full (a wrong time or too many people is refused); later
 * weeks that are taken or closed are set aside.
 */
export async function planBooking(ctx: SpaceContext, input: BookingRequest) {
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
  let periods = [value.period];
  if (input.until !== undefined) {
    const weekly = weeklyPeriods(value.period, input.until);
    if ('problem' in weekly) return refuse('until', weekly.problem);
    periods = weekly.periods;
  }
  const dates: PlannedDate[] = [];
  for (const period of periods)
    dates.push({
      period,
      skip: outsideOpening(rules, period) ?? ((await isTaken(ctx.db, room.id, period)) ? 'taken' : null),
    });
  return { room, organisationId, value, weekly: input.until !== undefined, dates };
}

export async function requestBooking(ctx: SpaceContext, input: BookingRequest): Promise<BookingOutcome> {
  const { room, organisationId, value, weekly, dates } = await planBooking(ctx, input);
  if (!weekly && dates[0]!.skip === 'taken') throw new AppError('BOOKING_TAKEN');
  if (!dates.some((d) => d.skip === null)) refuse('until', 'booking_series_none_free');

  const status = room.confirmation === 'at_once' ? 'confirmed' : 'requested';
  const { actor } = ctx;
  const seriesId = weekly ? randomUUID() : null;
  return ctx.db.transaction(async (tx) => {
    // Minutes used of the quota per month ("2026-12"), each month locked once.
    const used = new Map<string, number>();
    const booked: BookingOutcome['booked'] = [];
    const skipped: BookingOutcome['skipped'] = [];
    for (const { period, skip } of dates) {
      if (skip) {
        skipped.push({ period, reason: skip });
        continue;
      }
      const minutes = (period.end.getTime() - period.start.getTime()) / 60_000;
      if (room.monthlyQuotaHours !== null) {
        const month = DateTime.fromJSDate(period.start, { zone: roomTimeZone }).startOf('month');
        const key = month.toFormat('yyyy-MM');
        if (!used.has(key)) {
          await lockQuota(tx, room.id, organisationId, key);
          const next = month.plus({ months: 1 }).toJSDate();
          used.set(key, await bookedMinutes(tx, room.id, organisationId, month.toJSDate(), next));
        }
        if (used.get(key)! + minutes > room.monthlyQuotaHours * 60) {
          if (!weekly) refuse('end', 'booking_quota');
          skipped.push({ period, reason: 'booking_quota' });
          continue;
        }
        used.set(key, used.get(key)! + minutes);
      }
      const values = {
        roomId: room.id,
        organisationId,
        requestedBy: actor.kind === 'person' ? actor.userId : null,
        apiTokenId: actor.kind === 'token' ? actor.tokenId : null,
        period,
        attendees: value.attendees,
        purpose: value.purpose,
        status,
        seriesId,
        decidedAt: status === 'confirmed' ? ctx.now : null,
        now: ctx.now,
      } as const;
      if (!weekly) {
        booked.push({ id: await insertBooking(tx, values), period });
        continue;
      }
      // A date someone took since the plan was made is set aside; the others are still booked.
      try {
        booked.push({ id: await tx.transaction((savepoint) => insertBooking(savepoint, values)), period });
      } catch (error) {
        if (!(error instanceof AppError) || error.code !== 'BOOKING_TAKEN') throw error;
        skipped.push({ period, reason: 'taken' });
      }
    }
    if (!booked.length) refuse('until', 'booking_series_none_free');
    for (const { id } of booked)
      await auditSpaces(
        tx,
        ctx,
        `booking_${status}`,
        { type: 'booking', id },
        { room: room.id, organisation: organisationId, ...(seriesId ? { series: seriesId } : {}) },
      );
    return { id: booked[0]!.id, status, seriesId, booked, skipped };
  });
}
