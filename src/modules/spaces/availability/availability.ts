// When a room is open: its weekly windows and its closures are RFC 5545 recurrence rules in local
// Brussels time ("floating", as RFC 5545 allows for times that follow the wall clock), expanded with
// the rrule library. Expansion runs on the wall clock (rrule's dates stand for local times written
// as UTC), then each occurrence becomes a real moment in Europe/Brussels, so a window at 18:00 stays
// at 18:00 in summer and in winter.
import { LRUCache } from 'lru-cache';
import { DateTime } from 'luxon';
import rrule from 'rrule';
import type { Period } from '../spaces.schema.ts';
import { type AvailabilityKind, roomTimeZone } from '../spaces.vocabulary.ts';

const { rrulestr, RRule } = rrule;

export interface AvailabilityRule {
  kind: AvailabilityKind;
  /** "DTSTART:20260105T180000\nRRULE:FREQ=WEEKLY;BYDAY=MO,TH" */
  rule: string;
  /** How long each occurrence lasts. */
  minutes: number;
}

const minute = 60_000;
/** Weekdays as RFC 5545 names them, Monday (1) to Sunday (7). */
const dayCodes = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
/** The Monday weekly windows start from: before any booking this platform takes. */
const weeklyFrom = '20260105';

// Brussels' offset from UTC changes only on whole UTC hours: known per hour, asked once each (luxon
// works it out through Intl, which costs more than expanding a week of rules).
const hourMs = 3_600_000;
const offsets = new LRUCache<number, number>({ max: 50_000 });
/** Minutes Brussels is ahead of UTC at a real moment. */
function offsetAt(ms: number): number {
  const hour = Math.floor(ms / hourMs);
  let offset = offsets.get(hour);
  if (offset === undefined)
    offsets.set(hour, (offset = DateTime.fromMillis(hour * hourMs, { zone: roomTimeZone }).offset));
  return offset;
}

/** A real moment as the wall clock in Brussels shows it, written as a UTC date (rrule's "floating"). */
export function toFloating(moment: Date): Date {
  const ms = Math.floor(moment.getTime() / 1000) * 1000;
  return new Date(ms + offsetAt(ms) * 60_000);
}

/**
 * A wall-clock time in Brussels (written as a UTC date) as the real moment it is. A time the clocks
 * skip moves forward by the hour skipped (as luxon does); a time that happens twice, the night the
 * clocks go back, is the second one (winter time).
 */
export function fromFloating(floating: Date): Date {
  const local = Math.floor(floating.getTime() / 60_000) * 60_000;
  const o = offsetAt(local);
  let guess = local - o * 60_000;
  const o2 = offsetAt(guess);
  if (o === o2) return new Date(guess);
  guess -= (o2 - o) * 60_000;
  const o3 = offsetAt(guess);
  if (o2 === o3) return new Date(guess);
  return new Date(local - Math.min(o2, o3) * 60_000);
}

// Reading a rule costs more than expanding it a week: rules are read once and kept (they are few:
// a room has a handful).
const parsed = new LRUCache<string, { rule: InstanceType<typeof RRule> | null }>({ max: 20_000 });

/** The rule's recurrence, or null for text that is not one (or asks for something we do not do). */
export function parseRule(rule: string): InstanceType<typeof RRule> | null {
  let known = parsed.get(rule);
  if (!known) parsed.set(rule, (known = { rule: readRule(rule) }));
  return known.rule;
}

function readRule(rule: string): InstanceType<typeof RRule> | null {
  if (!/^DTSTART:\d{8}T\d{6}\nRRULE:FREQ=[A-Z]+(;[A-Z]+=[A-Z0-9,+-]+)*$/.test(rule)) return null;
  try {
    const parsed = rrulestr(rule, { forceset: false });
    if (!(parsed instanceof RRule)) return null;
    if (parsed.options.freq > RRule.DAILY) return null; // hourly and finer: not a room's hours
    return parsed;
  } catch {
    return null;
  }
}

const hhmmss = (time: string) => `${time.replace(':', '')}00`;

/** A weekly window: these days (1 = Monday) from `opens` ("18:00") for `minutes`. */
export function weeklyRule(days: number[], opens: string): string {
  const byDay = [...new Set(days)]
    .sort()
    .map((d) => dayCodes[d - 1])
    .join(',');
  return `DTSTART:${weeklyFrom}T${hhmmss(opens)}\nRRULE:FREQ=WEEKLY;BYDAY=${byDay}`;
}

