// What a concept's page shows: its words per language (the preferred first, then synonyms and
// abbreviations, each with the sector that uses it), its definition per language, its themes with
// their names, and the concepts it is narrower than, broader than or related to (relations are
// read in both directions, so one stored on either side shows on both pages).
import { and, asc, desc, eq, inArray, or, sql } from 'drizzle-orm';
import type { Executor } from '../../../db/client.ts';
import { AppError } from '../../../shared/errors.ts';
import type { I18nText, Locale } from '../../../shared/i18n-text.ts';
import { glossaryConcepts, glossaryLabels, glossaryVersions } from '../glossary.schema.ts';
import type { GlossaryLanguage, LabelKind, UsageSector } from '../glossary.vocabulary.ts';
import { compareNames, type ConceptTitle, conceptTitle, titleOrder } from './concept-title.ts';

export interface ConceptWord {
  text: string;
  kind: LabelKind;
  sector: UsageSector | null;
}

export interface ConceptLanguage {
  language: GlossaryLanguage;
  preferred: ConceptWord | null;
  /** Synonyms and abbreviations, in their order. */
  others: ConceptWord[];
  definition: string | null;
}

export interface LinkedConcept {
  slug: string;
  title: ConceptTitle;
}

export interface ConceptPageData {
  slug: string;
  title: ConceptTitle;
  /** The reader's language first, then the others; Arabic only where it has a word or a definition. */
  languages: ConceptLanguage[];
  /** The theme's name in nl, fr and en, or null when the directory has no theme of that code. */
  themes: { code: string; name: I18nText | null }[];
  broader: LinkedConcept[];
  narrower: LinkedConcept[];
  related: LinkedConcept[];
  /**
   * Its versions, the latest first (at most `historyShown`): when, and what the moderator noted;
   * the first edition, brought from the search thesaurus, was changed by nobody.
   */
  history: { version: number; at: Date; note: string | null; imported: boolean }[];
}

export const historyShown = 20;

/** The concepts linked to one, with their preferred words, named and sorted for the reader. */
async function linkedConcepts(
  db: Executor,
  concept: { id: string; broader: string[]; related: string[] },
  locale: Locale,
) {
  const links = [...concept.broader, ...concept.related];
  const rows = await db
    .select({
      id: glossaryConcepts.id,
      slug: glossaryConcepts.slug,
      broader: glossaryConcepts.broader,
      related: glossaryConcepts.related,
    })
    .from(glossaryConcepts)
    .where(
      or(
        sql`${concept.id} = any(${glossaryConcepts.broader})`,
        sql`${concept.id} = any(${glossaryConcepts.related})`,
        links.length ? inArray(glossaryConcepts.id, links) : undefined,
      ),
    );
  const words = rows.length
    ? await db
        .select({
          conceptId: glossaryLabels.conceptId,
          language: glossaryLabels.language,
          text: glossaryLabels.text,
        })
        .from(glossaryLabels)
        .where(
          and(
            inArray(
              glossaryLabels.conceptId,
              rows.map((r) => r.id),
            ),
            eq(glossaryLabels.kind, 'preferred'),
          ),
        )
    : [];
  const compare = compareNames(locale);
  const named = (wanted: (row: (typeof rows)[number]) => boolean): LinkedConcept[] =>
    rows
      .filter((row) => row.id !== concept.id && wanted(row))
      .map((row) => {
        const preferred = Object.fromEntries(
          words.filter((w) => w.conceptId === row.id).map((w) => [w.language, w.text]),
        );
        return { slug: row.slug, title: conceptTitle(preferred, locale, row.slug) };
      })
      .sort((a, b) => compare(a.title.text, b.title.text));
  return {
    broader: named((row) => concept.broader.includes(row.id)),
    narrower: named((row) => row.broader.includes(concept.id)),
    related: named((row) => concept.related.includes(row.id) || row.related.includes(concept.id)),
  };
}

/** A concept's words, the preferred ones first, then in their order. */
export function conceptWords(db: Executor, conceptId: string) {
  return db
    .select({
      language: glossaryLabels.language,
      kind: glossaryLabels.kind,
      text: glossaryLabels.text,
      sector: glossaryLabels.sector,
    })
    .from(glossaryLabels)
    .where(eq(glossaryLabels.conceptId, conceptId))
    .orderBy(
      sql`${glossaryLabels.kind} <> 'preferred'`,
      asc(glossaryLabels.position),
      asc(glossaryLabels.text),
    );
}

/** A concept's page by its slug; GLOSSARY_CONCEPT_NOT_FOUND for a slug the glossary does not hold. */
export async function conceptPageData(
  db: Executor,
  slug: string,
  locale: Locale,
  themeNames: ReadonlyMap<string, I18nText>,
): Promise<ConceptPageData> {
  const [concept] = await db
    .select({
      id: glossaryConcepts.id,
      slug: glossaryConcepts.slug,
      definition: glossaryConcepts.definition,
      themes: glossaryConcepts.themes,
      broader: glossaryConcepts.broader,
      related: glossaryConcepts.related,
    })
    .from(glossaryConcepts)
    .where(eq(glossaryConcepts.slug, slug));
  if (!concept) throw new AppError('GLOSSARY_CONCEPT_NOT_FOUND');
  const [labels, linked, history] = await Promise.all([
    conceptWords(db, concept.id),
    linkedConcepts(db, concept, locale),
    db
      .select({
        version: glossaryVersions.version,
        at: glossaryVersions.at,
        note: glossaryVersions.note,
        imported: sql<boolean>`${glossaryVersions.changedBy} is null`,
      })
      .from(glossaryVersions)
      .where(eq(glossaryVersions.conceptId, concept.id))
      .orderBy(desc(glossaryVersions.version))
      .limit(historyShown),
  ]);
  const languages = titleOrder[locale]
    .map((language): ConceptLanguage => {
      const own = labels.filter((l) => l.language === language);
      const word = ({ text, kind, sector }: (typeof own)[number]): ConceptWord => ({ text, kind, sector });
      const preferred = own.find((l) => l.kind === 'preferred');
      return {
        language,
        preferred: preferred ? word(preferred) : null,
        others: own.filter((l) => l.kind !== 'preferred').map(word),
        definition: concept.definition[language]?.trim() || null,
      };
    })
    .filter((l) => l.language !== 'ar' || l.preferred || l.others.length || l.definition);
  const preferred = Object.fromEntries(
    languages.flatMap((l) => (l.preferred ? [[l.language, l.preferred.text]] : [])),
  );
  return {
    slug: concept.slug,
    title: conceptTitle(preferred, locale, concept.slug),
    languages,
    themes: concept.themes.map((code) => ({ code, name: themeNames.get(code) ?? null })),
    ...linked,
    history,
  };
}
