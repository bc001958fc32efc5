// The dates the rooms' pages and API answer about: a year back, 366 days ahead, in Brussels days.
import { describe, expect, it } from 'vitest';
import { dateWindow, inDateWindow } from './date-window.ts';

describe('the date window', () => {
  const now = new Date('2026-12-04T10:00:00+01:00');
  it('runs from a year before today to the end of the 366th day after it', () => {
    expect(dateWindow(now)).toEqual({
      earliest: new Date('2025-12-04T00:00:00+01:00'),
      latest: new Date('2027-12-06T00:00:00+01:00'),
    });
    expect(inDateWindow(new Date('2027-12-05T23:59:00+01:00'), now)).toBe(true);
    expect(inDateWindow(new Date('2027-12-06T00:00:00+01:00'), now)).toBe(false);
    expect(inDateWindow(new Date('2025-12-03T23:59:00+01:00'), now)).toBe(false);
    expect(inDateWindow(new Date('9999-12-20T00:00:00Z'), now)).toBe(false);
    expect(inDateWindow(new Date('0001-01-01T00:00:00Z'), now)).toBe(false);
  });

  it('is the same all day in Brussels, and the next day’s from its midnight there', () => {
    const first = dateWindow(new Date('2026-12-04T00:00:00+01:00'));
    expect(dateWindow(new Date('2026-12-04T23:59:59+01:00'))).toEqual(first);
    expect(dateWindow(new Date('2026-12-04T23:00:00Z')).earliest).toEqual(
      new Date('2025-12-05T00:00:00+01:00'),
    );
    expect(dateWindow(new Date('2027-06-30T22:30:00Z')).earliest).toEqual(
      new Date('2026-07-01T00:00:00+02:00'),
    );
    expect(dateWindow(new Date('2026-12-04T12:00:00+01:00'))).toEqual(first);
  });
});
