import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { eventTimeZone, expandDates, repeatOf, ruleOf } from './recurrence.ts';

const at = (iso: string) => DateTime.fromISO(iso, { zone: eventTimeZone });
const local = (d: Date) => DateTime.fromJSDate(d, { zone: eventTimeZone }).toFormat("yyyy-MM-dd'T'HH:mm ccc");

function expand(input: Parameters<typeof ruleOf>[0], start: string, end: string) {
  const made = ruleOf(input, at(start));
  if ('problems' in made) return made;
  const out = expandDates(made.rule, at(start).toJSDate(), at(end).toJSDate());
  return { rule: made.rule, ...out };
}

describe('ruleOf and expandDates', () => {
  it('makes one date without repetition', () => {
    const r = expand({ repeat: 'none' }, '2027-03-18T09:30', '2027-03-18T16:00');
    expect(r).toMatchObject({ rule: null });
    expect('dates' in r && r.dates.map((d) => local(d.start))).toEqual(['2027-03-18T09:30 Thu']);
  });

  it('repeats weekly on the chosen days, the first date’s day included, keeping the wall clock across the clock change', () => {
    const r = expand(
      { repeat: 'weekly', days: ['TU'], ends: 'until', until: '2027-04-01' },
      '2027-03-18T19:00',
      '2027-03-18T21:00',
    );
    expect('rule' in r && r.rule).toBe('FREQ=WEEKLY;BYDAY=TU,TH;UNTIL=20270401T235959Z');
    const dates = 'dates' in r ? r.dates : [];
    expect(dates.map((d) => local(d.start))).toEqual([
      '2027-03-18T19:00 Thu',
      '2027-03-23T19:00 Tue',
      '2027-03-25T19:00 Thu',
      '2027-03-30T19:00 Tue',
      '2027-04-01T19:00 Thu',
    ]);
    // 19:00 in Brussels is 18:00 UTC before 28 March and 17:00 UTC after.
    expect(dates[0]!.start.toISOString()).toBe('2027-03-18T18:00:00.000Z');
    expect(dates[4]!.start.toISOString()).toBe('2027-04-01T17:00:00.000Z');
    expect(dates.every((d) => d.end.getTime() - d.start.getTime() === 2 * 3_600_000)).toBe(true);
  });

  it('repeats every two weeks a number of times', () => {
    const r = expand(
      { repeat: 'biweekly', ends: 'count', count: '3' },
      '2027-01-05T10:00',
      '2027-01-05T12:00',
    );
    expect('dates' in r && r.dates.map((d) => local(d.start))).toEqual([
      '2027-01-05T10:00 Tue',
      '2027-01-19T10:00 Tue',
      '2027-02-02T10:00 Tue',
    ]);
  });

  it('repeats monthly on the same weekday, the last one when the first date is a fifth', () => {
    const second = expand(
      { repeat: 'monthly', ends: 'count', count: '3' },
      '2027-01-12T14:00',
      '2027-01-12T16:00',
    );
    expect('rule' in second && second.rule).toBe('FREQ=MONTHLY;BYDAY=2TU;COUNT=3');
    expect('dates' in second && second.dates.map((d) => local(d.start))).toEqual([
      '2027-01-12T14:00 Tue',
      '2027-02-09T14:00 Tue',
      '2027-03-09T14:00 Tue',
    ]);
    const last = expand(
      { repeat: 'monthly', ends: 'count', count: '2' },
      '2027-03-30T14:00',
      '2027-03-30T16:00',
    );
    expect('rule' in last && last.rule).toBe('FREQ=MONTHLY;BYDAY=-1TU;COUNT=2');
    expect('dates' in last && last.dates.map((d) => local(d.start))).toEqual([
      '2027-03-30T14:00 Tue',
      '2027-04-27T14:00 Tue',
    ]);
  });

  it('refuses 10,000 occurrences, too long a span, and rules it cannot read, without walking them all', () => {
    expect(
      expand({ repeat: 'weekly', ends: 'count', count: '10000' }, '2027-01-05T10:00', '2027-01-05T12:00'),
    ).toEqual({
      problems: [{ field: 'count', code: 'event_too_many_dates' }],
    });
    const start = at('2027-01-05T10:00').toJSDate();
    const end = at('2027-01-05T12:00').toJSDate();
    const started = performance.now();
    expect(expandDates('FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR;UNTIL=20400101T000000Z', start, end)).toEqual({
      problem: 'event_too_many_dates',
    });
    expect(performance.now() - started).toBeLessThan(500);
    expect(expandDates('FREQ=MONTHLY;BYDAY=1TU;COUNT=30', start, end)).toEqual({ problem: 'event_span' });
    expect(expandDates('FREQ=WEEKLY;COUNT=10000', start, end)).toEqual({ problem: 'event_too_many_dates' });
    expect(expandDates('FREQ=DAILY;COUNT=3', start, end)).toEqual({ problem: 'event_rule' });
    expect(expandDates('FREQ=WEEKLY', start, end)).toEqual({ problem: 'event_rule' });
    expect(expandDates('this is no rule', start, end)).toEqual({ problem: 'event_rule' });
  });

  it('refuses bad choices', () => {
    const first = at('2027-01-05T10:00');
    expect(ruleOf({ repeat: 'yearly' }, first)).toEqual({
      problems: [{ field: 'repeat', code: 'choose_one' }],
    });
    expect(ruleOf({ repeat: 'weekly', days: ['XX'], ends: 'count', count: '2' }, first)).toEqual({
      problems: [{ field: 'days', code: 'choose_one' }],
    });
    expect(ruleOf({ repeat: 'weekly', ends: 'until', until: '2026-12-01' }, first)).toEqual({
      problems: [{ field: 'until', code: 'event_until_before' }],
    });
    expect(ruleOf({ repeat: 'weekly', ends: 'until', until: '2027-02-30' }, first)).toEqual({
      problems: [{ field: 'until', code: 'date_invalid' }],
    });
    expect(ruleOf({ repeat: 'weekly', ends: 'count', count: '0' }, first)).toEqual({
      problems: [{ field: 'count', code: 'event_count' }],
    });
    expect(ruleOf({ repeat: 'weekly' }, first)).toEqual({
      problems: [{ field: 'ends', code: 'event_repeat_end' }],
    });
  });

  it('reads a stored rule back into the form’s fields', () => {
    expect(repeatOf('FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,TH;UNTIL=20270401T235959Z')).toEqual({
      repeat: 'biweekly',
      days: ['TU', 'TH'],
      ends: 'until',
      until: '2027-04-01',
      count: '',
    });
    expect(repeatOf('FREQ=MONTHLY;BYDAY=-1TU;COUNT=2')).toMatchObject({
      repeat: 'monthly',
      ends: 'count',
      count: '2',
    });
    expect(repeatOf(null)).toMatchObject({ repeat: 'none' });
  });
});