/** A closure from the start of one day ("2026-12-24") to the end of another. */
export function closureRule(from: string, to: string): AvailabilityRule {
  const start = DateTime.fromISO(from, { zone: 'UTC' });
  const days = Math.round(DateTime.fromISO(to, { zone: 'UTC' }).diff(start, 'days').days) + 1;
  return {
    kind: 'closed',
    rule: `DTSTART:${start.toFormat('yyyyMMdd')}T000000\nRRULE:FREQ=DAILY;COUNT=1`,
    minutes: days * 1440,
  };
}

/** A weekly window read back for the form: its days, and when it opens and closes; null for other rules. */
export function readWeekly(
  entry: AvailabilityRule,
): { days: number[]; opens: string; closes: string } | null {
  const parsed = entry.kind === 'open' ? parseRule(entry.rule) : null;
  const options = parsed?.options;
  if (!options || options.freq !== RRule.WEEKLY || options.until || options.count) return null;
  if (options.interval !== 1 || !options.byweekday?.length || entry.minutes > 1440) return null;
  const start = options.dtstart;
  const opens = `${String(start.getUTCHours()).padStart(2, '0')}:${String(start.getUTCMinutes()).padStart(2, '0')}`;
  // A window until midnight closes at "00:00", as a time field shows it.
  const end = new Date(start.getTime() + entry.minutes * minute);
  const closes = `${String(end.getUTCHours()).padStart(2, '0')}:${String(end.getUTCMinutes()).padStart(2, '0')}`;
  return { days: options.byweekday.map((d) => d + 1).sort(), opens, closes };
}

const day = 86_400_000;

/**
 * The rule with its start moved forward, by whole periods (weeks of a weekly rule, days of a daily
 * one), to at most a week before `floatFrom`: the same weekdays and times, but rrule then walks from
 * near the asked time instead of from 2026, so a far week costs what this week costs. Rules with a
 * COUNT (closures) keep their start: moving it would change them.
 */
export function startingNear(
  parsed: InstanceType<typeof RRule>,
  floatFrom: Date,
): InstanceType<typeof RRule> {
  const { freq, interval, count, dtstart } = parsed.options;
  if (count || (freq !== RRule.WEEKLY && freq !== RRule.DAILY)) return parsed;
  const step = (freq === RRule.WEEKLY ? 7 : 1) * Math.max(1, interval) * day;
  const steps = Math.floor((floatFrom.getTime() - 7 * day - dtstart.getTime()) / step);
  if (steps <= 0) return parsed;
  // Rooms share rules ("weekdays 09:00"), and people ask about the same weeks: made once each.
  const key = `${parsed.toString()}|${steps}`;
  let moved = movedRules.get(key);
  if (!moved) {
    moved = new RRule({ ...parsed.origOptions, dtstart: new Date(dtstart.getTime() + steps * step) }, true);
    movedRules.set(key, moved);
  }
  return moved;
}
const movedRules = new LRUCache<string, InstanceType<typeof RRule>>({ max: 20_000 });

// The two shapes this platform writes (weeklyRule, closureRule), exactly: their occurrences are
// worked out directly. rrule walks whole years of days for each (arrays of every day of the year),
// which made most of a room search's time and garbage.
const plainWeekly =
  /^DTSTART:\d{8}T\d{6}\nRRULE:FREQ=WEEKLY;BYDAY=(MO|TU|WE|TH|FR|SA|SU)(,(MO|TU|WE|TH|FR|SA|SU))*$/;
const once = /^DTSTART:\d{8}T\d{6}\nRRULE:FREQ=DAILY;COUNT=1$/;

/**
 * The starts of a rule's occurrences from `after` to `before`, both included, on the wall clock
 * (floating dates): what rrule's `between(after, before, true)` gives, without walking the rule.
 * Null for text that is not a rule.
 */
export function startsBetween(text: string, after: Date, before: Date): Date[] | null {
  const rule = parseRule(text);
  if (!rule) return null;
  const { dtstart, byweekday } = rule.options;
  const within = (start: Date) => start >= after && start <= before;
  if (once.test(text)) return within(dtstart) ? [dtstart] : [];
  if (!plainWeekly.test(text)) return startingNear(rule, after).between(after, before, true);
  // Every day from `after` (and from the rule's start) to `before`, at the start's time of day, on
  // the rule's weekdays (rrule counts Monday as 0).
  const timeOfDay = dtstart.getTime() - Math.floor(dtstart.getTime() / day) * day;
  const starts: Date[] = [];
  const first = Math.floor(Math.max(after.getTime(), dtstart.getTime()) / day) * day;
  for (let midnight = first; midnight <= before.getTime(); midnight += day) {
    const start = new Date(midnight + timeOfDay);
    if (start >= dtstart && within(start) && byweekday.includes((start.getUTCDay() + 6) % 7))
      starts.push(start);
  }
  return starts;
}

