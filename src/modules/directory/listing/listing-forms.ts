// Form values of the listing pages: what a form posts, and a record's texts spread over the three
// language fields ("name.nl", "name.fr", "name.en").
import type { FormValues } from '../../../shared/form-values.ts';
import { type I18nText, locales } from '../../../shared/i18n-text.ts';

export { type FormValues, list, one } from '../../../shared/form-values.ts';

/** The three language fields of a text, as one text. */
export const textOf = (body: Record<string, unknown>, name: string): I18nText =>
  Object.fromEntries(
    locales.map((l) => [l, typeof body[`${name}.${l}`] === 'string' ? body[`${name}.${l}`] : undefined]),
  ) as I18nText;

/** A text spread over its three language fields. */
export const spread = (name: string, value: I18nText | null): FormValues =>
  Object.fromEntries(locales.map((l) => [`${name}.${l}`, value?.[l] ?? '']));

/**
 * The prefix of the field names of one form on a page of several: "c-<id>" for a contact person,
 * "l-<id>" for a place, "new" for the form that adds one.
 */
export function partPrefix(kind: 'contacts' | 'locations', id: string | null | undefined): string {
  return id && id !== 'new' ? `${kind === 'contacts' ? 'c' : 'l'}-${id}` : 'new';
}
