// A moderator adds a concept to the glossary, with the same checks as a change (concept-input.ts).
// Its slug, the stable name in its address and in the exports, comes from its Dutch preferred word
// as the thesaurus's slugs do ("schuldbemiddeling"), made unique with a number.
import { AppError } from '../../../shared/errors.ts';
import type { UseCaseContext } from '../../../shared/use-case.ts';
import type { Actor } from '../../access/index.ts';
import { auditAction } from '../../audit/index.ts';
import { glossaryConcepts } from '../glossary.schema.ts';
import { foldLabel } from '../labels/fold-label.ts';
import {
  checkAgainstGlossary,
  checkedInput,
  type ConceptEdit,
  lockGlossary,
  writeConceptState,
} from './concept-input.ts';
import { announceGlossaryChange } from './thesaurus-concepts.ts';

/** Addresses under /glossary/ that are pages, not concepts. */
const reserved = new Set(['new']);

/** "Médiation de dettes" → "mediation-de-dettes"; a number after it when that one is taken. */
export function freeSlug(word: string, isTaken: (slug: string) => boolean): string {
  const taken = (slug: string) => reserved.has(slug) || isTaken(slug);
  const base =
    foldLabel(word)
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 60) || 'concept';
  let slug = base;
  for (let n = 2; taken(slug); n++) slug = `${base}-${n}`;
  return slug;
}

export async function createConcept(
  ctx: UseCaseContext<Actor>,
  input: ConceptEdit,
): Promise<{ slug: string; version: number }> {
  const checked = checkedInput(ctx, input);
  const { problems } = checked;
  return ctx.db.transaction(async (tx) => {
    const glossary = await lockGlossary(tx);
    const { broader, related } = await checkAgainstGlossary(
      tx,
      glossary,
      null,
      input,
      checked.labels,
      problems,
    );
    if (problems.length) throw new AppError('VALIDATION_FAILED', { fields: problems });

    const slug = freeSlug(input.preferred.nl ?? '', (s) => glossary.has(s));
    const [concept] = await tx
      .insert(glossaryConcepts)
      .values({
        slug,
        definition: checked.definition,
        broader,
        related,
        createdAt: ctx.now,
        updatedAt: ctx.now,
      })
      .returning({ id: glossaryConcepts.id, slug: glossaryConcepts.slug, version: glossaryConcepts.version });
    await writeConceptState(tx, ctx, concept!, input, checked);
    await auditAction(tx, ctx, {
      event: 'glossary.concept_added',
      subjectType: 'glossary_concept',
      subjectId: concept!.id,
      details: { slug },
    });
    await announceGlossaryChange(tx);
    return { slug, version: concept!.version };
  });
}
