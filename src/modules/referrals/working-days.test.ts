import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { addWorkingDays } from './working-days.ts';

const brussels = (iso: string) => DateTime.fromISO(iso, { zone: 'Europe/Brussels' }).toJSDate();
const show = (date: Date) =>
  DateTime.fromJSDate(date, { zone: 'Europe/Brussels' }).toISO({ suppressMilliseconds: true });

describe('addWorkingDays', () => {
  it('counts Monday to Friday at the same time of day', () => {
    expect(show(addWorkingDays(brussels('2026-11-16T10:30'), 3))).toBe('2026-11-19T10:30:00+01:00');
  });

  it('skips the weekend', () => {
    // Friday → Wednesday; sent on a Saturday, the clock starts on Monday.
    expect(show(addWorkingDays(brussels('2026-11-20T16:00'), 3))).toBe('2026-11-25T16:00:00+01:00');
    expect(show(addWorkingDays(brussels('2026-11-21T09:00'), 3))).toBe('2026-11-25T09:00:00+01:00');
  });

  it('skips Belgian public holidays', () => {
    // Christmas (Friday 25 December 2026) and New Year's Day (Friday 1 January 2027).
    expect(show(addWorkingDays(brussels('2026-12-23T10:00'), 3))).toBe('2026-12-29T10:00:00+01:00');
    expect(show(addWorkingDays(brussels('2026-12-31T10:00'), 1))).toBe('2027-01-04T10:00:00+01:00');
  });

  it('keeps the Brussels time of day across the change to summer time', () => {
    // Summer time starts on Sunday 28 March 2027, which is also Easter: Monday is a holiday.
    expect(show(addWorkingDays(brussels('2027-03-26T10:00'), 1))).toBe('2027-03-30T10:00:00+02:00');
  });
});
