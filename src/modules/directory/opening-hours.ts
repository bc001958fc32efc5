// Opening hours in Brussels time: weekly hours, dated exceptions and Belgian public holidays turned
// into concrete intervals, so "open now" and "opens Tuesday at 9:00" are right across daylight
// saving changes and holidays. Pure: the caller passes the moment.
import Holidays from 'date-holidays';
import { DateTime } from 'luxon';
import type { I18nText, Locale } from '../../shared/i18n-text.ts';

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

function at(day: DateTime, time: string): DateTime {
  const [hour, minute] = time.split(':').map(Number);
  // Luxon moves a wall time that does not exist (the spring-forward hour) forward, as clocks do.
  return day.set({ hour: hour ?? 0, minute: minute ?? 0, second: 0, millisecond: 0 });
}

function interval(day: DateTime, opensAt: string, closesAt: string): Interval {
  const start = at(day, opensAt);
  let end = at(day, closesAt);
  if (end <= start) end = at(day.plus({ days: 1 }), closesAt);
  return { start, end };
}

/** The hours that hold on one calendar day (a day in Brussels, at midnight). */
export function intervalsOn(input: HoursInput, day: DateTime): Interval[] {
  const iso = day.toISODate()!;
  const exception = input.exceptions.find((e) => e.startsOn <= iso && iso <= e.endsOn);
  if (exception) {
    return exception.closed || !exception.opensAt || !exception.closesAt
      ? []
      : [interval(day, exception.opensAt, exception.closesAt)];
  }
  if (input.closedOnPublicHolidays && publicHoliday(iso)) return [];
  return input.weekly
    .filter(
      (h) =>
        h.weekday === day.weekday && (!h.validFrom || h.validFrom <= iso) && (!h.validTo || iso <= h.validTo),
    )
    .map((h) => interval(day, h.opensAt, h.closesAt))
    .sort((a, b) => a.start.toMillis() - b.start.toMillis());
}

/** All intervals touching the days from `from` for `days` days; the day before is included for overnight hours. */
export function intervalsBetween(input: HoursInput, from: DateTime, days: number): Interval[] {
  const first = from.setZone(zone).startOf('day').minus({ days: 1 });
  const out: Interval[] = [];
  for (let i = 0; i <= days; i++) out.push(...intervalsOn(input, first.plus({ days: i })));
  return out;
}

export function openState(input: HoursInput, now: DateTime): OpenState {
  if (!input.weekly.length && !input.exceptions.some((e) => !e.closed)) return { known: false, open: false };
  const moment = now.setZone(zone);
  const intervals = intervalsBetween(input, moment, 15);
  const current = intervals.find((i) => i.start <= moment && moment < i.end);
  if (current) {
    // Back-to-back intervals (a night shelter open until 08:00 that reopens at 08:00) read as one.
    let closesAt = current.end;
    for (const next of intervals) if (next.start.equals(closesAt)) closesAt = next.end;
    return { known: true, open: true, closesAt };
  }
  const next = intervals.find((i) => i.start > moment);
  return { known: true, open: false, opensAt: next?.start };
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

export function todayInBrussels(now: DateTime = DateTime.now()): string {
  return now.setZone(zone).toISODate()!;
}
