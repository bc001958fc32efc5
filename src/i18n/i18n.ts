// Messages in ICU MessageFormat, one file per locale for the kernel and for each module
// (catalogue.ts). The English files define the keys; a test fails when another locale misses one
// or uses other arguments.
import { escapeHtml } from '@kitajs/html';
import { IntlMessageFormat } from 'intl-messageformat';
import Negotiator from 'negotiator';
import { type Locale, locales } from '../shared/i18n-text.ts';
import { type MessageKey, messageSources } from './catalogue.ts';

export type { MessageKey };
export type MessageValues = Record<string, string | number | boolean | Date | null | undefined>;

/** Every message, merged per locale. */
export const catalogues = Object.fromEntries(
  locales.map((locale) => [
    locale,
    Object.assign({}, ...Object.values(messageSources).map((source) => source[locale])),
  ]),
) as Record<Locale, Record<string, string>>;
/** When the reader's browser names none of our languages: French is the one most Brussels residents read. */
export const defaultLocale: Locale = 'fr';
export const timeZone = 'Europe/Brussels';

export interface Translator {
  locale: Locale;
  /** The message as plain text, for attributes and code. */
  t(key: MessageKey, values?: MessageValues): string;
  /** The message escaped for HTML element content (the values may come from users). */
  html(key: MessageKey, values?: MessageValues): JSX.Element;
  /** Whether a key exists, for vocabularies whose labels are looked up by code. */
  has(key: string): boolean;
  /** The name of a language (BCP 47 code) in the reader's language. */
  language(code: string): string;
  /** "a, b and c" in the reader's language. */
  list(items: string[]): string;
  date(value: Date | string, style?: 'long' | 'medium' | 'short'): string;
  /** Day and time in Brussels, e.g. "24 nov. 2026, 14:05". */
  dateTime(value: Date): string;
  /** A calendar month "2026-03": "Mar 2026" (short) or "March 2026" (long). */
  month(month: string, style?: 'long' | 'short'): string;
  number(value: number): string;
}

function buildTranslator(locale: Locale): Translator {
  const messages = catalogues[locale];
  const compiled = new Map<string, IntlMessageFormat>();
  const languageNames = new Intl.DisplayNames([locale], { type: 'language', fallback: 'code' });
  const languageNamesKept = new Map<string, string>();
  const listFormat = new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' });
  const dateFormats = {
    long: new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone }),
    medium: new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone }),
    short: new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeZone }),
  };
  const dateTimeFormat = new Intl.DateTimeFormat(locale, {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone,
  });
  const monthFormats = {
    long: new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone }),
    short: new Intl.DateTimeFormat(locale, { month: 'short', year: 'numeric', timeZone }),
  };
  const numberFormat = new Intl.NumberFormat(locale);
  const translator: Translator = {
    locale,
    t(key, values) {
      let format = compiled.get(key);
      if (!format) {
        const message = messages[key] ?? catalogues.en[key];
        if (message === undefined) {
          // Tests render every page: a key missing everywhere (a typo, a renamed prefix) fails them.
          if (process.env.VITEST) throw new Error(`No message "${key}" in any locale`);
          return key;
        }
        format = new IntlMessageFormat(message, locale);
        compiled.set(key, format);
      }
      return String(format.format(values as Record<string, string>));
    },
    html: (key, values) => escapeHtml(translator.t(key, values)),
    has: (key) => key in messages,
    language(code) {
      let name = languageNamesKept.get(code);
      if (name === undefined) {
        // French writes language names in lower case ("arabe"), as Intl gives them.
        name = messages[`language.${code}`] || (languageNames.of(code) ?? code);
        // Kept: a directory page names a few hundred languages, and Intl.DisplayNames took most of
        // its time. Codes come from listings and filters, so a flood of odd ones stops the keeping.
        if (languageNamesKept.size < 2000) languageNamesKept.set(code, name);
      }
      return name;
    },
    list: (items) => listFormat.format(items),
    date(value, style = 'long') {
      // A bare date ("2026-05-01") is a calendar day: read it at noon so no time zone moves it.
      const date =
        typeof value === 'string' ? new Date(value.length === 10 ? `${value}T12:00:00Z` : value) : value;
      return dateFormats[style].format(date);
    },
    dateTime: (value) => dateTimeFormat.format(value),
    // Mid-month at noon: no time zone moves it into another month.
    month: (month, style = 'short') => monthFormats[style].format(new Date(`${month}-15T12:00:00Z`)),
    number: (value) => numberFormat.format(value),
  };
  return translator;
}

const translators = Object.fromEntries(locales.map((l) => [l, buildTranslator(l)])) as Record<
  Locale,
  Translator
>;

export function translator(locale: Locale): Translator {
  return translators[locale];
}

/** The best of our locales for an Accept-Language header. */
export function negotiateLocale(acceptLanguage: string | undefined): Locale {
  if (!acceptLanguage) return defaultLocale;
  // The default goes first so that a bare "*" picks it.
  const available = [defaultLocale, ...locales.filter((l) => l !== defaultLocale)];
  const preferred = new Negotiator({ headers: { 'accept-language': acceptLanguage } }).languages(available);
  return (preferred[0] as Locale | undefined) ?? defaultLocale;
}