/** The occurrences of the rules of one kind that touch [from, to), as real moments, merged. */
function occurrences(entries: AvailabilityRule[], kind: AvailabilityKind, from: Date, to: Date): Period[] {
  const periods: Period[] = [];
  const [floatFrom, floatTo] = [toFloating(from), toFloating(to)];
  for (const entry of entries) {
    if (entry.kind !== kind) continue;
    const length = entry.minutes * minute;
    // An occurrence that started before `from` may still run into it.
    const after = new Date(floatFrom.getTime() - length);
    const starts = startsBetween(entry.rule, after, floatTo) ?? [];
    for (const start of starts) {
      const period = { start: fromFloating(start), end: fromFloating(new Date(start.getTime() + length)) };
      if (period.end > from && period.start < to) periods.push(period);
    }
  }
  return merge(periods);
}

/** Overlapping or touching periods as one. */
export function merge(periods: Period[]): Period[] {
  const sorted = [...periods].sort((a, b) => a.start.getTime() - b.start.getTime());
  const merged: Period[] = [];
  for (const p of sorted) {
    const last = merged[merged.length - 1];
    if (last && p.start <= last.end) {
      if (p.end > last.end) last.end = p.end;
    } else merged.push({ ...p });
  }
  return merged;
}

/** `periods` without the parts that `minus` covers. */
export function subtract(periods: Period[], minus: Period[]): Period[] {
  let result = periods;
  for (const cut of minus) {
    result = result.flatMap((p) => {
      if (cut.end <= p.start || cut.start >= p.end) return [p];
      const parts: Period[] = [];
      if (cut.start > p.start) parts.push({ start: p.start, end: cut.start });
      if (cut.end < p.end) parts.push({ start: cut.end, end: p.end });
      return parts;
    });
  }
  return result;
}

/** When the room is open between `from` and `to`: its windows without its closures. */
export function openPeriods(entries: AvailabilityRule[], from: Date, to: Date): Period[] {
  return subtract(occurrences(entries, 'open', from, to), occurrences(entries, 'closed', from, to));
}

/** Why a room cannot be had for `period`, or null when it is open all that time. */
export function outsideOpening(
  entries: AvailabilityRule[],
  period: Period,
): 'booking_closed' | 'booking_outside_hours' | null {
  if (closedDuring(entries, period)) return 'booking_closed';
  return openThroughout(entries, period) ? null : 'booking_outside_hours';
}

/** Whether a closure of the room touches `period`. */
export function closedDuring(entries: AvailabilityRule[], period: Period): boolean {
  return occurrences(entries, 'closed', period.start, period.end).length > 0;
}

/** Whether one of the room's opening windows covers all of `period` (closures aside). */
export function openThroughout(entries: AvailabilityRule[], period: Period): boolean {
  return occurrences(entries, 'open', period.start, period.end).some(
    (p) => p.start <= period.start && p.end >= period.end,
  );
}

export type SlotState = 'free' | 'asked' | 'taken';

/** The open time cut into free, asked-for and taken stretches (taken wins over asked), in order. */
export function slotsOf(open: Period[], taken: Period[], asked: Period[]): (Period & { state: SlotState })[] {
  const takenCut = (p: Period) => subtract([p], taken);
  const result: (Period & { state: SlotState })[] = [];
  for (const window of open) {
    const inside = (list: Period[]) =>
      merge(list.filter((b) => b.end > window.start && b.start < window.end)).map((b) => ({
        start: b.start < window.start ? window.start : b.start,
        end: b.end > window.end ? window.end : b.end,
      }));
    const takenHere = inside(taken);
    const askedHere = inside(asked).flatMap(takenCut);
    const free = subtract([window], [...takenHere, ...askedHere]);
    result.push(
      ...takenHere.map((p) => ({ ...p, state: 'taken' as const })),
      ...askedHere.map((p) => ({ ...p, state: 'asked' as const })),
      ...free.map((p) => ({ ...p, state: 'free' as const })),
    );
  }
  return result.sort((a, b) => a.start.getTime() - b.start.getTime());
}
