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
import type { Executor } from '../../../db/client.ts';
import { dateOf, spanOf } from '../presenters/when.ts';
import { findAvailability, findRoom } from '../rooms/rooms.repo.ts';
import type { Period } from '../spaces.schema.ts';
import type { SpaceContext } from '../space-context.ts';
import { auditSpaces } from '../spaces-audit.ts';
import { actsFor } from '../spaces.policy.ts';
import { bookingHorizonDays, roomTimeZone } from '../spaces.vocabulary.ts';
import { bookedMinutes, insertBooking, isTaken, lockQuota } from './bookings.repo.ts';
import { type BookingInput, checkBooking } from './check-booking.ts';
import { bookingMailTo } from './booking-mail.ts';
import { weeklyPeriods } from './weekly-dates.ts';

export type BookingRequest = BookingInput & {
  roomId: string;
  organisationId?: string;
  /** The last day of a weekly request ("2027-06-30"); absent for one date. */
  until?: string;
  /** Of a weekly request, only these dates (their starts as ISO 8601): the ones the person saw free. */
  onlyStarts?: string[];
};

/** Why a date of a weekly request was not asked for. */
export type SkipReason =
  'taken' | 'booking_closed' | 'booking_outside_hours' | 'booking_quota' | 'booking_time_skipped';
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
  let periods = [{ ...value.period, shifted: false }];
  if (input.until !== undefined) {
    const weekly = weeklyPeriods(value.period, input.until);
    if ('problem' in weekly) return refuse('until', weekly.problem);
    // As far ahead as one date may be asked for, no further.
    if (weekly.periods.at(-1)!.start.getTime() - ctx.now.getTime() > bookingHorizonDays * 86_400_000)
      refuse('until', 'booking_until_too_far');
    const chosen = input.onlyStarts && new Set(input.onlyStarts);
    periods = weekly.periods.filter((p) => !chosen || chosen.has(p.start.toISOString()));
  }
  const quota = new QuotaCount(room.monthlyQuotaHours, (from, to) =>
    bookedMinutes(ctx.db, room.id, organisationId, from, to),
  );
  const dates: PlannedDate[] = [];
  for (const [i, { shifted, ...period }] of periods.entries()) {
    // The first date's hours were checked with the rest of the request.
    const hours = i === 0 && !input.onlyStarts ? null : outsideOpening(rules, period);
    const skip: SkipReason | null = shifted
      ? 'booking_time_skipped'
      : (hours ??
        ((await isTaken(ctx.db, room.id, period))
          ? 'taken'
          : (await quota.fits(period))
            ? null
            : 'booking_quota'));
    if (!skip) quota.add(period);
    dates.push({ period, skip });
  }
  return { room, organisationId, value, weekly: input.until !== undefined, dates };
}

/** Minutes of a room's monthly quota one organisation uses, month by month, as dates are added. */
class QuotaCount {
  private readonly used = new Map<string, number>();
  constructor(
    private readonly hours: number | null,
    private readonly usedIn: (from: Date, to: Date) => Promise<number>,
  ) {}
  /** The month of `period` ("2026-12"), read once. */
  async month(period: Period): Promise<string | null> {
    if (this.hours === null) return null;
    const month = DateTime.fromJSDate(period.start, { zone: roomTimeZone }).startOf('month');
    const key = month.toFormat('yyyy-MM');
    if (!this.used.has(key))
      this.used.set(key, await this.usedIn(month.toJSDate(), month.plus({ months: 1 }).toJSDate()));
    return key;
  }
  async fits(period: Period): Promise<boolean> {
    const key = await this.month(period);
    return key === null || this.used.get(key)! + minutesOf(period) <= this.hours! * 60;
  }
  add(period: Period): void {
    if (this.hours === null) return;
    const key = DateTime.fromJSDate(period.start, { zone: roomTimeZone }).toFormat('yyyy-MM');
    this.used.set(key, (this.used.get(key) ?? 0) + minutesOf(period));
  }
}

const minutesOf = (p: Period) => (p.end.getTime() - p.start.getTime()) / 60_000;

export async function requestBooking(ctx: SpaceContext, input: BookingRequest): Promise<BookingOutcome> {
  const { room, organisationId, value, weekly, dates } = await planBooking(ctx, input);
  if (!dates.length) refuse('until', 'booking_series_none_free');
  const single = dates[0]!.skip;
  if (!weekly && single === 'taken') throw new AppError('BOOKING_TAKEN');
  if (!weekly && single) refuse(single === 'booking_quota' ? 'end' : 'start', single);
  if (!dates.some((d) => d.skip === null)) refuse('until', 'booking_series_none_free');

  const status = room.confirmation === 'at_once' ? 'confirmed' : 'requested';
  const { actor } = ctx;
  const seriesId = weekly ? randomUUID() : null;
  // Who hears of it is read now: the transaction below only queues their mails, and stays short,
  // for others asking for the same time wait on it.
  const owners = await bookingMailTo(ctx.db, ctx, 'owner', {
    roomId: room.id,
    roomName: room.name,
    roomOrganisationId: room.organisationId,
    askingOrganisationId: organisationId,
    requestedBy: actor.kind === 'person' ? actor.userId : null,
  });
  const outcome = await ctx.db.transaction(async (tx): Promise<BookingOutcome> => {
    // The quota again, under a lock per month, so that requests at once cannot pass it together.
    const quota = new QuotaCount(room.monthlyQuotaHours, async (from, to) => {
      const month = DateTime.fromJSDate(from, { zone: roomTimeZone }).toFormat('yyyy-MM');
      await lockQuota(tx, room.id, organisationId, month);
      return bookedMinutes(tx, room.id, organisationId, from, to);
    });
    const booked: BookingOutcome['booked'] = [];
    const skipped: BookingOutcome['skipped'] = [];
    for (const { period, skip } of dates) {
      if (skip) {
        skipped.push({ period, reason: skip });
        continue;
      }
      if (!(await quota.fits(period))) {
        if (!weekly) refuse('end', 'booking_quota');
        skipped.push({ period, reason: 'booking_quota' });
        continue;
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
      if (!weekly) booked.push({ id: await insertBooking(tx, values), period });
      else {
        // A date someone took since the plan was made is set aside; the others are still booked.
        try {
          booked.push({ id: await tx.transaction((savepoint) => insertBooking(savepoint, values)), period });
        } catch (error) {
          if (!(error instanceof AppError) || error.code !== 'BOOKING_TAKEN') throw error;
          skipped.push({ period, reason: 'taken' });
          continue;
        }
      }
      quota.add(period);
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
    await tellOwners(tx, owners, { status, weekly, booked });
    return { id: booked[0]!.id, status, seriesId, booked, skipped };
  });
  ctx.mailQueued();
  return outcome;
}

/** The room's managers hear of a request, or of a booking a room confirmed at once: one mail per series. */
function tellOwners(
  tx: Executor,
  owners: Awaited<ReturnType<typeof bookingMailTo>>,
  about: { status: BookingOutcome['status']; weekly: boolean; booked: BookingOutcome['booked'] },
) {
  const { booked } = about;
  const first = booked[0]!.period;
  const last = booked.at(-1)!.period;
  const kind = about.weekly
    ? about.status === 'confirmed'
      ? 'series_booked'
      : 'series_requested'
    : about.status === 'confirmed'
      ? 'booking_booked'
      : 'booking_requested';
  return owners.send(tx, kind, (locale) => ({
    when: spanOf({ locale }, first),
    count: booked.length,
    first: dateOf({ locale }, first.start),
    last: dateOf({ locale }, last.start),
  }));
}
