// The welfare glossary: concepts with their words in nl, fr, en (and ar where given), a definition
// per language, broader and related concepts and the themes of the directory they belong to. It is
// also the search thesaurus: a query naming one word of a concept finds the others. Every change
// keeps the concept's whole state as a version.
import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { belongsTo, createdAt, id, oneOf, timestamps } from '../../db/columns.ts';
import { glossaryLanguages, labelKinds, usageSectors } from './glossary.vocabulary.ts';

export const glossaryConcepts = pgTable(
  'glossary_concepts',
  {
    id: id(),
    /** A stable name in URLs and exports ("ocmw"): the thesaurus's id for the concepts it brought. */
    slug: text().notNull(),
    /** A definition per language (nl, fr, en, ar), plain text. */
    definition: jsonb().$type<Partial<Record<string, string>>>().notNull().default({}),
    /** Codes of the directory's themes the concept belongs to: a search naming it finds them. */
    themes: text()
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** Wider concepts (SKOS broader): never a cycle, checked in a transaction that locks them all. */
    broader: uuid()
      .array()
      .notNull()
      .default(sql`'{}'::uuid[]`),
    /** Concepts worth seeing next to it (SKOS related), in both directions. */
    related: uuid()
      .array()
      .notNull()
      .default(sql`'{}'::uuid[]`),
    /** Raised by each change; the version rows keep each state. */
    version: integer().notNull().default(1),
    ...timestamps(),
  },
  (t) => [uniqueIndex('glossary_concepts_slug_idx').on(t.slug)],
);

/** A concept's words: one preferred per language, synonyms and abbreviations, and where they are used. */
export const glossaryLabels = pgTable(
  'glossary_labels',
  {
    id: id(),
    conceptId: belongsTo(() => glossaryConcepts.id).notNull(),
    language: text({ enum: glossaryLanguages }).notNull(),
    kind: text({ enum: labelKinds }).notNull(),
    text: text().notNull(),
    /** Lower case without accents: one word of a language belongs to one concept only. */
    folded: text().notNull(),
    /** The community or sector where this word is used (OCMW at VGC, CPAS at COCOF), if particular. */
    sector: text({ enum: usageSectors }),
    /** Its place among the concept's words of its language. */
    position: integer().notNull().default(0),
  },
  (t) => [
    uniqueIndex('glossary_labels_word_idx').on(t.language, t.folded),
    uniqueIndex('glossary_labels_preferred_idx')
      .on(t.conceptId, t.language)
      .where(sql`kind = 'preferred'`),
    index('glossary_labels_concept_idx').on(t.conceptId, t.language, t.position),
    check('glossary_labels_language_known', sql`${t.language} in (${oneOf(glossaryLanguages)})`),
    check('glossary_labels_kind_known', sql`${t.kind} in (${oneOf(labelKinds)})`),
  ],
);

/** Each state of a concept, from the first: who changed it, when, and the whole concept as it became. */
export const glossaryVersions = pgTable(
  'glossary_versions',
  {
    id: id(),
    conceptId: belongsTo(() => glossaryConcepts.id).notNull(),
    version: integer().notNull(),
    /** Null for the import of the first thesaurus. */
    changedBy: uuid(),
    note: text(),
    state: jsonb().notNull(),
    at: createdAt(),
  },
  (t) => [uniqueIndex('glossary_versions_idx').on(t.conceptId, t.version)],
);
