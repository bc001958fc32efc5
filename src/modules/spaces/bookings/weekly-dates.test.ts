import { describe, expect, it } from 'vitest';
import { maxWeeklyDates, weeklyPeriods } from './weekly-dates.ts';

const first = { start: new Date('2027-03-04T17:00:00Z'), end: new Date('2027-03-04T19:00:00Z') }; // Thu 18:00-20:00

describe('weekly dates', () => {
  it('repeats the wall-clock time every week until the last day, across the clock change', () => {
    const result = weeklyPeriods(first, '2027-04-01');
    if (!('periods' in result)) throw new Error(result.problem);
    expect(result.periods.every((p) => !p.shifted)).toBe(true);
    expect(result.periods.map((p) => p.start.toISOString())).toEqual([
      '2027-03-04T17:00:00.000Z',
      '2027-03-11T17:00:00.000Z',
      '2027-03-18T17:00:00.000Z',
      '2027-03-25T17:00:00.000Z',
      // Summer time from 28 March: still 18:00 in Brussels.
      '2027-04-01T16:00:00.000Z',
    ]);
    expect(result.periods.every((p) => p.end.getTime() - p.start.getTime() === 2 * 3_600_000)).toBe(true);
  });

  it('is the one date when the last day is the first', () => {
    expect(weeklyPeriods(first, '2027-03-04')).toEqual({ periods: [{ ...first, shifted: false }] });
  });

  it('marks the week whose time the clock change skips (Sundays 02:00-03:00)', () => {
    // Sunday 21 March 2027, 02:00-03:00 Brussels; on 28 March 02:00-03:00 does not exist.
    const night = { start: new Date('2027-03-21T01:00:00Z'), end: new Date('2027-03-21T02:00:00Z') };
    const result = weeklyPeriods(night, '2027-04-04');
    if (!('periods' in result)) throw new Error(result.problem);
    expect(result.periods.map((p) => p.shifted)).toEqual([false, true, false]);
  });

  it('refuses a last day before the first, one that is not a date, and more than a year of weeks', () => {
    expect(weeklyPeriods(first, '2027-03-03')).toEqual({ problem: 'booking_until_before' });
    expect(weeklyPeriods(first, '2027-02-30')).toEqual({ problem: 'booking_until_invalid' });
    expect(weeklyPeriods(first, 'soon')).toEqual({ problem: 'booking_until_invalid' });
    // 500 weeks.
    expect(weeklyPeriods(first, '2036-09-04')).toEqual({ problem: 'booking_series_too_long' });
    const year = weeklyPeriods(first, '2028-03-02');
    expect('periods' in year && year.periods.length).toBe(maxWeeklyDates);
    expect(weeklyPeriods(first, '2028-03-09')).toEqual({ problem: 'booking_series_too_long' });
  });
});
