// A moderator changes a concept of the glossary: its preferred word and other words in each
// language (with the sector that uses them), its definitions, and its wider and related concepts.
// One transaction: the whole glossary's concepts locked (concept-input.ts), the words replaced, a new
// version with the whole state, an audit entry, and the announcement every process's search reads
// the new edition by.
import { eq } from 'drizzle-orm';
import { AppError } from '../../../shared/errors.ts';
import type { UseCaseContext } from '../../../shared/use-case.ts';
import type { Actor } from '../../access/index.ts';
import { auditAction } from '../../audit/index.ts';
import { glossaryConcepts } from '../glossary.schema.ts';
import {
  checkAgainstGlossary,
  checkedInput,
  type ConceptEdit,
  lockGlossary,
  writeConceptState,
} from './concept-input.ts';
import { announceGlossaryChange } from './thesaurus-concepts.ts';

export type { ConceptEdit } from './concept-input.ts';

export async function editConcept(
  ctx: UseCaseContext<Actor>,
  slug: string,
  input: ConceptEdit,
): Promise<{ slug: string; version: number }> {
  const checked = checkedInput(ctx, input);
  const { problems } = checked;
  return ctx.db.transaction(async (tx) => {
    const glossary = await lockGlossary(tx);
    const concept = glossary.get(slug);
    if (!concept) throw new AppError('GLOSSARY_CONCEPT_NOT_FOUND');
    if (input.version !== undefined && input.version !== concept.version)
      throw new AppError('VALIDATION_FAILED', {
        fields: [
          {
            field: 'version',
            message: 'changed meanwhile',
            code: 'glossary_changed_meanwhile',
            values: { version: concept.version },
          },
        ],
      });
    const { broader, related } = await checkAgainstGlossary(
      tx,
      glossary,
      concept,
      input,
      checked.labels,
      problems,
    );
    if (problems.length) throw new AppError('VALIDATION_FAILED', { fields: problems });

    const version = concept.version + 1;
    await tx
      .update(glossaryConcepts)
      .set({ definition: checked.definition, broader, related, version, updatedAt: ctx.now })
      .where(eq(glossaryConcepts.id, concept.id));
    await writeConceptState(tx, ctx, { ...concept, version }, input, checked);
    await auditAction(tx, ctx, {
      event: 'glossary.concept_changed',
      subjectType: 'glossary_concept',
      subjectId: concept.id,
      details: { slug, version },
    });
    await announceGlossaryChange(tx);
    return { slug, version };
  });
}
