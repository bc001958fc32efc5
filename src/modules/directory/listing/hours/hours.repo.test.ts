import { describe, expect, it } from 'vitest';
import { checkWeek } from './hours.repo.ts';

const day = (...periods: [string, string][]) => periods.map(([opensAt, closesAt]) => ({ opensAt, closesAt }));
/** A period said to close the next day ("until the next day" ticked). */
const overnight = (opensAt: string, closesAt: string) => ({ opensAt, closesAt, nextDay: true });

describe('weekly hours as typed', () => {
  it('keeps two periods a day in order, and a period said to run past midnight', () => {
    const { problems, week } = checkWeek({
      1: day(['13:00', '17:00'], ['09:00', '12:00']),
      5: [overnight('20:00', '08:00')],
    });
    expect(problems).toEqual([]);
    expect(week[1]).toEqual([
      { opensAt: '09:00', closesAt: '12:00' },
      { opensAt: '13:00', closesAt: '17:00' },
    ]);
    expect(week[5]).toEqual([{ opensAt: '20:00', closesAt: '08:00' }]);
    expect(week[2]).toEqual([]);
  });

  it.each([
    [day(['09:00', '']), 'hours_both'],
    [day(['9h', '12:00']), 'hours_time'],
    [day(['24:00', '12:00']), 'hours_time'],
    [day(['09:00', '09:00']), 'hours_same'],
    [day(['09:00', '13:00'], ['12:00', '17:00']), 'hours_overlap'],
    [[overnight('20:00', '08:00'), ...day(['22:00', '23:00'])], 'hours_overlap'],
    [day(['10:00', '09:00']), 'hours_past_midnight'],
    [day(['20:00', '08:00']), 'hours_past_midnight'],
  ])('refuses %j as %s', (periods, code) => {
    expect(checkWeek({ 3: periods }).problems.map((p) => p.code)).toEqual([code]);
  });

  it('takes "until the next day" as said only where closing comes before opening', () => {
    expect(checkWeek({ 2: [overnight('09:00', '17:00')] })).toMatchObject({
      problems: [],
      week: { 2: [{ opensAt: '09:00', closesAt: '17:00' }] },
    });
  });

  it('takes closing at 00:00 as the end of the day, without "until the next day"', () => {
    expect(checkWeek({ 5: day(['18:00', '00:00']) })).toMatchObject({
      problems: [],
      week: { 5: [{ opensAt: '18:00', closesAt: '00:00' }] },
    });
  });

  it('ignores a period left empty', () => {
    expect(checkWeek({ 4: day(['', ''], ['10:00', '11:00']) })).toMatchObject({
      problems: [],
      week: { 4: [{ opensAt: '10:00', closesAt: '11:00' }] },
    });
  });
});
