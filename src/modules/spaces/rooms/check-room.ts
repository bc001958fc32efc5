// A room as its owners describe it, checked the same for the form and the API: each problem with
// its field and a code whose message is "fields.<code>". Pure: the place is checked by the use case.
import type { FieldProblem } from '../../../shared/errors.ts';
import { cleanText, type I18nText, locales } from '../../../shared/i18n-text.ts';
import { isEmailAddress } from '../../../shared/shapes.ts';
import {
  accessibilityFeatures,
  type ConfirmationMode,
  confirmationModes,
  equipmentItems,
  roomConditions,
  roomLimits,
  type WhoMayAsk,
  whoMayAsk,
} from '../spaces.vocabulary.ts';

/** What a form or the API gives: texts as typed, lists of codes. */
export interface RoomInput {
  name: I18nText;
  description?: I18nText;
  locationId: string;
  capacity: string;
  floorArea?: string;
  accessibility?: string[];
  equipment?: string[];
  /** Euros an hour, "0" or empty for free. */
  hourlyPrice?: string;
  conditions?: string[];
  conditionsNote?: I18nText;
  whoMayAsk?: string;
  monthlyQuotaHours?: string;
  contactName?: string;
  contactEmail?: string;
  contactPhone?: string;
  minMinutes: string;
  maxMinutes: string;
  noticeHours: string;
  confirmation?: string;
}

export interface RoomValues {
  name: I18nText;
  description: I18nText;
  locationId: string;
  capacity: number;
  floorArea: number | null;
  accessibility: string[];
  equipment: string[];
  hourlyPriceCents: number;
  conditions: string[];
  conditionsNote: I18nText;
  whoMayAsk: WhoMayAsk;
  monthlyQuotaHours: number | null;
  contactName: string | null;
  contactEmail: string | null;
  contactPhone: string | null;
  minMinutes: number;
  maxMinutes: number;
  noticeHours: number;
  confirmation: ConfirmationMode;
}

const phoneShape = /^\+?[0-9][0-9 ./()-]{5,24}$/;

