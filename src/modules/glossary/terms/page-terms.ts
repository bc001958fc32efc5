// The glossary's concepts named in the texts a page shows, presented for its reader: each concept's
// name in the reader's language, its words in every language (the reader's first), its definition
// in the reader's language (or the next one the site falls back to), and its page. The matching and
// the presented concepts are made once per glossary edition and language; a page costs one walk over
// its texts' words (about 0.1 ms for 2 KB), and a text seen again (a hot page) only a lookup.
// Concepts of everyday words ("children", "appointment") are not listed (everyday-concepts.ts).
import { LRUCache } from 'lru-cache';
import type { Locale } from '../../../shared/i18n-text.ts';
import type { GlossaryLanguage } from '../glossary.vocabulary.ts';
import { type ConceptTitle, conceptTitle, titleOrder } from '../pages/concept-title.ts';
import type { GlossaryStore } from '../snapshot/glossary-store.ts';
import type { GlossarySnapshot } from '../snapshot/glossary-snapshot.ts';
import { shownUnderPages } from './everyday-concepts.ts';
import { termMatcher } from './term-matcher.ts';
import { cacheBudget } from '../../../shared/cache-budgets.ts';

export interface PageTerm {
  slug: string;
  title: ConceptTitle;
  /** Languages with words, the reader's first; the preferred word first in each. */
  words: { language: GlossaryLanguage; texts: string[] }[];
  definition: { language: GlossaryLanguage; text: string } | null;
}

/** At most this many terms under one page. */
export const termsPerPage = 20;

function presentAll(snapshot: GlossarySnapshot, locale: Locale): Map<string, PageTerm> {
  const order = titleOrder[locale];
  const terms = new Map<string, PageTerm>();
  for (const concept of snapshot.concepts) {
    const preferred: Partial<Record<GlossaryLanguage, string>> = {};
    for (const label of concept.labels)
      if (label.kind === 'preferred') preferred[label.language] = label.text;
    const words = order
      .map((language) => ({
        language,
        texts: concept.labels.filter((l) => l.language === language).map((l) => l.text),
      }))
      .filter((w) => w.texts.length);
    const language = order.find((l) => concept.definition[l]);
    terms.set(concept.slug, {
      slug: concept.slug,
      title: conceptTitle(preferred, locale, concept.slug),
      words,
      definition: language ? { language, text: concept.definition[language]! } : null,
    });
  }
  return terms;
}

/** The glossary's concepts named in the texts, in the order they first appear, for the reader; none without a glossary. */
export async function glossaryTermsIn(
  store: GlossaryStore,
  texts: readonly string[],
  locale: Locale,
): Promise<PageTerm[]> {
  // Without the glossary (the database unreachable at its first reading) the page goes on without.
  const glossary = await store.keptOrNone();
  if (!glossary) return [];
  const matcher = glossary.derived('terms matcher', (s) => termMatcher(s.concepts.filter(shownUnderPages)));
  const presented = glossary.derived(`terms ${locale}`, (s) => presentAll(s, locale));
  const seen = glossary.derived(
    'terms seen',
    () =>
      new LRUCache<string, string[]>({
        max: 5_000,
        maxSize: cacheBudget('glossaryPageTerms'),
        sizeCalculation: (_, key) => key.length + 1,
      }),
  );
  const key = `${locale}\u0000${texts.join('\u0001')}`;
  let slugs = seen.get(key);
  if (!slugs) {
    slugs = matcher.find(texts, titleOrder[locale], termsPerPage);
    seen.set(key, slugs);
  }
  return slugs.map((slug) => presented.get(slug)).filter((term): term is PageTerm => Boolean(term));
}
