// The rooms' hours as recurrence rules: weekly windows on the Brussels wall clock across the change
// to summer time, closures cut out of them, and what a booking may cover.
import { describe, expect, it } from 'vitest';
import {
  type AvailabilityRule,
  closureRule,
  openPeriods,
  outsideOpening,
  parseRule,
  readWeekly,
  startingNear,
  startsBetween,
  weeklyRule,
} from './availability.ts';

const at = (iso: string) => new Date(iso);
const evenings: AvailabilityRule = { kind: 'open', rule: weeklyRule([1, 4], '18:00'), minutes: 180 };

describe('weekly windows', () => {
  it('writes RFC 5545 and reads it back for the form', () => {
    expect(evenings.rule).toBe('DTSTART:20260105T180000\nRRULE:FREQ=WEEKLY;BYDAY=MO,TH');
    expect(readWeekly(evenings)).toEqual({ days: [1, 4], opens: '18:00', closes: '21:00' });
    expect(readWeekly({ ...evenings, kind: 'closed' })).toBeNull();
  });

  it('keeps 18:00 at 18:00 in winter and in summer time', () => {
    const winter = openPeriods([evenings], at('2026-12-07T00:00:00Z'), at('2026-12-08T00:00:00Z'));
    expect(winter).toEqual([{ start: at('2026-12-07T17:00:00Z'), end: at('2026-12-07T20:00:00Z') }]);
    const summer = openPeriods([evenings], at('2027-06-07T00:00:00Z'), at('2027-06-08T00:00:00Z'));
    expect(summer).toEqual([{ start: at('2027-06-07T16:00:00Z'), end: at('2027-06-07T19:00:00Z') }]);
  });

  it('gives every window of a week, and cuts closures out', () => {
    const week = [at('2026-12-07T00:00:00+01:00'), at('2026-12-14T00:00:00+01:00')] as const;
    expect(openPeriods([evenings], ...week)).toHaveLength(2);
    const closed = closureRule('2026-12-10', '2026-12-11');
    expect(closed).toEqual({
      kind: 'closed',
      rule: 'DTSTART:20261210T000000\nRRULE:FREQ=DAILY;COUNT=1',
      minutes: 2880,
    });
    expect(openPeriods([evenings, closed], ...week)).toEqual([
      { start: at('2026-12-07T18:00:00+01:00'), end: at('2026-12-07T21:00:00+01:00') },
    ]);
  });
});

describe('what a booking may cover', () => {
  const closure = closureRule('2026-12-24', '2026-12-31');
  const rules = [evenings, closure];
  it('fits inside a window', () => {
    expect(
      outsideOpening(rules, { start: at('2026-12-07T18:30:00+01:00'), end: at('2026-12-07T20:00:00+01:00') }),
    ).toBeNull();
  });
  it('is refused outside the windows, across their end, or in a closure', () => {
    expect(
      outsideOpening(rules, { start: at('2026-12-08T18:30:00+01:00'), end: at('2026-12-08T20:00:00+01:00') }),
    ).toBe('booking_outside_hours');
    expect(
      outsideOpening(rules, { start: at('2026-12-07T20:00:00+01:00'), end: at('2026-12-07T22:00:00+01:00') }),
    ).toBe('booking_outside_hours');
    expect(
      outsideOpening(rules, { start: at('2026-12-24T18:00:00+01:00'), end: at('2026-12-24T19:00:00+01:00') }),
    ).toBe('booking_closed');
  });
});

describe('rules from elsewhere', () => {
  it('refuses text that is not a daily or weekly recurrence', () => {
    expect(parseRule('DTSTART:20260105T180000\nRRULE:FREQ=WEEKLY;BYDAY=MO')).not.toBeNull();
    expect(parseRule('DTSTART:20260105T180000\nRRULE:FREQ=MINUTELY')).toBeNull();
    expect(parseRule('RRULE:FREQ=WEEKLY')).toBeNull();
    expect(parseRule('DTSTART:20260105T180000\nRRULE:FREQ=WEEKLY;BYDAY=XX')).toBeNull();
  });
});

describe('free, asked-for and taken time', () => {
  it('cuts an open window into its stretches, taken winning over asked', async () => {
    const { slotsOf } = await import('./availability.ts');
    const h = (hour: string) => at(`2026-12-07T${hour}:00+01:00`);
    const slots = slotsOf(
      [{ start: h('18:00'), end: h('21:00') }],
      [{ start: h('19:00'), end: h('20:00') }],
      [{ start: h('19:30'), end: h('20:30') }],
    );
    expect(
      slots.map((s) => [s.state, s.start.toISOString().slice(11, 16), s.end.toISOString().slice(11, 16)]),
    ).toEqual([
      ['free', '17:00', '18:00'],
      ['taken', '18:00', '19:00'],
      ['asked', '19:00', '19:30'],
      ['free', '19:30', '20:00'],
    ]);
  });
});

