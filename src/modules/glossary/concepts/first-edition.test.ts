// The glossary as migrated (0027, 0028): the search thesaurus's 364 concepts, word for word, each with
// one preferred word per language and its first version; and what the database itself refuses.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../../test/helpers/test-database.ts';
import { foldLabel } from '../labels/fold-label.ts';
import { glossaryEdition, thesaurusConcepts } from './thesaurus-concepts.ts';

interface FirstEditionConcept {
  id: string;
  terms: Record<'nl' | 'fr' | 'en', string[]>;
  themes: string[];
}

const firstEdition = JSON.parse(
  readFileSync(new URL('../../search/data/thesaurus.json', import.meta.url), 'utf8'),
) as FirstEditionConcept[];

let database: TestDatabase;
const rows = async <T extends object>(text: string, values: unknown[] = []) =>
  (await database.pool.query<T>(text, values)).rows;

beforeAll(async () => {
  database = await createTestDatabase({ demo: false });
});
afterAll(() => database.drop());

describe('the migrated glossary', () => {
  it('is the first edition: the thesaurus’s concepts, their words in order and their themes', async () => {
    expect(firstEdition).toHaveLength(364);
    const concepts = await thesaurusConcepts(database.db);
    expect(concepts).toHaveLength(364);
    const bySlug = new Map(concepts.map((c) => [c.id, c]));
    for (const expected of firstEdition) {
      const concept = bySlug.get(expected.id);
      expect(concept, expected.id).toBeDefined();
      expect(concept!.terms, expected.id).toEqual(expected.terms);
      expect(concept!.themes, expected.id).toEqual(expected.themes);
    }
    const words = concepts.flatMap((c) => Object.values(c.terms).flat());
    expect(words).toHaveLength(3957);
  });

  it('has one preferred word per language for every concept, the thesaurus’s first, and a first version', async () => {
    const preferred = await rows<{ slug: string; language: string; text: string }>(
      `select c.slug, l.language, l.text from glossary_labels l join glossary_concepts c on c.id = l.concept_id
       where l.kind = 'preferred'`,
    );
    expect(preferred).toHaveLength(364 * 3);
    const first = new Map(preferred.map((p) => [`${p.slug}/${p.language}`, p.text]));
    for (const c of firstEdition)
      for (const language of ['nl', 'fr', 'en'] as const)
        expect(first.get(`${c.id}/${language}`), `${c.id}/${language}`).toBe(c.terms[language][0]);

    const versions = await rows<{ slug: string; version: number; concept_version: number; words: number }>(
      `select c.slug, v.version, c.version as concept_version, jsonb_array_length(v.state->'labels') as words
       from glossary_versions v join glossary_concepts c on c.id = v.concept_id`,
    );
    expect(versions).toHaveLength(364);
    expect(new Set(versions.map((v) => v.slug)).size).toBe(364);
    for (const v of versions) {
      expect(v.version, v.slug).toBe(1);
      expect(v.concept_version, v.slug).toBe(1);
      const expected = firstEdition.find((c) => c.id === v.slug)!;
      expect(v.words, v.slug).toBe(Object.values(expected.terms).flat().length);
    }
    expect(await glossaryEdition(database.db)).toMatch(/^364\//);
  });

  it('folds every word as foldLabel does, and marks short capitals as abbreviations', async () => {
    const labels = await rows<{ text: string; folded: string; kind: string }>(
      'select text, folded, kind from glossary_labels',
    );
    expect(labels).toHaveLength(3957);
    for (const l of labels) expect(l.folded, l.text).toBe(foldLabel(l.text));
    const kinds = new Map(labels.map((l) => [l.text, l.kind]));
    expect(kinds.get('SVK')).toBe('abbreviation');
    expect(kinds.get('AIS')).toBe('abbreviation');
    // The first word of a language is its preferred one, short capitals or not.
    expect(kinds.get('OCMW')).toBe('preferred');
    expect(kinds.get('schuldhulpverlening')).toBe('synonym');
  });
});

describe('what the database refuses', () => {
  const conceptId = async (slug: string) =>
    (await rows<{ id: string }>('select id from glossary_concepts where slug = $1', [slug]))[0]!.id;
  const insertLabel = async (slug: string, language: string, kind: string, text: string) =>
    database.pool.query(
      `insert into glossary_labels (concept_id, language, kind, text, folded) values ($1, $2, $3, $4, $5)`,
      [await conceptId(slug), language, kind, text, foldLabel(text)],
    );

  it('a word of one language in a second concept, whatever its capitals and accents', async () => {
    // "médiation de dettes" is the French word of schuldbemiddeling.
    await expect(
      insertLabel('collectieve-schuldenregeling', 'fr', 'synonym', 'Médiation de  Dettes'),
    ).rejects.toMatchObject({ code: '23505', constraint: 'glossary_labels_word_idx' });
    // The same word again in its own concept too.
    await expect(
      insertLabel('schuldbemiddeling', 'fr', 'synonym', 'MEDIATION DE DETTES'),
    ).rejects.toMatchObject({
      code: '23505',
      constraint: 'glossary_labels_word_idx',
    });
    const [count] = await rows<{ n: number }>(
      `select count(*)::int as n from glossary_labels where folded = 'mediation de dettes'`,
    );
    expect(count!.n).toBe(1);
  });

  it('a second preferred word of a concept in one language, and an unknown language or kind', async () => {
    await expect(insertLabel('schuldbemiddeling', 'nl', 'preferred', 'schuldenwinkel')).rejects.toMatchObject(
      {
        code: '23505',
        constraint: 'glossary_labels_preferred_idx',
      },
    );
    await expect(
      insertLabel('schuldbemiddeling', 'de', 'synonym', 'Schuldnerberatung'),
    ).rejects.toMatchObject({
      code: '23514',
    });
    await expect(insertLabel('schuldbemiddeling', 'nl', 'alias', 'schuldenwinkel')).rejects.toMatchObject({
      code: '23514',
    });
  });

  it('but takes a new word, and one word in two languages', async () => {
    await insertLabel('schuldbemiddeling', 'nl', 'synonym', 'schuldenwinkel');
    // English "debt counselling" is schuldbemiddeling's; as an Arabic word it is another language's.
    await insertLabel('schuldbemiddeling', 'ar', 'synonym', 'debt counselling');
    const [count] = await rows<{ n: number }>(
      `select count(*)::int as n from glossary_labels where folded in ('schuldenwinkel', 'debt counselling')`,
    );
    expect(count!.n).toBe(3);
  });
});
