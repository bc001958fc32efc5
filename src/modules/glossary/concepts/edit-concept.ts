// A moderator changes a concept of the glossary: its preferred word and other words in each
// language (with the sector that uses them), its definitions, and its wider and related concepts.
// One transaction: the whole glossary's concepts locked (edits are rare; it keeps two edits from
// closing a loop of wider concepts together), the words replaced, a new version with the whole state,
// an audit entry, and the announcement every process's search reads the new edition by.
import { and, eq, inArray, ne } from 'drizzle-orm';
import type { Executor } from '../../../db/client.ts';
import { AppError, type FieldProblem } from '../../../shared/errors.ts';
import type { UseCaseContext } from '../../../shared/use-case.ts';
import { type Actor, isModerator } from '../../access/index.ts';
import { auditAction } from '../../audit/index.ts';
import { glossaryConcepts, glossaryLabels, glossaryVersions } from '../glossary.schema.ts';
import {
  type GlossaryLanguage,
  glossaryLanguages,
  glossaryLimits,
  type LabelKind,
  type UsageSector,
} from '../glossary.vocabulary.ts';
import { foldLabel } from '../labels/fold-label.ts';
import { parseWords, type TypedWord } from '../labels/parse-words.ts';
import { broaderCycle } from './broader-cycle.ts';
import { announceGlossaryChange } from './thesaurus-concepts.ts';

export interface ConceptEdit {
  /** Per language: the preferred word (nl, fr and en required), then the other words as typed. */
  preferred: Partial<Record<GlossaryLanguage, string>>;
  synonyms: Partial<Record<GlossaryLanguage, string>>;
  abbreviations: Partial<Record<GlossaryLanguage, string>>;
  definitions: Partial<Record<GlossaryLanguage, string>>;
  /** Slugs of wider and of related concepts. */
  broader: string[];
  related: string[];
  /** What changed, for the history. */
  note: string;
}

interface Label {
  language: GlossaryLanguage;
  kind: LabelKind;
  text: string;
  folded: string;
  sector: UsageSector | null;
  position: number;
}

const problem = (field: string, code: string): FieldProblem => ({ field, message: code, code });
const required: readonly GlossaryLanguage[] = ['nl', 'fr', 'en'];

/** The words of the form as labels, every problem named on its field. */
function checkWords(input: ConceptEdit, problems: FieldProblem[]): Label[] {
  const labels: Label[] = [];
  for (const language of glossaryLanguages) {
    const preferred = (input.preferred[language] ?? '').trim().replace(/\s+/g, ' ');
    const folded = foldLabel(preferred);
    if (!folded) {
      if (required.includes(language)) problems.push(problem(`preferred.${language}`, 'required'));
    } else if (preferred.length > glossaryLimits.labelLength)
      problems.push(problem(`preferred.${language}`, 'glossary_word_long'));
    else labels.push({ language, kind: 'preferred', text: preferred, folded, sector: null, position: 0 });
    for (const kind of ['synonym', 'abbreviation'] as const) {
      const field = `${kind === 'synonym' ? 'synonyms' : 'abbreviations'}.${language}`;
      const typed = (kind === 'synonym' ? input.synonyms : input.abbreviations)[language] ?? '';
      const { words, problems: wrong } = parseWords(typed);
      for (const w of wrong) problems.push(problem(field, w.code));
      words.forEach((w: TypedWord, i) =>
        labels.push({ language, kind, text: w.text, folded: w.folded, sector: w.sector, position: i + 1 }),
      );
    }
  }
  // One word once per language, whatever its kind.
  const seen = new Set<string>();
  for (const l of labels) {
    const key = `${l.language}|${l.folded}`;
    if (seen.has(key)) problems.push(problem(`synonyms.${l.language}`, 'glossary_word_twice'));
    seen.add(key);
  }
  if (labels.length > glossaryLimits.labelsPerConcept)
    problems.push(problem('synonyms.nl', 'glossary_words_many'));
  return labels;
}

