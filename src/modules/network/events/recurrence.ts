// An event's dates: the form's choice of repetition (none, weekly on chosen days, every two weeks,
// monthly on the same weekday) written as an RFC 5545 RRULE, and a rule expanded with the rrule
// library into each date's start and end. Expansion runs on the wall clock in Brussels (rrule's
// "floating" dates: a UTC date stands for the local time), so 19:00 stays 19:00 across clock changes.
import { DateTime } from 'luxon';
import rrule from 'rrule';
import { eventLimits } from '../network.vocabulary.ts';

const { RRule } = rrule;

export const eventTimeZone = 'Europe/Brussels';
export const repeatKinds = ['none', 'weekly', 'biweekly', 'monthly'] as const;
export type RepeatKind = (typeof repeatKinds)[number];
/** RFC 5545 weekday codes, Monday first (luxon's weekday 1 is MO). */
export const weekdayCodes = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;

export interface RepeatInput {
  repeat?: string;
  /** Weekday codes for weekly and every two weeks. */
  days?: string[];
  /** 'until' (a last date) or 'count' (a number of dates). */
  ends?: string;
  until?: string;
  count?: string;
}

export type RuleProblem = { field: string; code: string };

const dateShape = /^\d{4}-\d{2}-\d{2}$/;

/** The stored rule for a repetition starting at `first` (Brussels time), or null for one date. */
export function ruleOf(
  input: RepeatInput,
  first: DateTime,
): { rule: string | null } | { problems: RuleProblem[] } {
  const repeat = (input.repeat || 'none') as RepeatKind;
  if (!repeatKinds.includes(repeat)) return { problems: [{ field: 'repeat', code: 'choose_one' }] };
  if (repeat === 'none') return { rule: null };
  const problems: RuleProblem[] = [];
  const parts: string[] = [];
  const own = weekdayCodes[first.weekday - 1]!;
  if (repeat === 'monthly') {
    // The same weekday of the month as the first date: its 1st to 4th, or the last one.
    const nth = Math.ceil(first.day / 7);
    parts.push('FREQ=MONTHLY', `BYDAY=${nth === 5 ? -1 : nth}${own}`);
  } else {
    const days = [...new Set(input.days ?? [])];
    if (days.some((d) => !(weekdayCodes as readonly string[]).includes(d)))
      problems.push({ field: 'days', code: 'choose_one' });
    // The first date is always one of the dates.
    const chosen = weekdayCodes.filter((d) => d === own || days.includes(d));
    parts.push('FREQ=WEEKLY', ...(repeat === 'biweekly' ? ['INTERVAL=2'] : []), `BYDAY=${chosen.join(',')}`);
  }
  if (input.ends === 'count') {
    const text = (input.count ?? '').trim();
    const count = /^\d{1,6}$/.test(text) ? Number(text) : NaN;
    if (!Number.isInteger(count) || count < 1) problems.push({ field: 'count', code: 'event_count' });
    else if (count > eventLimits.occurrences.max)
      problems.push({ field: 'count', code: 'event_too_many_dates' });
    else parts.push(`COUNT=${count}`);
  } else if (input.ends === 'until') {
    const text = (input.until ?? '').trim();
    const last = dateShape.test(text) ? DateTime.fromISO(text, { zone: eventTimeZone }) : null;
    if (!last?.isValid) problems.push({ field: 'until', code: 'date_invalid' });
    else if (last.endOf('day') < first) problems.push({ field: 'until', code: 'event_until_before' });
    else parts.push(`UNTIL=${last.toFormat('yyyyMMdd')}T235959Z`);
  } else problems.push({ field: 'ends', code: 'event_repeat_end' });
  return problems.length ? { problems } : { rule: parts.join(';') };
}

