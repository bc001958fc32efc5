// Times as people read them, on pages and in e-mails: in Brussels, in the reader's language
// ("lundi 7 décembre, 18:00–21:00").
import { roomTimeZone } from '../spaces.vocabulary.ts';

interface Reader {
  locale: string;
}

export const timeOf = (reader: Reader, moment: Date) =>
  new Intl.DateTimeFormat(reader.locale, {
    hour: '2-digit',
    minute: '2-digit',
    timeZone: roomTimeZone,
  }).format(moment);

export const dayOf = (reader: Reader, moment: Date) =>
  new Intl.DateTimeFormat(reader.locale, {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    timeZone: roomTimeZone,
  }).format(moment);

/** "lundi 7 décembre, 18:00–21:00" */
export const spanOf = (reader: Reader, period: { start: Date; end: Date }) =>
  `${dayOf(reader, period.start)}, ${timeOf(reader, period.start)}–${timeOf(reader, period.end)}`;

/** "7 décembre 2026", for a range of dates. */
export const dateOf = (reader: Reader, moment: Date) =>
  new Intl.DateTimeFormat(reader.locale, {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: roomTimeZone,
  }).format(moment);
