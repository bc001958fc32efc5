// Times as people read them, on pages and in e-mails: in Brussels, in the reader's language
// ("lundi 7 décembre, 18:00–21:00"). Each format is made once per language: a page of bookings
// formats many times.
import { roomTimeZone } from '../spaces.vocabulary.ts';

interface Reader {
  locale: string;
}

function format(options: Intl.DateTimeFormatOptions) {
  const byLocale = new Map<string, Intl.DateTimeFormat>();
  return (reader: Reader, moment: Date): string => {
    let formatter = byLocale.get(reader.locale);
    if (!formatter)
      byLocale.set(
        reader.locale,
        (formatter = new Intl.DateTimeFormat(reader.locale, { ...options, timeZone: roomTimeZone })),
      );
    return formatter.format(moment);
  };
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
