// The whole glossary as one process keeps it in memory for one edition: every concept with its
// words in every language (the preferred first, then in their order), its definitions, and its
// wider and related concepts by slug. The exports (SKOS, CSV) and the terms found on pages
// (terms/) are made from it. Read in two statements after the edition, as search reads its
// thesaurus: a change committed meanwhile moves the edition, and is read again next time.
import { asc, sql } from 'drizzle-orm';
import type { Executor } from '../../../db/client.ts';
import { glossaryEdition } from '../concepts/thesaurus-concepts.ts';
import { glossaryConcepts, glossaryLabels } from '../glossary.schema.ts';
import type { GlossaryLanguage, LabelKind, UsageSector } from '../glossary.vocabulary.ts';

export interface SnapshotLabel {
  language: GlossaryLanguage;
  kind: LabelKind;
  text: string;
  /** As labels/fold-label.ts folds it. */
  folded: string;
  sector: UsageSector | null;
}

export interface SnapshotConcept {
  slug: string;
  /** Preferred first per language, then synonyms and abbreviations in their order. */
  labels: SnapshotLabel[];
  definition: Partial<Record<GlossaryLanguage, string>>;
  /** Slugs of its wider concepts, as stored. */
  broader: string[];
  /** Slugs of its related concepts, stored on either side. */
  related: string[];
  modified: Date;
}

export interface GlossarySnapshot {
  edition: string;
  /** Sorted by slug. */
  concepts: SnapshotConcept[];
}

export async function readGlossarySnapshot(db: Executor): Promise<GlossarySnapshot> {
  const edition = await glossaryEdition(db);
  const [concepts, labels] = await Promise.all([
    db
      .select({
        id: glossaryConcepts.id,
        slug: glossaryConcepts.slug,
        definition: glossaryConcepts.definition,
        broader: glossaryConcepts.broader,
        related: glossaryConcepts.related,
        modified: glossaryConcepts.updatedAt,
      })
      .from(glossaryConcepts)
      .orderBy(asc(glossaryConcepts.slug)),
    db
      .select({
        conceptId: glossaryLabels.conceptId,
        language: glossaryLabels.language,
        kind: glossaryLabels.kind,
        text: glossaryLabels.text,
        folded: glossaryLabels.folded,
        sector: glossaryLabels.sector,
      })
      .from(glossaryLabels)
      .orderBy(
        asc(glossaryLabels.conceptId),
        asc(glossaryLabels.language),
        sql`${glossaryLabels.kind} <> 'preferred'`,
        asc(glossaryLabels.position),
      ),
  ]);
  const slugOf = new Map(concepts.map((c) => [c.id, c.slug]));
  const byId = new Map<string, SnapshotConcept>();
  const related = new Map<string, Set<string>>(concepts.map((c) => [c.slug, new Set<string>()]));
  for (const c of concepts) {
    for (const other of c.related) {
      const slug = slugOf.get(other);
      if (!slug || slug === c.slug) continue;
      related.get(c.slug)!.add(slug);
      related.get(slug)!.add(c.slug);
    }
  }
  for (const c of concepts)
    byId.set(c.id, {
      slug: c.slug,
      labels: [],
      definition: c.definition as SnapshotConcept['definition'],
      broader: c.broader.map((b) => slugOf.get(b)).filter((s): s is string => Boolean(s)),
      related: [...related.get(c.slug)!].sort(),
      modified: c.modified,
    });
  for (const { conceptId, ...label } of labels) byId.get(conceptId)?.labels.push(label);
  return { edition, concepts: [...byId.values()] };
}
