// A service as a card to hand to the person who needs it: one printed page, or an SMS, in the
// person's language (nl, fr or en), which may differ from the reader's. Pure: the caller passes the
// service, the language and the moment.
import { DateTime } from 'luxon';
import { type Translator, translator } from '../../../i18n/index.ts';
import { type I18nText, type Locale, pickText } from '../../../shared/i18n-text.ts';
import { type HoursException, weekTable, type WeeklyHours, zone } from '../../../shared/opening-hours.ts';
import { geoReference, nearestStations } from '../../geo/index.ts';
import type { ServiceRecord } from '../directory.repo.ts';

/** An SMS text stays under this many characters (two SMS at most). */
export const smsLimit = 300;
/** Beyond this walk the nearest station is no help to get there on foot. */
const stationWalkLimit = 3000;
/** Streets are not straight lines: a walk is about this much longer than the distance as the crow flies. */
const walkDetour = 1.3;
/** Metres walked in a minute, at an easy pace (4.8 km/h). */
const walkPace = 80;
/** Dated closures and special hours shown when they start within this many days. */
const closuresAhead = 42;

/** A text from the data, with its language when it is not the card's (a missing translation). */
export interface CardText {
  text: string;
  lang?: Locale;
}

export interface CardPlace {
  name: CardText | null;
  /** Street and number; postcode and commune. */
  lines: string[];
  /** The place's own words on public transport. */
  transport: CardText | null;
  station: { name: string; metres: number; minutes: number } | null;
}

export interface ServiceCard {
  id: string;
  /** The card's language: the person's, chosen on the page. */
  locale: Locale;
  name: CardText;
  organisation: CardText;
  places: CardPlace[];
  phones: string[];
  /** The week, short: consecutive days with the same hours on one line. */
  week: { days: string; hours: string }[];
  closedOnPublicHolidays: boolean;
  /** Dated closures and special hours of the coming weeks, as "24 Dec–2 Jan: closed". */
  closures: string[];
  languages: string[];
  /** The service page in the card's language. */
  url: string;
  sms: string;
}

const clock = (time: string) => time.slice(0, 5).replace(/^0(\d)/, '$1');

function dayName(t: Translator, isoWeekday: number): string {
  // 2024-01-01 was a Monday.
  return DateTime.fromObject({ year: 2024, month: 1, day: isoWeekday }, { zone })
    .setLocale(t.locale)
    .toFormat('ccc');
}

/** The weekly hours that hold today, consecutive days with the same hours together ("Mon–Fri"). */
export function shortWeek(
  weekly: WeeklyHours[],
  today: string,
  t: Translator,
): { days: string; hours: string }[] {
  const table = weekTable(weekly, today);
  const hoursOn = (day: number) =>
    table
      .get(day)!
      .map((s) => `${clock(s.opens)}–${clock(s.closes)}`)
      .join(', ');
  const lines: { days: string; hours: string }[] = [];
  for (let day = 1; day <= 7; day++) {
    const hours = hoursOn(day);
    if (!hours) continue;
    let last = day;
    while (last < 7 && hoursOn(last + 1) === hours) last++;
    lines.push({
      days: last === day ? dayName(t, day) : `${dayName(t, day)}–${dayName(t, last)}`,
      hours,
    });
    day = last;
  }
  return lines;
}

/** Closures and special hours that start within the coming weeks, oldest first. */
export function comingClosures(exceptions: HoursException[], today: string, t: Translator): string[] {
  const horizon = DateTime.fromISO(today, { zone }).plus({ days: closuresAhead }).toISODate()!;
  const date = (iso: string) => DateTime.fromISO(iso, { zone }).setLocale(t.locale).toFormat('d LLL');
  return exceptions
    .filter((e) => e.endsOn >= today && e.startsOn <= horizon)
    .sort((a, b) => a.startsOn.localeCompare(b.startsOn))
    .slice(0, 3)
    .map((e) => {
      const when = e.startsOn === e.endsOn ? date(e.startsOn) : `${date(e.startsOn)}–${date(e.endsOn)}`;
      const what =
        e.closed || !e.opensAt || !e.closesAt
          ? t.t('directory.card.closed')
          : `${clock(e.opensAt)}–${clock(e.closesAt)}`;
      return t.t('directory.card.closure', { when, what });
    });
}

function cardText(value: I18nText | null | undefined, locale: Locale): CardText | null {
  const picked = pickText(value, locale);
  if (!picked) return null;
  return picked.fallback ? { text: picked.text, lang: picked.lang } : { text: picked.text };
}

