// The glossary's list: every concept (or those with a word starting with what was searched, in any
// language), named by its preferred word in the reader's language with its preferred words in the
// others, sorted as the reader's language sorts and cut into pages. A search is folded as the
// glossary folds its words (labels/fold-label.ts), so "cpas", "CPAS" and "Cpas" are one, and it
// matches the start of a word or of any of its parts ("integration" finds "revenu d'intégration").
// The glossary holds a few hundred concepts: their preferred words are read, sorted and cut here,
// which lets the sort follow ICU rather than the database's collation. With a search, the concepts
// with a word equal to it come first, then those with a word starting with it, then those with a
// part of a word starting with it ("OCMW" puts CPAS/OCMW before "OCMW-raad"), each group sorted.
import { sql } from 'drizzle-orm';
import type { Executor } from '../../../db/client.ts';
import type { Locale } from '../../../shared/i18n-text.ts';
import { foldLabel } from '../labels/fold-label.ts';
import type { GlossaryLanguage, LabelKind } from '../glossary.vocabulary.ts';
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

type LabelRow = {
  concept_id: string;
  language: GlossaryLanguage;
  kind: LabelKind;
  text: string;
  folded: string;
};
type PreferredRow = { id: string; slug: string; language: GlossaryLanguage | null; text: string | null };

/** The words starting with the folded search, or with it after a space inside them. */
function matchingLabels(db: Executor, folded: string) {
  return db.execute<LabelRow>(
    sql`select concept_id, language, kind, text, folded from glossary_labels
        where folded like ${folded}::text || '%' or folded like '% ' || ${folded}::text || '%'
        order by language, position`,
  );
}

/** How closely a matched word meets the search: 0 equal, 1 starting with it, 2 a part starting with it. */
export function matchRank(folded: string, search: string): 0 | 1 | 2 {
  if (folded === search) return 0;
  return folded.startsWith(search) ? 1 : 2;
}

function preferredWords(db: Executor) {
  return db.execute<PreferredRow>(
    sql`select c.id, c.slug, l.language, l.text from glossary_concepts c
        left join glossary_labels l on l.concept_id = c.id and l.kind = 'preferred'`,
  );
}

export async function listConcepts(
  db: Executor,
  locale: Locale,
  search: ConceptListSearch,
): Promise<ConceptList> {
  const folded = search.q ? foldLabel(search.q) : '';
  const noWords = Boolean(search.q) && !folded;
  const [matches, preferred] = await Promise.all([
    folded ? matchingLabels(db, folded).then((r) => r.rows) : Promise.resolve(null),
    preferredWords(db).then((r) => r.rows),
  ]);

  const concepts = new Map<string, { slug: string; words: Partial<Record<GlossaryLanguage, string>> }>();
  for (const row of preferred) {
    const concept = concepts.get(row.id) ?? { slug: row.slug, words: {} };
    if (row.language && row.text) concept.words[row.language] = row.text;
    concepts.set(row.id, concept);
  }
  const matchedBy = new Map<string, LabelRow[]>();
  for (const row of matches ?? [])
    matchedBy.set(row.concept_id, [...(matchedBy.get(row.concept_id) ?? []), row]);

  const wanted = noWords ? [] : [...concepts].filter(([id]) => matches === null || matchedBy.has(id));
  const rankOf = (id: string) =>
    Math.min(3, ...(matchedBy.get(id) ?? []).map((label) => matchRank(label.folded, folded)));
  const compare = compareNames(locale);
  const all = wanted
    .map(([id, { slug, words }]) => ({
      id,
      slug,
      words,
      title: conceptTitle(words, locale, slug),
      rank: matches === null ? 0 : rankOf(id),
    }))
    .sort((a, b) => a.rank - b.rank || compare(a.title.text, b.title.text) || compare(a.slug, b.slug));

  const total = all.length;
  const start = (search.page - 1) * search.perPage;
  const items = all.slice(start, start + search.perPage).map(({ id, slug, words, title }) => ({
    slug,
    title,
    equivalents: titleOrder[locale]
      .filter((language) => language !== title.language && words[language])
      .map((language) => ({ language, text: words[language]! })),
    matched: (matchedBy.get(id) ?? [])
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
