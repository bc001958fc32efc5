import { describe, expect, it } from 'vitest';
import { checkWeek } from './hours.repo.ts';

const day = (...periods: [string, string][]) => periods.map(([opensAt, closesAt]) => ({ opensAt, closesAt }));

describe('weekly hours as typed', () => {
  it('keeps two periods a day in order, and a period running past midnight', () => {
    const { problems, week } = checkWeek({
      1: day(['13:00', '17:00'], ['09:00', '12:00']),
      5: day(['20:00', '08:00']),
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
    [day(['20:00', '08:00'], ['22:00', '23:00']), 'hours_overlap'],
  ])('refuses %j as %s', (periods, code) => {
    expect(checkWeek({ 3: periods }).problems.map((p) => p.code)).toEqual([code]);
  });

  it('ignores a period left empty', () => {
    expect(checkWeek({ 4: day(['', ''], ['10:00', '11:00']) })).toMatchObject({
      problems: [],
      week: { 4: [{ opensAt: '10:00', closesAt: '11:00' }] },
    });
  });
});
