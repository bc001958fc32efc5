// Small shapes shared by the HSDS presenters. Objects HSDS needs ids for but Passerelle stores as
// values (languages, addresses, attributes) get stable name-based UUIDs, so the same thing keeps the
// same id across calls.
import { v5 as uuidv5 } from 'uuid';
import { type I18nText, type Locale, textIn } from '../../shared/i18n-text.ts';

/** Namespace for Passerelle's derived HSDS ids. */

export const namespace = '6f1d1f0e-5a47-4c43-9b0c-9a3e1c2b7d10';
export const derivedId = (...parts: string[]) => uuidv5(parts.join('|'), namespace);

export const zone = 'Europe/Brussels';
export const weekdays = ['', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];
export const statusOf = {
  active: 'active',
  inactive: 'inactive',
  defunct: 'defunct',
  temporarily_closed: 'temporarily closed',
};

/** Drops undefined, null and empty strings: HSDS fields are optional but, when present, typed. */
export function compact<T extends Record<string, unknown>>(value: T): T {
  return Object.fromEntries(
    Object.entries(value).filter(([, v]) => v !== undefined && v !== null && v !== ''),
  ) as T;
}

export function text(value: I18nText | null | undefined, locale: Locale): string | undefined {
  return textIn(value, locale) || undefined;
}

export function iso(value: Date | string): string {
  return value instanceof Date ? value.toISOString() : new Date(value).toISOString();
}
