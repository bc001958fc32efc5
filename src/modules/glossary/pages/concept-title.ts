// Which of a concept's preferred words names it for a reader: the one in the reader's language, or
// else the site's fallback order (the other community language first), then Arabic; and the order
// of names in the reader's language (ICU through Intl.Collator, so "Ééntje" sorts with "E").
import type { Locale } from '../../../shared/i18n-text.ts';
import type { GlossaryLanguage } from '../glossary.vocabulary.ts';

/** The site's fallback order per reader, then Arabic (a reader never reads the site in Arabic). */
export const titleOrder: Record<Locale, readonly GlossaryLanguage[]> = {
  nl: ['nl', 'en', 'fr', 'ar'],
  fr: ['fr', 'en', 'nl', 'ar'],
  en: ['en', 'fr', 'nl', 'ar'],
};

export interface ConceptTitle {
  text: string;
  language: GlossaryLanguage;
  /** Not in the reader's language: the view marks it. */
  fallback: boolean;
}

/** The concept's name for a reader from its preferred word per language; its slug when it has none. */
export function conceptTitle(
  preferred: Partial<Record<GlossaryLanguage, string>>,
  locale: Locale,
  slug: string,
): ConceptTitle {
  for (const language of titleOrder[locale]) {
    const text = preferred[language];
    if (text) return { text, language, fallback: language !== locale };
  }
  return { text: slug, language: locale, fallback: false };
}

const collators = new Map<Locale, Intl.Collator>();

/** Compares names as the reader's language sorts them: case and accents second, numbers as numbers. */
export function compareNames(locale: Locale): (a: string, b: string) => number {
  let collator = collators.get(locale);
  if (!collator) {
    collator = new Intl.Collator(locale, { sensitivity: 'base', numeric: true });
    collators.set(locale, collator);
  }
  const compare = collator.compare;
  return (a, b) => compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);
}
