// Times as people read them, on pages and in e-mails: in Brussels, in the reader's language
// ("lundi 7 décembre, 18:00–21:00"). Each format is made once per language: a page of bookings
// formats many times.
import { brusselsFormat as format } from '../../../shared/brussels-time.ts';

interface Reader {
  locale: string;
}

/** "18:00" */
export const timeOf = format({ hour: '2-digit', minute: '2-digit' });

/** "lundi 7 décembre" */
export const dayOf = format({ weekday: 'long', day: 'numeric', month: 'long' });

/** "7 décembre 2026", for a range of dates. */
export const dateOf = format({ day: 'numeric', month: 'long', year: 'numeric' });

/** "lundi 7 décembre, 18:00–21:00" */
export const spanOf = (reader: Reader, period: { start: Date; end: Date }) =>
  `${dayOf(reader, period.start)}, ${timeOf(reader, period.start)}–${timeOf(reader, period.end)}`;