describe('a far week', () => {
  it('walks the rule from the week before the asked time, keeping its weekdays and times', () => {
    const rule = parseRule(evenings.rule)!;
    const moved = startingNear(rule, at('2100-06-10T00:00:00Z'));
    const start = moved.options.dtstart;
    expect(start.getTime()).toBeLessThanOrEqual(at('2100-06-03T00:00:00Z').getTime());
    expect(start.getTime()).toBeGreaterThan(at('2100-05-27T00:00:00Z').getTime());
    expect([start.getUTCDay(), start.getUTCHours(), start.getUTCMinutes()]).toEqual([1, 18, 0]);
    // A rule that starts after the asked time, or a closure (COUNT), is left as it is.
    expect(startingNear(rule, at('2026-01-01T00:00:00Z'))).toBe(rule);
    const closure = parseRule(closureRule('2026-12-24', '2026-12-31').rule)!;
    expect(startingNear(closure, at('2100-06-10T00:00:00Z'))).toBe(closure);
  });

  it('gives the windows there on the Brussels wall clock, in summer time', () => {
    // 2100-06-07 is a Monday, in summer time.
    const week = openPeriods([evenings], at('2100-06-07T00:00:00+02:00'), at('2100-06-14T00:00:00+02:00'));
    expect(week).toEqual([
      { start: at('2100-06-07T18:00:00+02:00'), end: at('2100-06-07T21:00:00+02:00') },
      { start: at('2100-06-10T18:00:00+02:00'), end: at('2100-06-10T21:00:00+02:00') },
    ]);
  });

  it('reads a window until midnight back as closing at 00:00', () => {
    const late: AvailabilityRule = { kind: 'open', rule: weeklyRule([2], '22:00'), minutes: 120 };
    expect(readWeekly(late)).toEqual({ days: [2], opens: '22:00', closes: '00:00' });
    expect(
      outsideOpening([late], {
        start: at('2026-12-08T22:00:00+01:00'),
        end: at('2026-12-09T00:00:00+01:00'),
      }),
    ).toBeNull();
  });
});

describe('wall-clock times in Brussels', () => {
  it('agree with luxon every half hour of a year, over both clock changes', async () => {
    const { DateTime } = await import('luxon');
    const { fromFloating, toFloating } = await import('./availability.ts');
    for (let ms = Date.UTC(2027, 0, 1); ms < Date.UTC(2028, 0, 1); ms += 30 * 60_000) {
      const moment = new Date(ms);
      const local = DateTime.fromJSDate(moment, { zone: 'Europe/Brussels' });
      const floating = new Date(Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute));
      expect(toFloating(moment).getTime()).toBe(floating.getTime());
      // The hour that happens twice (31 October 2027, 02:00-03:00) is checked below: luxon's answer
      // for it depends on the season the test runs in.
      if (local.month === 10 && local.day === 31 && local.hour === 2) continue;
      const back = DateTime.fromObject(
        { year: local.year, month: local.month, day: local.day, hour: local.hour, minute: local.minute },
        { zone: 'Europe/Brussels' },
      ).toMillis();
      expect(fromFloating(floating).getTime()).toBe(back);
    }
    // 02:30 the night the clocks go back is the second 02:30, in winter time (01:30 UTC).
    expect(fromFloating(new Date(Date.UTC(2027, 9, 31, 2, 30))).toISOString()).toBe(
      '2027-10-31T01:30:00.000Z',
    );
    // 02:30 on the night the clocks go forward does not exist: it moves to 03:30 (01:30 UTC).
    expect(fromFloating(new Date(Date.UTC(2027, 2, 28, 2, 30))).toISOString()).toBe(
      '2027-03-28T01:30:00.000Z',
    );
  });
});

describe('occurrences without walking the rule', () => {
  it('are the ones rrule gives, for weekly windows and closures, around both clock changes', () => {
    // A small fixed generator: the same cases every run.
    let seed = 7;
    const next = () => (seed = (seed * 48_271) % 2_147_483_647) / 2_147_483_647;
    const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
    const times = ['00:00', '02:00', '02:30', '03:00', '08:15', '09:00', '18:00', '22:00', '23:45'];
    const starts = ['2026-01-05', '2026-03-28', '2026-03-29', '2026-10-24', '2026-12-24', '2027-03-28'];
    const from = Date.UTC(2026, 0, 1);
    let compared = 0;
    for (let n = 0; n < 1500; n++) {
      const days = [1, 2, 3, 4, 5, 6, 7].filter(() => next() < 0.4);
      const rule =
        n % 4 === 0
          ? closureRule(pick(starts), pick(starts)).rule
          : weeklyRule(days.length ? days : [pick([1, 7])], pick(times));
      const movedStart =
        n % 9 === 0 ? rule.replace(/^DTSTART:\d{8}/, `DTSTART:${pick(starts).replace(/-/g, '')}`) : rule;
      const after = new Date(from + Math.floor(next() * 800) * 3_600_000 * 12 + pick([0, 15, 30]) * 60_000);
      const before = new Date(after.getTime() + Math.floor(next() * 24 * 40) * 3_600_000);
      const expected = parseRule(movedStart)!.between(after, before, true);
      expect(startsBetween(movedStart, after, before), `${movedStart} ${after.toISOString()}`).toEqual(
        expected,
      );
      compared += expected.length;
    }
    expect(compared).toBeGreaterThan(1000);
    // Both ends are included, as rrule's `between(…, true)`.
    const monday = new Date('2026-12-07T18:00:00Z');
    expect(startsBetween(evenings.rule, monday, monday)).toEqual([monday]);
    expect(startsBetween('not a rule', monday, monday)).toBeNull();
  });

  it('leave other rules to rrule', () => {
    const other = 'DTSTART:20260105T180000\nRRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=MO';
    const after = new Date('2026-12-01T00:00:00Z');
    const before = new Date('2026-12-31T00:00:00Z');
    expect(startsBetween(other, after, before)).toEqual(parseRule(other)!.between(after, before, true));
    expect(startsBetween(other, after, before)).toHaveLength(2);
  });
});
