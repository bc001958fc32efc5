// The welfare glossary's concepts as documents of their own ("glossary term" results): found by
// their words in nl, fr and en (preferred, synonyms, abbreviations) and their definition, linked to
// their page. It lives in the search module because the glossary sits below search in the module
// order (search reads the glossary as its thesaurus). Every concept is public. Triggers on the
// glossary's tables log the concept in the shared search change log (migration 0038).
import { sql } from 'drizzle-orm';
import type { Executor } from '../../../db/client.ts';
import type { I18nText, Locale } from '../../../shared/i18n-text.ts';
import { changeLog } from '../change-log.ts';
import { otherDoc } from '../other-doc.ts';
import type { SearchSource } from '../search-source.ts';

interface LabelRow {
  conceptId: string;
  language: string;
  kind: 'preferred' | 'synonym' | 'abbreviation';
  text: string;
}

const searchLanguages: readonly string[] = ['nl', 'fr', 'en'];

export async function termDocuments(db: Executor, ownerIds?: string[]) {
  const ids = ownerIds ? sql.param(ownerIds) : undefined;
  const [concepts, labels] = await Promise.all([
    db.execute<{ id: string; slug: string; definition: Record<string, string>; themes: string[] }>(sql`
      select c.id, c.slug, c.definition, c.themes from glossary_concepts c
      ${ids ? sql`where c.id = any(${ids}::uuid[])` : sql``}`),
    db.execute(sql`
      select l.concept_id as "conceptId", l.language, l.kind, l.text from glossary_labels l
      ${ids ? sql`where l.concept_id = any(${ids}::uuid[])` : sql``}
      order by l.concept_id, l.language, l.position`),
  ]);
  const labelsOf = new Map<string, LabelRow[]>();
  for (const l of labels.rows as unknown as LabelRow[]) {
    if (!searchLanguages.includes(l.language)) continue;
    let list = labelsOf.get(l.conceptId);
    if (!list) labelsOf.set(l.conceptId, (list = []));
    list.push(l);
  }
  return concepts.rows.flatMap((c) => {
    const words = labelsOf.get(c.id) ?? [];
    const title: I18nText = {};
    for (const l of words) if (l.kind === 'preferred') title[l.language as Locale] = l.text;
    if (!Object.keys(title).length) return [];
    const definition: I18nText = {};
    for (const lang of searchLanguages)
      if (c.definition[lang]) definition[lang as Locale] = c.definition[lang];
    return [
      otherDoc({
        type: 'term',
        id: c.id,
        title,
        alsoTitled: words.filter((l) => l.kind !== 'preferred').map((l) => ({ [l.language]: l.text })),
        text: definition,
        orElseShown: wordsShown(words),
        path: `/glossary/${c.slug}`,
        themes: c.themes,
      }),
    ];
  });
}

/**
 * A term's words for a card without a definition, per language: each other language's preferred
 * word with its code ("OCMW (nl) · PCSW (en)"), then that language's other words, which is what a
 * reader of one language needs from the term.
 */
function wordsShown(words: LabelRow[]): I18nText {
  const shown: I18nText = {};
  for (const lang of searchLanguages) {
    const own = words.filter((l) => l.language === lang && l.kind !== 'preferred').map((l) => l.text);
    const others = searchLanguages
      .filter((other) => other !== lang)
      .flatMap((other) => words.filter((l) => l.language === other && l.kind === 'preferred'))
      .map((l) => `${l.text} (${l.language})`);
    const line = [...others, ...own].join(' · ');
    if (line) shown[lang as Locale] = line;
  }
  return shown;
}

export const glossaryTermsSource: SearchSource = {
  name: 'glossary-terms',
  ...changeLog('glossary-terms'),
  documents: termDocuments,
};
