// Moments as people in Brussels read them, in the reader's language: one Intl.DateTimeFormat per
// format and language, made on first use (a page of bookings or an agenda formats many times).
export const brusselsTimeZone = 'Europe/Brussels';

/** A format of moments in Brussels time, for a language or a reader who has one. */
export function brusselsFormat(
  options: Intl.DateTimeFormatOptions,
): (reader: string | { locale: string }, moment: Date) => string {
  const byLocale = new Map<string, Intl.DateTimeFormat>();
  return (reader, moment) => {
    const locale = typeof reader === 'string' ? reader : reader.locale;
    let formatter = byLocale.get(locale);
    if (!formatter)
      byLocale.set(
        locale,
        (formatter = new Intl.DateTimeFormat(locale, { ...options, timeZone: brusselsTimeZone })),
      );
    return formatter.format(moment);
  };
}

const dayFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: brusselsTimeZone,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The day of a moment in Brussels as an ISO date ("2026-12-06"): a card shows a day, not a time. */
export function brusselsDay(moment: Date): string {
  return dayFormat.format(moment);
}