type Location = Pick<
  ServiceRecord['serviceAtLocations'][number]['location'],
  'name' | 'address' | 'postcode' | 'locality' | 'latitude' | 'longitude' | 'communeNis' | 'transport'
>;
type Phone = Pick<ServiceRecord['phones'][number], 'number' | 'type' | 'serviceId'>;

/** What a card is made of: a service record as the service page reads it, or less. */
export interface CardSource {
  id: string;
  name: I18nText;
  languages: string[];
  schedules: WeeklyHours[];
  exceptions: HoursException[];
  closedOnPublicHolidays: boolean;
  phones: Phone[];
  serviceAtLocations: { location: Location }[];
  organisation: { name: I18nText; phones: Phone[] };
}

function placeOf(location: Location, locale: Locale): CardPlace {
  const commune = location.communeNis ? geoReference().commune(location.communeNis) : undefined;
  const town = commune?.name[locale] ?? location.locality;
  const [nearest] =
    location.latitude !== null && location.longitude !== null
      ? nearestStations({ lat: location.latitude, lon: location.longitude })
      : [];
  const metres = nearest ? Math.round((nearest.km * 1000 * walkDetour) / 50) * 50 : Infinity;
  return {
    name: cardText(location.name, locale),
    lines: [location.address ?? '', [location.postcode, town].filter(Boolean).join(' ')].filter(Boolean),
    transport: cardText(location.transport, locale),
    station:
      nearest && metres <= stationWalkLimit
        ? {
            name: nearest.station.names[locale],
            metres: Math.max(50, metres),
            minutes: Math.max(1, Math.round(metres / walkPace)),
          }
        : null,
  };
}

/**
 * The SMS: name, address, phone and hours, one per line, under `smsLimit` characters. When a long
 * name and long hours do not fit, the organisation's name goes first, then the hours are cut short.
 */
export function smsText(card: Omit<ServiceCard, 'sms'>, t: Translator): string {
  const length = (text: string) => [...text].length;
  const place = card.places[0];
  const rest = [
    place ? place.lines.join(', ') : '',
    card.phones[0] ? t.t('directory.card.sms_phone', { number: card.phones[0] }) : '',
  ].filter(Boolean);
  const hours = card.week.map((w) => `${w.days} ${w.hours}`).join('; ');
  const text = (name: string, hoursText: string) =>
    [name, ...rest, ...(hoursText ? [t.t('directory.card.sms_hours', { hours: hoursText })] : [])].join('\n');
  const named =
    card.organisation.text && card.organisation.text !== card.name.text
      ? `${card.name.text} (${card.organisation.text})`
      : card.name.text;
  for (const candidate of [text(named, hours), text(card.name.text, hours)])
    if (length(candidate) < smsLimit) return candidate;
  // The hours cut short by what is too much; if even that cannot do, the end of the text.
  const keep = length(hours) - (length(text(card.name.text, hours)) - (smsLimit - 1)) - 1;
  const cut = text(card.name.text, keep > 10 ? `${[...hours].slice(0, keep).join('')}…` : '');
  return length(cut) < smsLimit ? cut : `${[...cut].slice(0, smsLimit - 2).join('')}…`;
}

export function presentServiceCard(
  service: CardSource,
  locale: Locale,
  origin: string,
  now: DateTime = DateTime.now(),
): ServiceCard {
  const t = translator(locale);
  const today = now.setZone(zone).toISODate()!;
  const org = service.organisation;
  // Numbers one can call, the desk first (as the search index picks the result card's number).
  const rank = (p: Phone) => (p.type === 'voice' ? 0 : p.type === 'cell' ? 1 : 2);
  const callable = (list: Phone[]) =>
    list
      .filter((p) => p.type !== 'fax')
      .sort((a, b) => rank(a) - rank(b) || a.number.localeCompare(b.number));
  const own = callable(service.phones);
  const phones = (own.length ? own : callable(org.phones.filter((p) => !p.serviceId))).map((p) => p.number);
  const card: Omit<ServiceCard, 'sms'> = {
    id: service.id,
    locale,
    name: cardText(service.name, locale) ?? { text: '' },
    organisation: cardText(org.name, locale) ?? { text: '' },
    places: service.serviceAtLocations.slice(0, 3).map((sal) => placeOf(sal.location, locale)),
    phones: [...new Set(phones)].slice(0, 2),
    week: shortWeek(service.schedules, today, t),
    closedOnPublicHolidays: service.closedOnPublicHolidays,
    closures: comingClosures(service.exceptions, today, t),
    languages: service.languages.map((code) => t.language(code)),
    url: `${origin}/${locale}/services/${service.id}`,
  };
  return { ...card, sms: smsText(card, t) };
}
