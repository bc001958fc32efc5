// A concept as its moderator's form shows it: per language the preferred word, the synonyms and the
// abbreviations one per line ("OCMW | vgc" with the sector that uses it), the definition; the wider
// and related concepts by slug, one per line. What is saved unchanged gives the same concept back.
import { eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../../db/client.ts';
import { AppError } from '../../../shared/errors.ts';
import type { FormValues } from '../../../shared/form-values.ts';
import { glossaryConcepts } from '../glossary.schema.ts';
import { conceptWords } from './concept-page-data.ts';

export async function conceptFormValues(db: Executor, slug: string): Promise<FormValues> {
  const [concept] = await db
    .select({
      id: glossaryConcepts.id,
      definition: glossaryConcepts.definition,
      broader: glossaryConcepts.broader,
      related: glossaryConcepts.related,
      version: glossaryConcepts.version,
    })
    .from(glossaryConcepts)
    .where(eq(glossaryConcepts.slug, slug));
  if (!concept) throw new AppError('GLOSSARY_CONCEPT_NOT_FOUND');
  const [labels, linked] = await Promise.all([
    conceptWords(db, concept.id),
    concept.broader.length || concept.related.length
      ? db
          .select({ id: glossaryConcepts.id, slug: glossaryConcepts.slug })
          .from(glossaryConcepts)
          .where(inArray(glossaryConcepts.id, [...concept.broader, ...concept.related]))
      : [],
  ]);
  const slugOf = new Map(linked.map((c) => [c.id, c.slug]));
  const values: FormValues = {
    version: String(concept.version),
    broader: concept.broader.map((id) => slugOf.get(id) ?? '').join('\n'),
    related: concept.related.map((id) => slugOf.get(id) ?? '').join('\n'),
  };
  for (const [language, text] of Object.entries(concept.definition))
    if (text) values[`definitions.${language}`] = text;
  const lines = (language: string, kind: string) =>
    labels
      .filter((l) => l.language === language && l.kind === kind)
      .map((l) => (l.sector ? `${l.text} | ${l.sector}` : l.text))
      .join('\n');
  for (const language of new Set(labels.map((l) => l.language))) {
    // The preferred word is one word, used everywhere: no sector.
    values[`preferred.${language}`] = labels.find(
      (l) => l.language === language && l.kind === 'preferred',
    )?.text;
    values[`synonyms.${language}`] = lines(language, 'synonym');
    values[`abbreviations.${language}`] = lines(language, 'abbreviation');
  }
  return values;
}
