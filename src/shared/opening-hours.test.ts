import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { type HoursInput, intervalsOn, openState, publicHoliday, weekTable, zone } from './opening-hours.ts';

const brussels = (iso: string) => DateTime.fromISO(iso, { zone });
const office: HoursInput = {
  weekly: [1, 2, 3, 4, 5].flatMap((weekday) => [
    { weekday, opensAt: '09:00', closesAt: '12:30' },
    { weekday, opensAt: '13:30', closesAt: '17:00' },
  ]),
  exceptions: [],
  closedOnPublicHolidays: true,
};

describe('openState', () => {
  it('is open inside an interval and tells when it closes', () => {
    const state = openState(office, brussels('2026-11-24T10:15'));
    expect(state.open).toBe(true);
    expect(state.closesAt?.toFormat('HH:mm')).toBe('12:30');
  });

  it('is closed over lunch and gives the next opening', () => {
    const state = openState(office, brussels('2026-11-24T12:45'));
    expect(state.open).toBe(false);
    expect(state.opensAt?.toISO()).toBe('2026-11-24T13:30:00.000+01:00');
  });

  it('reads the moment in Brussels time whatever zone it comes in', () => {
    // 08:30 UTC in winter is 09:30 in Brussels.
    expect(openState(office, DateTime.fromISO('2026-11-24T08:30:00Z')).open).toBe(true);
    // 08:30 UTC in summer is 10:30 in Brussels; 15:30 UTC in summer is 17:30, closed.
    expect(openState(office, DateTime.fromISO('2026-06-23T15:30:00Z')).open).toBe(false);
    expect(openState(office, DateTime.fromISO('2026-06-23T14:30:00Z')).open).toBe(true);
  });

  it('goes from Friday evening to Monday morning', () => {
    const state = openState(office, brussels('2026-11-27T17:00'));
    expect(state.open).toBe(false);
    expect(state.opensAt?.toISODate()).toBe('2026-11-30');
  });

  it('stays closed on a public holiday and opens the day after', () => {
    // 11 November 2026 (Armistice) is a Wednesday.
    expect(publicHoliday('2026-11-11')?.fr).toBe('Armistice');
    const state = openState(office, brussels('2026-11-11T10:00'));
    expect(state.open).toBe(false);
    expect(state.opensAt?.toISODate()).toBe('2026-11-12');
    expect(openState({ ...office, closedOnPublicHolidays: false }, brussels('2026-11-11T10:00')).open).toBe(
      true,
    );
  });

  it('honours a closure exception and special hours', () => {
    const hours: HoursInput = {
      ...office,
      exceptions: [
        { startsOn: '2026-12-24', endsOn: '2027-01-01', closed: true },
        { startsOn: '2026-12-19', endsOn: '2026-12-19', closed: false, opensAt: '18:00', closesAt: '22:00' },
      ],
    };
    expect(openState(hours, brussels('2026-12-28T10:00')).open).toBe(false);
    expect(openState(hours, brussels('2026-12-28T10:00')).opensAt?.toISODate()).toBe('2027-01-04');
    // 19 December 2026 is a Saturday with a special evening.
    expect(openState(hours, brussels('2026-12-19T20:00')).open).toBe(true);
  });

  it('handles overnight hours, also into the next day', () => {
    const shelter: HoursInput = {
      weekly: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, opensAt: '20:00', closesAt: '08:00' })),
      exceptions: [],
      closedOnPublicHolidays: false,
    };
    const state = openState(shelter, brussels('2026-11-24T03:00'));
    expect(state.open).toBe(true);
    expect(state.closesAt?.toISO()).toBe('2026-11-24T08:00:00.000+01:00');
    expect(openState(shelter, brussels('2026-11-24T12:00')).opensAt?.toFormat('HH:mm')).toBe('20:00');
  });

  it('keeps wall-clock hours across the daylight saving changes', () => {
    const evening: HoursInput = {
      weekly: [{ weekday: 7, opensAt: '01:00', closesAt: '05:00' }],
      exceptions: [],
      closedOnPublicHolidays: false,
    };
    // 29 March 2026: clocks go from 02:00 to 03:00. The night lasts three real hours.
    const [spring] = intervalsOn(evening, brussels('2026-03-29T00:00'));
    expect(spring!.end.diff(spring!.start, 'hours').hours).toBe(3);
    // 25 October 2026: clocks go from 03:00 back to 02:00. The night lasts five real hours.
    const [autumn] = intervalsOn(evening, brussels('2026-10-25T00:00'));
    expect(autumn!.end.diff(autumn!.start, 'hours').hours).toBe(5);
    expect(openState(evening, DateTime.fromISO('2026-10-25T03:30:00Z')).open).toBe(true);
  });

  it('says "unknown" rather than "closed" when no hours are published', () => {
    expect(
      openState({ weekly: [], exceptions: [], closedOnPublicHolidays: true }, brussels('2026-11-24T10:00')),
    ).toEqual({ known: false, open: false });
  });

  it('respects the validity of seasonal hours', () => {
    const summer: HoursInput = {
      weekly: [
        { weekday: 2, opensAt: '09:00', closesAt: '12:00', validFrom: '2027-07-01', validTo: '2027-08-31' },
      ],
      exceptions: [],
      closedOnPublicHolidays: true,
    };
    expect(openState(summer, brussels('2026-11-24T10:00')).open).toBe(false);
    expect(openState(summer, brussels('2027-07-06T10:00')).open).toBe(true);
  });
});

describe('weekTable', () => {
  it('groups the current hours per weekday in order', () => {
    const table = weekTable(office.weekly, '2026-11-24');
    expect(table.get(1)).toEqual([
      { opens: '09:00', closes: '12:30' },
      { opens: '13:30', closes: '17:00' },
    ]);
    expect(table.get(6)).toEqual([]);
  });
});
