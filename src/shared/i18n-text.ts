// Every human-readable field of the platform is stored in nl, fr and en; any may be missing.
export const locales = ['nl', 'fr', 'en'] as const;
export type Locale = (typeof locales)[number];
export type I18nText = Partial<Record<Locale, string>>;

/** Which language to show when the reader's is missing: the other community language first. */
const fallbackOrder: Record<Locale, Locale[]> = {
  nl: ['nl', 'en', 'fr'],
  fr: ['fr', 'en', 'nl'],
  en: ['en', 'fr', 'nl'],
};

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (locales as readonly string[]).includes(value);
}

export interface PickedText {
  text: string;
  /** The language the text is actually written in. */
  lang: Locale;
  /** True when the reader's language was missing and another one is shown. */
  fallback: boolean;
}

export function pickText(value: I18nText | null | undefined, locale: Locale): PickedText | null {
  if (!value) return null;
  for (const lang of fallbackOrder[locale]) {
    const text = value[lang]?.trim();
    if (text) return { text, lang, fallback: lang !== locale };
  }
  return null;
}

/** The text in the reader's language or the best fallback, or '' when there is none. */
export function textIn(value: I18nText | null | undefined, locale: Locale): string {
  return pickText(value, locale)?.text ?? '';
}

/** Drops empty translations so that "missing" has one representation. */
export function cleanText(value: I18nText | null | undefined): I18nText {
  const out: I18nText = {};
  for (const lang of locales) {
    const text = value?.[lang]?.trim();
    if (text) out[lang] = text;
  }
  return out;
}