export function checkRoom(input: RoomInput): { problems: FieldProblem[]; value?: RoomValues } {
  const problems: FieldProblem[] = [];
  const problem = (field: string, code: string) => problems.push({ field, message: code, code });

  /** A whole number within limits; null when empty and allowed to be. */
  const whole = (
    field: string,
    text: string | undefined,
    limits: { min: number; max: number },
    code: string,
    optional = false,
  ) => {
    const t = (text ?? '').trim();
    if (!t) {
      if (!optional) problem(field, 'required');
      return null;
    }
    const n = /^\d{1,7}$/.test(t) ? Number(t) : NaN;
    if (!Number.isInteger(n) || n < limits.min || n > limits.max) {
      problem(field, code);
      return null;
    }
    return n;
  };

  const name = cleanText(input.name);
  if (!Object.keys(name).length) problem('name', 'name_one_language');
  for (const l of locales) if ((name[l] ?? '').length > 200) problem(`name.${l}`, 'too_long_200');
  const description = cleanText(input.description);
  for (const l of locales)
    if ((description[l] ?? '').length > 2000) problem(`description.${l}`, 'too_long_2000');
  const conditionsNote = cleanText(input.conditionsNote);
  for (const l of locales)
    if ((conditionsNote[l] ?? '').length > 1000) problem(`conditions_note.${l}`, 'too_long_1000');

  if (!input.locationId) problem('location', 'room_location');
  const capacity = whole('capacity', input.capacity, roomLimits.capacity, 'room_capacity');
  const floorArea = whole('floor_area', input.floorArea, roomLimits.floorArea, 'room_floor_area', true);
  const quota = whole(
    'monthly_quota_hours',
    input.monthlyQuotaHours,
    roomLimits.monthlyQuotaHours,
    'room_quota',
    true,
  );
  const minMinutes = whole('min_minutes', input.minMinutes, roomLimits.bookingMinutes, 'room_length');
  const maxMinutes = whole('max_minutes', input.maxMinutes, roomLimits.bookingMinutes, 'room_length');
  if (minMinutes !== null && maxMinutes !== null && minMinutes > maxMinutes)
    problem('max_minutes', 'room_length_order');
  const noticeHours = whole('notice_hours', input.noticeHours, roomLimits.noticeHours, 'room_notice');

  const priceText = (input.hourlyPrice ?? '').trim().replace(',', '.');
  let hourlyPriceCents = 0;
  if (priceText) {
    const euros = /^\d{1,4}(\.\d{1,2})?$/.test(priceText) ? Number(priceText) : NaN;
    if (Number.isNaN(euros) || euros * 100 > roomLimits.hourlyPriceCents.max)
      problem('hourly_price', 'room_price');
    else hourlyPriceCents = Math.round(euros * 100);
  }

  const codes = (field: string, given: string[] | undefined, known: readonly string[]) => {
    const list = [...new Set(given ?? [])];
    if (list.some((c) => !known.includes(c))) problem(field, 'choose_one');
    return list.filter((c) => known.includes(c));
  };
  const accessibility = codes('accessibility', input.accessibility, accessibilityFeatures);
  const equipment = codes('equipment', input.equipment, equipmentItems);
  const conditions = codes('conditions', input.conditions, roomConditions);
  const who = (input.whoMayAsk || 'any_organisation') as WhoMayAsk;
  if (!whoMayAsk.includes(who)) problem('who_may_ask', 'choose_one');
  const confirmation = (input.confirmation || 'approval') as ConfirmationMode;
  if (!confirmationModes.includes(confirmation)) problem('confirmation', 'choose_one');

  const contactName = input.contactName?.trim() || null;
  if (contactName && contactName.length > 100) problem('contact_name', 'too_long_100');
  const contactEmail = input.contactEmail?.trim() || null;
  if (contactEmail && !isEmailAddress(contactEmail)) problem('contact_email', 'email_invalid');
  const contactPhone = input.contactPhone?.trim() || null;
  if (contactPhone && !phoneShape.test(contactPhone)) problem('contact_phone', 'phone_invalid');

  if (
    problems.length ||
    capacity === null ||
    minMinutes === null ||
    maxMinutes === null ||
    noticeHours === null
  )
    return { problems };
  return {
    problems,
    value: {
      name,
      description,
      locationId: input.locationId,
      capacity,
      floorArea,
      accessibility,
      equipment,
      hourlyPriceCents,
      conditions,
      conditionsNote,
      whoMayAsk: who,
      monthlyQuotaHours: quota,
      contactName,
      contactEmail,
      contactPhone,
      minMinutes,
      maxMinutes,
      noticeHours,
      confirmation,
    },
  };
}

/** The weekly windows of a form: per day (1 = Monday) up to two, "opens"/"closes" as "18:00". */
export type WeekInput = Record<number, { opens: string; closes: string }[]>;

const timeShape = /^([01]\d|2[0-3]):[0-5]\d$/;
/** Midnight ends a day: "24:00", or "00:00" as the end (what a browser's time field sends). */
const midnight = /^(24|00):00$/;
const minutesOf = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

/** The week's windows grouped by their times (one RFC 5545 rule each), or the problems per day and window. */
export function checkWeek(week: WeekInput): {
  problems: FieldProblem[];
  windows: { days: number[]; opens: string; minutes: number }[];
} {
  const problems: FieldProblem[] = [];
  const byTimes = new Map<string, { days: number[]; opens: string; minutes: number }>();
  for (let day = 1; day <= 7; day++) {
    let previousEnd = -1;
    (week[day] ?? []).forEach(({ opens, closes }, i) => {
      const field = `d${day}w${i + 1}`;
      const [o, c] = [opens.trim(), closes.trim()];
      if (!o && !c) return;
      const code =
        !o || !c
          ? 'hours_both'
          : !timeShape.test(o) || !(timeShape.test(c) || midnight.test(c))
            ? 'hours_time'
            : null;
      if (code) return void problems.push({ field, message: code, code });
      const [start, end] = [minutesOf(o), midnight.test(c) ? 1440 : minutesOf(c)];
      if (end <= start)
        return void problems.push({ field, message: 'room_window_order', code: 'room_window_order' });
      if (start < previousEnd)
        return void problems.push({ field, message: 'hours_overlap', code: 'hours_overlap' });
      previousEnd = end;
      const key = `${o}-${c}`;
      const entry = byTimes.get(key) ?? { days: [], opens: o, minutes: end - start };
      entry.days.push(day);
      byTimes.set(key, entry);
    });
  }
  return { problems, windows: problems.length ? [] : [...byTimes.values()] };
}
