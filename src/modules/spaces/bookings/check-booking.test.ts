// A slot as typed: a Brussels time that the clocks skip is refused with its own reason instead of
// being moved an hour on, and an end at 24:00 is that day's midnight.
import { describe, expect, it } from 'vitest';
import { type AvailabilityRule, weeklyRule } from '../availability/availability.ts';
import { checkBooking, readMoment, skippedByClock } from './check-booking.ts';

const room = { capacity: 20, minMinutes: 30, maxMinutes: 240, noticeHours: 0 };
const always: AvailabilityRule = {
  kind: 'open',
  rule: weeklyRule([1, 2, 3, 4, 5, 6, 7], '00:00'),
  minutes: 1440,
};
const now = new Date('2027-03-01T12:00:00Z');

describe('checkBooking', () => {
  it('refuses 02:30 on the night the clocks go forward, with its own reason', () => {
    expect(skippedByClock('2027-03-28T02:30')).toBe(true);
    expect(skippedByClock('2027-03-28T03:30')).toBe(false);
    expect(skippedByClock('2027-03-28T02:30:00+01:00')).toBe(false);
    expect(readMoment('2027-03-28T02:30')).toBeNull();
    const { problems, value } = checkBooking(
      { start: '2027-03-28T02:30', end: '2027-03-28T04:00', attendees: '5' },
      room,
      [always],
      now,
    );
    expect(value).toBeUndefined();
    expect(problems).toEqual([
      { field: 'start', message: 'booking_time_skipped', code: 'booking_time_skipped' },
    ]);
  });

  it('reads an end at 24:00 as midnight at the end of that day', () => {
    expect(skippedByClock('2027-03-10T24:00')).toBe(false);
    const { problems, value } = checkBooking(
      { start: '2027-03-10T22:00', end: '2027-03-10T24:00', attendees: '5' },
      room,
      [always],
      now,
    );
    expect(problems).toEqual([]);
    expect(value?.period).toEqual({
      start: new Date('2027-03-10T22:00:00+01:00'),
      end: new Date('2027-03-11T00:00:00+01:00'),
    });
  });
});