function checkDefinitions(input: ConceptEdit, problems: FieldProblem[]): Record<string, string> {
  const definitions: Record<string, string> = {};
  for (const language of glossaryLanguages) {
    const text = (input.definitions[language] ?? '').trim();
    if (text.length > glossaryLimits.definitionLength)
      problems.push(problem(`definitions.${language}`, 'glossary_definition_long'));
    else if (text) definitions[language] = text;
  }
  return definitions;
}

export async function editConcept(
  ctx: UseCaseContext<Actor>,
  slug: string,
  input: ConceptEdit,
): Promise<{ slug: string; version: number }> {
  if (!isModerator(ctx.actor)) throw new AppError('FORBIDDEN');
  const problems: FieldProblem[] = [];
  const labels = checkWords(input, problems);
  const definition = checkDefinitions(input, problems);
  if (input.broader.length > glossaryLimits.broader)
    problems.push(problem('broader', 'glossary_broader_many'));
  if (input.related.length > glossaryLimits.related)
    problems.push(problem('related', 'glossary_related_many'));
  if (problems.length) throw new AppError('VALIDATION_FAILED', { fields: problems });
  return ctx.db.transaction(async (tx) => {
    const all = await tx
      .select({
        id: glossaryConcepts.id,
        slug: glossaryConcepts.slug,
        broader: glossaryConcepts.broader,
        version: glossaryConcepts.version,
      })
      .from(glossaryConcepts)
      .for('update');
    const bySlug = new Map(all.map((c) => [c.slug, c]));
    const concept = bySlug.get(slug);
    // The pages' own code for it comes with them (branch glossary-pages).
    if (!concept) throw new AppError('NOT_FOUND');
    const idsOf = (field: 'broader' | 'related', slugs: string[]) =>
      [...new Set(slugs.map((s) => s.trim()).filter(Boolean))].map((s) => {
        const found = bySlug.get(s);
        if (!found || found.id === concept.id) problems.push(problem(field, 'glossary_concept_unknown'));
        return found?.id ?? '';
      });
    const broader = idsOf('broader', input.broader);
    const related = idsOf('related', input.related);
    const broaderOf = new Map(all.filter((c) => c.id !== concept.id).map((c) => [c.id, c.broader]));
    if (!problems.length && broaderCycle(concept.id, broader, broaderOf))
      problems.push(problem('broader', 'glossary_broader_cycle'));
    // A word another concept already has in that language is theirs.
    const taken = await wordsOfOthers(tx, concept.id, labels);
    for (const t of taken) problems.push(problem(`synonyms.${t.language}`, 'glossary_word_taken'));
    if (problems.length) throw new AppError('VALIDATION_FAILED', { fields: problems });

    await tx.delete(glossaryLabels).where(eq(glossaryLabels.conceptId, concept.id));
    await tx.insert(glossaryLabels).values(labels.map((l) => ({ ...l, conceptId: concept.id })));
    const version = concept.version + 1;
    await tx
      .update(glossaryConcepts)
      .set({ definition, broader, related, version, updatedAt: ctx.now })
      .where(eq(glossaryConcepts.id, concept.id));
    const state = {
      slug,
      definition,
      broader: input.broader,
      related: input.related,
      labels: labels.map(({ language, kind, text, sector }) => ({ language, kind, text, sector })),
    };
    await tx.insert(glossaryVersions).values({
      conceptId: concept.id,
      version,
      changedBy: ctx.actor.userId,
      note: input.note.trim().slice(0, 500) || null,
      state,
      at: ctx.now,
    });
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

async function wordsOfOthers(tx: Executor, conceptId: string, labels: Label[]) {
  if (!labels.length) return [];
  return tx
    .select({ language: glossaryLabels.language, text: glossaryLabels.text })
    .from(glossaryLabels)
    .where(
      and(
        ne(glossaryLabels.conceptId, conceptId),
        inArray(
          glossaryLabels.folded,
          labels.map((l) => l.folded),
        ),
      ),
    )
    .then((rows) =>
      rows.filter((r) => labels.some((l) => l.language === r.language && foldLabel(r.text) === l.folded)),
    );
}