/** The wall clock of a moment in Brussels, as rrule's floating date. */
const floating = (d: DateTime) => new Date(Date.UTC(d.year, d.month - 1, d.day, d.hour, d.minute, d.second));
const fromFloating = (d: Date) =>
  DateTime.fromObject(
    {
      year: d.getUTCFullYear(),
      month: d.getUTCMonth() + 1,
      day: d.getUTCDate(),
      hour: d.getUTCHours(),
      minute: d.getUTCMinutes(),
      second: d.getUTCSeconds(),
    },
    { zone: eventTimeZone },
  );

export type ExpandProblem = 'event_rule' | 'event_too_many_dates' | 'event_span';

/**
 * Every date of an event: the first one alone without a rule, else the rule's dates from the first
 * start, each as long as the first. At most `eventLimits.occurrences.max` dates, all within
 * `eventLimits.spanDays` of the first; otherwise why not. Never walks further than one date past the limit.
 */
export function expandDates(
  rule: string | null,
  start: Date,
  end: Date,
): { dates: { start: Date; end: Date }[] } | { problem: ExpandProblem } {
  const length = end.getTime() - start.getTime();
  if (rule === null) return { dates: [{ start, end }] };
  let options;
  try {
    options = RRule.parseString(rule);
  } catch {
    return { problem: 'event_rule' };
  }
  const supported =
    (options.freq === RRule.WEEKLY || options.freq === RRule.MONTHLY) &&
    (options.count != null || options.until != null) &&
    !options.dtstart &&
    !options.byhour &&
    !options.byminute &&
    !options.bysecond &&
    (options.interval ?? 1) >= 1 &&
    (options.interval ?? 1) <= 12;
  if (!supported) return { problem: 'event_rule' };
  if (options.count != null && options.count > eventLimits.occurrences.max)
    return { problem: 'event_too_many_dates' };
  const first = DateTime.fromJSDate(start, { zone: eventTimeZone });
  let parsed;
  try {
    parsed = new RRule({ ...options, dtstart: floating(first) });
  } catch {
    return { problem: 'event_rule' };
  }
  const max = eventLimits.occurrences.max;
  const starts = parsed.all((_, i) => i <= max);
  if (starts.length > max) return { problem: 'event_too_many_dates' };
  if (!starts.length) return { problem: 'event_rule' };
  const lastAllowed = first.plus({ days: eventLimits.spanDays });
  const dates = starts.map((s) => {
    const at = fromFloating(s);
    return { start: at.toJSDate(), end: new Date(at.toMillis() + length) };
  });
  if (dates.at(-1)!.start.getTime() > lastAllowed.toMillis()) return { problem: 'event_span' };
  // The first date is the event's own start, even where the rule would skip its day.
  if (dates[0]!.start.getTime() !== start.getTime()) dates.unshift({ start, end });
  if (dates.length > max) return { problem: 'event_too_many_dates' };
  return { dates };
}

/** The form's repetition fields of a stored rule, to edit it again. */
export function repeatOf(rule: string | null): Required<RepeatInput> {
  const none = { repeat: 'none', days: [], ends: 'count', until: '', count: '' };
  if (!rule) return none;
  let o;
  try {
    o = RRule.parseString(rule);
  } catch {
    return none;
  }
  const days = (Array.isArray(o.byweekday) ? o.byweekday : o.byweekday ? [o.byweekday] : []).map(
    (d) => weekdayCodes[typeof d === 'number' ? d : (d as { weekday: number }).weekday]!,
  );
  const repeat = o.freq === RRule.MONTHLY ? 'monthly' : (o.interval ?? 1) === 2 ? 'biweekly' : 'weekly';
  const until = o.until
    ? `${o.until.getUTCFullYear()}-${String(o.until.getUTCMonth() + 1).padStart(2, '0')}-${String(o.until.getUTCDate()).padStart(2, '0')}`
    : '';
  return {
    repeat,
    days,
    ends: o.count != null ? 'count' : 'until',
    until,
    count: o.count != null ? String(o.count) : '',
  };
}
