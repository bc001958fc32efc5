// The glossary's list: every concept (or those with a word starting with what was searched, in any
// language), named by its preferred word in the reader's language with its preferred words in the
// others, sorted as the reader's language sorts and cut into pages. A search is folded as the
// glossary folds its words (labels/fold-label.ts), so "cpas", "CPAS" and "Cpas" are one, and it
// matches the start of a word or of any of its parts ("integration" finds "revenu d'intégration").
// It is read from this process's copy of the glossary (snapshot/): the concepts sorted in the
// reader's language are made once per edition, so a page is a filter and a slice, not a query; the
// sort follows ICU rather than the database's collation. With a search, the concepts
// with a word equal to it come first, then those with a word starting with it, then those with a
// part of a word starting with it ("OCMW" puts CPAS/OCMW before "OCMW-raad"), each group sorted.
import type { Locale } from '../../../shared/i18n-text.ts';
import type { GlossaryLanguage } from '../glossary.vocabulary.ts';
import { foldLabel } from '../labels/fold-label.ts';
import type { SnapshotLabel } from '../snapshot/glossary-snapshot.ts';
import type { LoadedGlossary } from '../snapshot/glossary-store.ts';
import { compareNames, type ConceptTitle, conceptTitle, titleOrder } from './concept-title.ts';

export interface ConceptListSearch {
  /** What was typed, as typed (already trimmed). */
  q?: string;
  page: number;
  perPage: number;
}

export interface ConceptListItem {
  slug: string;
  title: ConceptTitle;
  /** The preferred word in each other language that has one, in the reader's fallback order. */
  equivalents: { language: GlossaryLanguage; text: string }[];
  /** With a search, up to three of its other words that matched (synonyms, abbreviations): why it is here. */
  matched: { language: GlossaryLanguage; text: string }[];
}

export interface ConceptList {
  items: ConceptListItem[];
  page: number;
  perPage: number;
  total: number;
  totalPages: number;
  /** A search was typed, but nothing of it is a letter or a digit. */
  noWords: boolean;
}

/** How closely a matched word meets the search: 0 equal, 1 starting with it, 2 a part starting with it. */
export function matchRank(folded: string, search: string): 0 | 1 | 2 {
  if (folded === search) return 0;
  return folded.startsWith(search) ? 1 : 2;
}

interface Entry {
  slug: string;
  title: ConceptTitle;
  equivalents: ConceptListItem['equivalents'];
  labels: SnapshotLabel[];
}

/** Every concept named and sorted for the reader's language: made once per edition and language. */
function sortedEntries(glossary: LoadedGlossary, locale: Locale): Entry[] {
  return glossary.derived(`list:${locale}`, ({ concepts }) => {
    const compare = compareNames(locale);
    return concepts
      .map((concept) => {
        const words: Partial<Record<GlossaryLanguage, string>> = {};
        for (const label of concept.labels)
          if (label.kind === 'preferred') words[label.language] = label.text;
        const title = conceptTitle(words, locale, concept.slug);
        return {
          slug: concept.slug,
          title,
          equivalents: titleOrder[locale]
            .filter((language) => language !== title.language && words[language])
            .map((language) => ({ language, text: words[language]! })),
          labels: concept.labels,
        };
      })
      .sort((a, b) => compare(a.title.text, b.title.text) || compare(a.slug, b.slug));
  });
}

export function listConcepts(
  glossary: LoadedGlossary,
  locale: Locale,
  search: ConceptListSearch,
): ConceptList {
  const folded = search.q ? foldLabel(search.q) : '';
  const noWords = Boolean(search.q) && !folded;
  const entries = sortedEntries(glossary, locale);
  let found: { entry: Entry; matched: SnapshotLabel[]; rank: number }[];
  if (noWords) found = [];
  else if (!folded) found = entries.map((entry) => ({ entry, matched: [], rank: 0 }));
  else {
    const inside = ` ${folded}`;
    found = [];
    for (const entry of entries) {
      const matched = entry.labels.filter((l) => l.folded.startsWith(folded) || l.folded.includes(inside));
      if (matched.length)
        found.push({ entry, matched, rank: Math.min(...matched.map((l) => matchRank(l.folded, folded))) });
    }
    // Stable: each rank keeps the reader's order.
    found.sort((a, b) => a.rank - b.rank);
  }
  const total = found.length;
  const start = (search.page - 1) * search.perPage;
  const items = found.slice(start, start + search.perPage).map(({ entry, matched }) => ({
    slug: entry.slug,
    title: entry.title,
    equivalents: entry.equivalents,
    matched: matched
      .filter((label) => label.kind !== 'preferred')
      .slice(0, 3)
      .map(({ language, text }) => ({ language, text })),
  }));
  return {
    items,
    page: search.page,
    perPage: search.perPage,
    total,
    totalPages: Math.max(1, Math.ceil(total / search.perPage)),
    noWords,
  };
}
