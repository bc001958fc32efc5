// Opening hours in Brussels time: weekly hours, dated exceptions and Belgian public holidays turned
// into concrete intervals, so "open now" and "opens Tuesday at 9:00" are right across daylight
// saving changes and holidays. Pure: the caller passes the moment.
import Holidays from 'date-holidays';
import { DateTime } from 'luxon';
import type { I18nText, Locale } from './i18n-text.ts';

export const zone = 'Europe/Brussels';

export interface WeeklyHours {
  /** ISO weekday, 1 = Monday. */
  weekday: number;
  /** "HH:MM" or "HH:MM:SS". A closing time at or before the opening time is on the next day. */
  opensAt: string;
  closesAt: string;
  validFrom?: string | null;
  validTo?: string | null;
}

export interface HoursException {
  startsOn: string;
  endsOn: string;
  closed: boolean;
  opensAt?: string | null;
  closesAt?: string | null;
  note?: I18nText | null;
}

export interface HoursInput {
  weekly: WeeklyHours[];
  exceptions: HoursException[];
  closedOnPublicHolidays: boolean;
}

export interface Interval {
  start: DateTime;
  end: DateTime;
}

export interface OpenState {
  /** False when the service publishes no hours at all: then "open now" is unknown, not "closed". */
  known: boolean;
  open: boolean;
  /** While open: when the current interval ends. */
  closesAt?: DateTime;
  /** While closed: the next opening within the coming two weeks. */
  opensAt?: DateTime;
}

const holidays = new Holidays('BE');
const holidayCache = new Map<number, Map<string, Record<Locale, string>>>();

/** Belgian national public holidays of a year, by ISO date, with their names in nl, fr and en. */
export function publicHolidays(year: number): Map<string, Record<Locale, string>> {
  let byDate = holidayCache.get(year);
  if (!byDate) {
    byDate = new Map();
    const names = (lang: Locale) =>
      holidays.getHolidays(year, lang).filter((h) => h.type === 'public' && !h.substitute);
    const [nl, fr, en] = [names('nl'), names('fr'), names('en')];
    fr.forEach((h, i) => {
      byDate!.set(h.date.slice(0, 10), { fr: h.name, nl: nl[i]?.name ?? h.name, en: en[i]?.name ?? h.name });
    });
    holidayCache.set(year, byDate);
  }
  return byDate;
}

export function publicHoliday(isoDate: string): Record<Locale, string> | undefined {
  return publicHolidays(Number(isoDate.slice(0, 4))).get(isoDate);
}

/**
 * Hours on one calendar day as wall-clock minutes from that day's midnight; a closing time at or
 * before the opening time adds a day. Plain numbers: "open now" runs on every card of a list, and
 * building time-zone-aware dates for two weeks of hours there costs milliseconds.
 */
interface WallInterval {
  date: string;
  opens: number;
  closes: number;
}

function minutesOf(time: string): number {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}

function wallInterval(date: string, opensAt: string, closesAt: string): WallInterval {
  const opens = minutesOf(opensAt);
  let closes = minutesOf(closesAt);
  if (closes <= opens) closes += 1440;
  return { date, opens, closes };
}

/** The ISO date `days` after `iso` and its ISO weekday, by calendar arithmetic (no time zone involved). */
function addDays(iso: string, days: number): { date: string; weekday: number } {
  const d = new Date(
    Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)) + days),
  );
  return { date: d.toISOString().slice(0, 10), weekday: d.getUTCDay() || 7 };
}

function wallIntervalsOn(input: HoursInput, date: string, weekday: number): WallInterval[] {
  const exception = input.exceptions.find((e) => e.startsOn <= date && date <= e.endsOn);
  if (exception) {
    return exception.closed || !exception.opensAt || !exception.closesAt
      ? []
      : [wallInterval(date, exception.opensAt, exception.closesAt)];
  }
  if (input.closedOnPublicHolidays && publicHoliday(date)) return [];
  return input.weekly
    .filter(
      (h) =>
        h.weekday === weekday && (!h.validFrom || h.validFrom <= date) && (!h.validTo || date <= h.validTo),
    )
    .map((h) => wallInterval(date, h.opensAt, h.closesAt))
    .sort((a, b) => a.opens - b.opens);
}

