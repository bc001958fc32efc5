// The dates the rooms' pages and API answer about: from a year before today to 366 days after it
// (bookings go at most a year ahead). A date outside is refused (the API, the forms) or replaced by
// this week (a room's page), so no request makes the server walk rules for centuries, and no date
// falls outside what PostgreSQL can store (year 1 in Brussels' old local time cannot be).
import { DateTime } from 'luxon';
import { roomTimeZone } from '../spaces.vocabulary.ts';
import { toFloating } from './availability.ts';

/** The window of the last day asked about: it is the same all day (every search asks). */
let known: { day: number; window: { earliest: Date; latest: Date } } | null = null;

/** The first moment asked about may be from `earliest` (included) to `latest` (excluded). */
export function dateWindow(now: Date): { earliest: Date; latest: Date } {
  // The day in Brussels, as the number of days since 1970 on its wall clock.
  const day = Math.floor(toFloating(now).getTime() / 86_400_000);
  if (known?.day !== day) {
    const today = DateTime.fromJSDate(now, { zone: roomTimeZone }).startOf('day');
    known = {
      day,
      window: {
        earliest: today.minus({ years: 1 }).toJSDate(),
        latest: today.plus({ days: 367 }).toJSDate(),
      },
    };
  }
  return { ...known.window };
}

/** Whether a moment is inside the window of `now`. */
export function inDateWindow(moment: Date, now: Date): boolean {
  const { earliest, latest } = dateWindow(now);
  return moment >= earliest && moment < latest;
}
