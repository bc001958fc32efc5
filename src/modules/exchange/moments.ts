// Dates, moments and amounts as a reader writes them, with one Intl formatter per language (and time
// zone) made on first use: making one costs far more than formatting with it, and a page of calls
// formats two moments a card.
const formatters = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();

function formatter<T extends Intl.DateTimeFormat | Intl.NumberFormat>(key: string, make: () => T): T {
  let made = formatters.get(key) as T | undefined;
  if (!made) formatters.set(key, (made = make()));
  return made;
}

/** A moment in a zone: "Friday 5 June 2026 at 17:00", with the zone's name when not Brussels. */
export function momentIn(locale: string, moment: Date, zone: string): string {
  const text = formatter(
    `moment:${locale}:${zone}`,
    () => new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeStyle: 'short', timeZone: zone }),
  ).format(moment);
  return zone === 'Europe/Brussels' ? text : `${text} (${zone})`;
}

/** A calendar day (YYYY-MM-DD), read at noon so no time zone moves it: "5 June 2026". */
export const dayIn = (locale: string, day: string): string =>
  formatter(
    `day:${locale}`,
    () => new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }),
  ).format(new Date(`${day}T12:00:00Z`));

/** Whole euros: "€ 5.000". */
export const eurosIn = (locale: string, amount: number): string =>
  formatter(
    `euros:${locale}`,
    () => new Intl.NumberFormat(locale, { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 }),
  ).format(amount);
