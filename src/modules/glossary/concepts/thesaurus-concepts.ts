// The glossary as the search thesaurus reads it: each concept's words in nl, fr and en, in their
// order (the preferred first), with its themes; and the marker of the glossary's last change, which
// every app process compares to know when to read it again.
import { asc, sql } from 'drizzle-orm';
import type { Executor } from '../../../db/client.ts';
import { glossaryConcepts, glossaryLabels, glossaryVersions } from '../glossary.schema.ts';

/** The channel a change of the glossary is announced on, in the changing transaction. */
export const glossaryChannel = 'glossary_changed';

export interface ThesaurusConcept {
  /** The concept's slug. */
  id: string;
  terms: Record<'nl' | 'fr' | 'en', string[]>;
  themes: string[];
}

export async function thesaurusConcepts(db: Executor): Promise<ThesaurusConcept[]> {
  const [concepts, labels] = await Promise.all([
    db
      .select({ id: glossaryConcepts.id, slug: glossaryConcepts.slug, themes: glossaryConcepts.themes })
      .from(glossaryConcepts)
      .orderBy(asc(glossaryConcepts.slug)),
    db
      .select({
        conceptId: glossaryLabels.conceptId,
        language: glossaryLabels.language,
        text: glossaryLabels.text,
      })
      .from(glossaryLabels)
      .where(sql`${glossaryLabels.language} in ('nl', 'fr', 'en')`)
      // The preferred word first: it is the concept's label in "did you mean".
      .orderBy(
        asc(glossaryLabels.conceptId),
        sql`${glossaryLabels.kind} <> 'preferred'`,
        asc(glossaryLabels.position),
      ),
  ]);
  const byId = new Map<string, ThesaurusConcept>();
  for (const c of concepts)
    byId.set(c.id, { id: c.slug, terms: { nl: [], fr: [], en: [] }, themes: c.themes });
  for (const l of labels) byId.get(l.conceptId)?.terms[l.language as 'nl' | 'fr' | 'en'].push(l.text);
  return [...byId.values()];
}

/**
 * The glossary's edition: how many versions it holds and the latest one's time. Any committed change
 * adds a version, so the count moves even when a change that began earlier commits later.
 */
export async function glossaryEdition(db: Executor): Promise<string> {
  const [row] = await db
    .select({ edition: sql<string>`count(*) || '/' || coalesce(max(${glossaryVersions.at})::text, '')` })
    .from(glossaryVersions);
  return row?.edition ?? '';
}

/** Tells every process to read the glossary again, when the transaction commits. */
export async function announceGlossaryChange(tx: Executor): Promise<void> {
  await tx.execute(sql`select pg_notify(${glossaryChannel}, '')`);
}
