// Whether a slot may be asked for: the times themselves (read, in order, not past, not too far, with
// the notice the room needs, within its shortest and longest booking), the number of people, and
// the room's hours. Pure: the use case gives the room, its rules and the clock.
import { DateTime } from 'luxon';
import type { FieldProblem } from '../../../shared/errors.ts';
import { type AvailabilityRule, outsideOpening } from '../availability/availability.ts';
import type { Period } from '../spaces.schema.ts';
import { bookingHorizonDays, roomTimeZone } from '../spaces.vocabulary.ts';

export interface BookingInput {
  /** "2026-12-07T18:00" (Brussels time) or with an offset, "2026-12-07T17:00:00Z". */
  start: string;
  end: string;
  attendees: string;
  purpose?: string;
}

interface RoomRules {
  capacity: number;
  minMinutes: number;
  maxMinutes: number;
  noticeHours: number;
}

const momentShape = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})?$/;

/** A moment as typed: Brussels time unless it says its offset; null when it is not one. */
export function readMoment(text: string): Date | null {
  const t = text.trim();
  if (!momentShape.test(t)) return null;
  const moment = DateTime.fromISO(t, { zone: roomTimeZone });
  return moment.isValid && !movedByClock(t, moment) ? moment.toJSDate() : null;
}

/**
 * Whether a Brussels time without an offset does not exist: the night the clocks go forward, 02:00
 * to 03:00 is skipped, and luxon would move "02:30" to 03:30 without a word.
 */
export function skippedByClock(text: string): boolean {
  const t = text.trim();
  if (!momentShape.test(t)) return false;
  const moment = DateTime.fromISO(t, { zone: roomTimeZone });
  return moment.isValid && movedByClock(t, moment);
}

/** Whether luxon read a time without an offset (`t`, of the right shape) as another wall-clock time. */
function movedByClock(t: string, moment: DateTime): boolean {
  if (/(Z|[+-]\d{2}:\d{2})$/.test(t)) return false;
  const [hour, minute] = [Number(t.slice(11, 13)), Number(t.slice(14, 16))];
  if (hour === 24 && minute === 0) return false; // midnight at the day's end: the next day's 00:00
  return moment.hour !== hour || moment.minute !== minute;
}

export function checkBooking(
  input: BookingInput,
  room: RoomRules,
  rules: AvailabilityRule[],
  now: Date,
): { problems: FieldProblem[]; value?: { period: Period; attendees: number; purpose: string } } {
  const problems: FieldProblem[] = [];
  const problem = (field: string, code: string) => problems.push({ field, message: code, code });
  const start = readMoment(input.start);
  const end = readMoment(input.end);
  const unread = (text: string) => (skippedByClock(text) ? 'booking_time_skipped' : 'booking_time_invalid');
  if (!start) problem('start', unread(input.start));
  if (!end) problem('end', unread(input.end));

  const attendeesText = input.attendees.trim();
  const attendees = /^\d{1,7}$/.test(attendeesText) ? Number(attendeesText) : NaN;
  if (!(attendees >= 1)) problem('attendees', 'booking_attendees');
  else if (attendees > room.capacity) problem('attendees', 'booking_capacity');
  const purpose = (input.purpose ?? '').trim();
  if (purpose.length > 500) problem('purpose', 'booking_purpose_long');

  if (start && end) {
    const minutes = (end.getTime() - start.getTime()) / 60_000;
    if (end <= start) problem('end', 'booking_end_before_start');
    else if (start < now) problem('start', 'booking_in_past');
    else if (start.getTime() - now.getTime() > bookingHorizonDays * 86_400_000)
      problem('start', 'booking_too_far');
    else if (start.getTime() - now.getTime() < room.noticeHours * 3_600_000)
      problem('start', 'booking_notice');
    else if (minutes < room.minMinutes) problem('end', 'booking_too_short');
    else if (minutes > room.maxMinutes) problem('end', 'booking_too_long');
    else {
      const outside = outsideOpening(rules, { start, end });
      if (outside) problem('start', outside);
    }
  }
  if (problems.length || !start || !end) return { problems };
  return { problems, value: { period: { start, end }, attendees, purpose } };
}
