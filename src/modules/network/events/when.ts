// Times of events as people read them, in Brussels, in the reader's language
// ("jeudi 18 mars 2027, 09:30–16:00"). Each format is made once per language.
import { brusselsFormat as format } from '../../../shared/brussels-time.ts';
import { eventTimeZone } from './recurrence.ts';

interface Reader {
  locale: string;
}

/** "jeu." */
export const weekdayOf = format({ weekday: 'short' });
/** "09:30" */
export const timeOf = format({ hour: '2-digit', minute: '2-digit' });
/** "jeudi 18 mars 2027" */
export const dayOf = format({ weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
/** "18/03/2027" style short date, for a period over several days. */
const shortDayOf = format({ day: 'numeric', month: 'short', year: 'numeric' });
/** "2027-03-18" in Brussels. */
const isoDay = new Intl.DateTimeFormat('en-CA', { timeZone: eventTimeZone });
export const isoDayOf = (moment: Date) => isoDay.format(moment);

/** "jeudi 18 mars 2027, 09:30–16:00", or "18 mars 2027 09:30 – 20 mars 2027 16:00" over several days. */
export function spanOf(reader: Reader, period: { start: Date; end: Date }): string {
  if (isoDayOf(period.start) === isoDayOf(period.end))
    return `${dayOf(reader, period.start)}, ${timeOf(reader, period.start)}–${timeOf(reader, period.end)}`;
  return `${shortDayOf(reader, period.start)} ${timeOf(reader, period.start)} – ${shortDayOf(reader, period.end)} ${timeOf(reader, period.end)}`;
}
