// Between the call form's fields and what the use cases take: texts per language ("title.fr"),
// amounts, ticked lists, checkboxes, and the dates as wall-clock times in the call's zone.
import { DateTime } from 'luxon';
import { type FormValues, list, one } from '../../../shared/form-values.ts';
import { type I18nText, locales } from '../../../shared/i18n-text.ts';
import type { CallRow } from './calls.repo.ts';
import type { CallInput } from './check-call.ts';

const texts = (values: FormValues, name: string): I18nText =>
  Object.fromEntries(locales.map((l) => [l, one(values[`${name}.${l}`]) ?? '']));
const text = (values: FormValues, name: string) => one(values[name]) ?? '';

export function callInput(values: FormValues): CallInput {
  return {
    funder: text(values, 'funder'),
    title: texts(values, 'title'),
    summary: texts(values, 'summary'),
    amountMin: text(values, 'amount_min'),
    amountMax: text(values, 'amount_max'),
    informalEligible: text(values, 'informal') === 'yes',
    kboRequired: text(values, 'kbo_required') === '1',
    themes: list(values.themes),
    communes: list(values.communes),
    allBrussels: text(values, 'all_brussels') === '1',
    opensAt: text(values, 'opens_at'),
    closesAt: text(values, 'closes_at'),
    timeZone: text(values, 'time_zone'),
    link: text(values, 'link'),
    publisherId: one(values.organisation) || undefined,
    version: one(values.version) || undefined,
  };
}

/** A moment as a wall-clock time in a zone, as the form's datetime-local fields take it. */
export const wallClock = (moment: Date, zone: string) =>
  DateTime.fromJSDate(moment, { zone }).toFormat("yyyy-MM-dd'T'HH:mm");

/** A stored call as the form shows it to change it. */
export function callValues(call: CallRow): FormValues {
  const values: FormValues = {
    funder: call.funder,
    amount_min: call.amountMin === null ? '' : String(call.amountMin),
    amount_max: call.amountMax === null ? '' : String(call.amountMax),
    informal: call.informalEligible ? 'yes' : 'no',
    kbo_required: call.kboRequired ? '1' : undefined,
    themes: call.themes,
    communes: call.communes,
    all_brussels: call.allBrussels ? '1' : undefined,
    opens_at: wallClock(call.opensAt, call.timeZone),
    closes_at: wallClock(call.closesAt, call.timeZone),
    time_zone: call.timeZone,
    link: call.link,
    version: String(call.version),
  };
  for (const name of ['title', 'summary'] as const)
    for (const l of locales) values[`${name}.${l}`] = call[name][l] ?? '';
  return values;
}
