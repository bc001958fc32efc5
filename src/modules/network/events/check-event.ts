// An event as its organisation's editors describe it, checked for the form: each problem with its
// field and a code whose message is "fields.<code>". Pure: the organisation's places and the
// directory's words are given by the use case.
import { DateTime } from 'luxon';
import type { FieldProblem } from '../../../shared/errors.ts';
import { cleanText, type I18nText, locales } from '../../../shared/i18n-text.ts';
import {
  type EventKind,
  eventKinds,
  eventLimits,
  type EventPlaceKind,
  eventPlaceKinds,
  type WhoMayRegister,
  whoMayRegister,
} from '../network.vocabulary.ts';
import { eventTimeZone, expandDates, type RepeatInput, ruleOf } from './recurrence.ts';

/** What the form gives: texts as typed, lists of codes. */
export interface EventInput extends RepeatInput {
  kind: string;
  title: I18nText;
  description?: I18nText;
  placeKind: string;
  locationId?: string;
  address?: string;
  communeNis?: string;
  onlineUrl?: string;
  /** Brussels time: "2027-03-18" and "09:30"; the end's date is the start's when empty. */
  startDate: string;
  startTime: string;
  endDate?: string;
  endTime: string;
  capacity?: string;
  whoMayRegister?: string;
  languages?: string[];
  themes?: string[];
}

export interface EventValues {
  kind: EventKind;
  title: I18nText;
  description: I18nText;
  placeKind: EventPlaceKind;
  locationId: string | null;
  address: string | null;
  communeNis: string | null;
  onlineUrl: string | null;
  startsAt: Date;
  endsAt: Date;
  rule: string | null;
  capacity: number | null;
  whoMayRegister: WhoMayRegister;
  languages: string[];
  themes: string[];
}

/** What the directory and geo know, for the codes an event may use. */
export interface EventWords {
  /** The organisation's places: id and commune. */
  places: { id: string; communeNis: string | null }[];
  communes: readonly string[];
  languages: readonly string[];
  themes: readonly string[];
}

const dateShape = /^\d{4}-\d{2}-\d{2}$/;
const timeShape = /^([01]\d|2[0-3]):[0-5]\d$/;

function webAddress(text: string): string | null {
  if (text.length > 500 || /\s/.test(text)) return null;
  try {
    const url = new URL(text);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname.includes('.')
      ? url.href
      : null;
  } catch {
    return null;
  }
}

function moment(date: string, time: string): DateTime | null {
  if (!dateShape.test(date) || !timeShape.test(time)) return null;
  const at = DateTime.fromISO(`${date}T${time}`, { zone: eventTimeZone });
  return at.isValid ? at : null;
}

export function checkEvent(
  input: EventInput,
  words: EventWords,
): { problems: FieldProblem[]; value?: EventValues; dates?: { start: Date; end: Date }[] } {
  const problems: FieldProblem[] = [];
  const problem = (field: string, code: string) => problems.push({ field, message: code, code });

  const kind = input.kind as EventKind;
  if (!eventKinds.includes(kind)) problem('kind', 'choose_one');
  const title = cleanText(input.title);
  if (!Object.keys(title).length) problem('title', 'event_title');
  for (const l of locales)
    if ((title[l] ?? '').length > eventLimits.title) problem(`title.${l}`, 'too_long_200');
  const description = cleanText(input.description);
  for (const l of locales)
    if ((description[l] ?? '').length > eventLimits.description)
      problem(`description.${l}`, 'event_text_long');

  const placeKind = input.placeKind as EventPlaceKind;
  let locationId: string | null = null;
  let address: string | null = null;
  let communeNis: string | null = null;
  let onlineUrl: string | null = null;
  if (!eventPlaceKinds.includes(placeKind)) problem('place_kind', 'choose_one');
  else if (placeKind === 'place') {
    const place = words.places.find((p) => p.id === (input.locationId ?? '').trim().toLowerCase());
    if (!place) problem('location', 'event_location');
    else [locationId, communeNis] = [place.id, place.communeNis];
  } else if (placeKind === 'address') {
    address = (input.address ?? '').trim() || null;
    if (!address) problem('address', 'event_address');
    else if (address.length > eventLimits.address) problem('address', 'event_address_long');
    communeNis = (input.communeNis ?? '').trim() || null;
    if (!communeNis || !words.communes.includes(communeNis)) problem('commune', 'event_commune');
  } else {
    const text = (input.onlineUrl ?? '').trim();
    onlineUrl = text ? webAddress(text) : null;
    if (!text) problem('online_url', 'event_online_url');
    else if (!onlineUrl) problem('online_url', 'url_invalid');
  }

  const start = moment(input.startDate.trim(), input.startTime.trim());
  const end = moment((input.endDate ?? '').trim() || input.startDate.trim(), input.endTime.trim());
  if (!start) problem('start_date', 'event_time');
  // An end on the start's day is refused with the start, not twice.
  if (!end && (start || (input.endDate ?? '').trim())) problem('end_time', 'event_time');
  let dates: { start: Date; end: Date }[] | undefined;
  let rule: string | null = null;
  if (start && end) {
    const minutes = end.diff(start, 'minutes').minutes;
    if (minutes <= 0) problem('end_time', 'date_order');
    else if (minutes < eventLimits.lengthMinutes.min || minutes > eventLimits.lengthMinutes.max)
      problem('end_time', 'event_length');
    else {
      const made = ruleOf(input, start);
      if ('problems' in made) for (const p of made.problems) problem(p.field, p.code);
      else {
        rule = made.rule;
        const expanded = expandDates(rule, start.toJSDate(), end.toJSDate());
        if ('problem' in expanded) problem(rule ? 'repeat' : 'start_date', expanded.problem);
        else dates = expanded.dates;
      }
    }
  }

  const capacityText = (input.capacity ?? '').trim();
  let capacity: number | null = null;
  if (capacityText) {
    const n = /^\d{1,7}$/.test(capacityText) ? Number(capacityText) : NaN;
    if (!Number.isInteger(n) || n < eventLimits.capacity.min || n > eventLimits.capacity.max)
      problem('capacity', 'event_capacity');
    else capacity = n;
  }
  const who = (input.whoMayRegister || 'everyone') as WhoMayRegister;
  if (!whoMayRegister.includes(who)) problem('who_may_register', 'choose_one');
  const codes = (field: string, given: string[] | undefined, known: readonly string[]) => {
    const chosen = [...new Set(given ?? [])];
    if (chosen.some((c) => !known.includes(c))) problem(field, 'choose_one');
    return chosen.filter((c) => known.includes(c));
  };
  const languages = codes('languages', input.languages, words.languages);
  const themes = codes('themes', input.themes, words.themes);

  if (problems.length || !start || !end || !dates) return { problems };
  return {
    problems,
    dates,
    value: {
      kind,
      title,
      description,
      placeKind,
      locationId,
      address,
      communeNis,
      onlineUrl,
      startsAt: start.toJSDate(),
      endsAt: end.toJSDate(),
      rule,
      capacity,
      whoMayRegister: who,
      languages,
      themes,
    },
  };
}