/**
 * Instants made, by wall-clock date and minutes: most services open and close at the same few
 * times, and Luxon works out Brussels' offset (an Intl formatting) each time it makes one. Luxon's
 * dates do not change once made.
 */
const instants = new Map<string, DateTime>();

/** A wall-clock moment in Brussels as a real instant; Luxon moves a time that does not exist (spring forward) ahead. */
function instant(date: string, minutes: number): DateTime {
  const key = `${date} ${minutes}`;
  let made = instants.get(key);
  if (!made) {
    if (instants.size >= 10_000) instants.clear();
    instants.set(key, (made = makeInstant(date, minutes)));
  }
  return made;
}

function makeInstant(date: string, minutes: number): DateTime {
  const { date: day } = addDays(date, Math.floor(minutes / 1440));
  const m = minutes % 1440;
  return DateTime.fromObject(
    {
      year: Number(day.slice(0, 4)),
      month: Number(day.slice(5, 7)),
      day: Number(day.slice(8, 10)),
      hour: Math.floor(m / 60),
      minute: m % 60,
    },
    { zone },
  );
}

/** The hours that hold on one calendar day (a day in Brussels, at midnight). */
export function intervalsOn(input: HoursInput, day: DateTime): Interval[] {
  const local = day.setZone(zone);
  return wallIntervalsOn(input, local.toISODate()!, local.weekday).map((w) => ({
    start: instant(w.date, w.opens),
    end: instant(w.date, w.closes),
  }));
}

/** Yesterday to two weeks ahead of a day, as openState reads them: the same for every card of a page. */
let around: { today: string; days: { date: string; weekday: number }[] } | undefined;
function daysAround(today: string): { date: string; weekday: number }[] {
  if (around?.today !== today)
    around = { today, days: Array.from({ length: 17 }, (_, i) => addDays(today, i - 1)) };
  return around.days;
}

export function openState(input: HoursInput, now: DateTime): OpenState {
  if (!input.weekly.length && !input.exceptions.some((e) => !e.closed)) return { known: false, open: false };
  const local = now.setZone(zone);
  const today = local.toISODate()!;
  const nowMinutes = local.hour * 60 + local.minute + local.second / 60;
  // Every interval from yesterday (overnight hours) to two weeks ahead, on one minute scale from today's midnight.
  const spans: { start: number; end: number; date: string; opens: number; closes: number }[] = [];
  const days = daysAround(today);
  for (let k = -1; k <= 15; k++) {
    const { date, weekday } = days[k + 1]!;
    for (const w of wallIntervalsOn(input, date, weekday))
      spans.push({ ...w, start: k * 1440 + w.opens, end: k * 1440 + w.closes });
  }
  const current = spans.find((s) => s.start <= nowMinutes && nowMinutes < s.end);
  if (current) {
    // Back-to-back intervals (a night shelter open until 08:00 that reopens at 08:00) read as one.
    let end = current.end;
    for (const next of spans) if (next.start === end) end = next.end;
    return { known: true, open: true, closesAt: instant(today, end) };
  }
  const next = spans.filter((s) => s.start > nowMinutes).sort((a, b) => a.start - b.start)[0];
  return { known: true, open: false, opensAt: next ? instant(next.date, next.opens) : undefined };
}

/** Weekly hours grouped per weekday, for the hours table. Times as "HH:MM". */
export function weekTable(
  weekly: WeeklyHours[],
  today: string,
): Map<number, { opens: string; closes: string }[]> {
  const table = new Map<number, { opens: string; closes: string }[]>();
  for (let d = 1; d <= 7; d++) table.set(d, []);
  const current = weekly.filter(
    (h) => (!h.validFrom || h.validFrom <= today) && (!h.validTo || today <= h.validTo),
  );
  for (const h of [...current].sort((a, b) => a.opensAt.localeCompare(b.opensAt))) {
    table.get(h.weekday)!.push({ opens: h.opensAt.slice(0, 5), closes: h.closesAt.slice(0, 5) });
  }
  return table;
}
