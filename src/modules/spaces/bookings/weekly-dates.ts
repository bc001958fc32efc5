// The dates of a weekly booking: the same weekday and wall-clock time every week from the first
// date until the last (included), in Brussels time, so 18:00 stays 18:00 across the clock change.
import { DateTime } from 'luxon';
import type { Period } from '../spaces.schema.ts';
import { bookingHorizonDays, roomTimeZone } from '../spaces.vocabulary.ts';

/** A year of weeks: as far ahead as anyone may book. */
export const maxWeeklyDates = Math.floor(bookingHorizonDays / 7) + 1;

export type WeeklyProblem = 'booking_until_invalid' | 'booking_until_before' | 'booking_series_too_long';

/**
 * Every week's period from `first` until the day `until` ("2027-06-30"), or why not. A week whose
 * start or end does not exist on the wall clock (the night the clocks go forward) is marked
 * `shifted`: it is not the time asked for. (Over a clock change a booking lasts an hour more or
 * less, as the wall clock says.)
 */
export function weeklyPeriods(
  first: Period,
  until: string,
): { periods: (Period & { shifted: boolean })[] } | { problem: WeeklyProblem } {
  const last = /^\d{4}-\d{2}-\d{2}$/.test(until.trim())
    ? DateTime.fromISO(until.trim(), { zone: roomTimeZone }).endOf('day')
    : null;
  if (!last?.isValid) return { problem: 'booking_until_invalid' };
  const start = DateTime.fromJSDate(first.start, { zone: roomTimeZone });
  const end = DateTime.fromJSDate(first.end, { zone: roomTimeZone });
  if (last < start) return { problem: 'booking_until_before' };
  const weeks = Math.floor(last.diff(start.startOf('day'), 'weeks').weeks) + 1;
  if (weeks > maxWeeklyDates) return { problem: 'booking_series_too_long' };
  const periods: (Period & { shifted: boolean })[] = [];
  const clock = (d: DateTime) => d.hour * 60 + d.minute;
  for (let week = 0; week < weeks; week++) {
    const [from, to] = [start.plus({ weeks: week }), end.plus({ weeks: week })];
    // The wall clock says otherwise than asked: the time was skipped by the clocks going forward.
    const shifted = clock(from) !== clock(start) || clock(to) !== clock(end);
    periods.push({ start: from.toJSDate(), end: to.toJSDate(), shifted });
  }
  return { periods };
}
