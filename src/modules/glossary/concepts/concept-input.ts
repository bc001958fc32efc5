// What a moderator types for a concept, checked and written the same way whether the concept is new
// (create-concept.ts) or changed (edit-concept.ts): its words per language with the sector that uses
// them, its definitions, its wider and related concepts. Every problem is named on its field, with
// the line or the word it is about.
import { and, eq, inArray, ne, sql } from 'drizzle-orm';
import type { Executor } from '../../../db/client.ts';
import { AppError, type FieldProblem } from '../../../shared/errors.ts';
import type { UseCaseContext } from '../../../shared/use-case.ts';
import { type Actor, isModerator } from '../../access/index.ts';
import { glossaryConcepts, glossaryLabels, glossaryVersions } from '../glossary.schema.ts';
import {
  type GlossaryLanguage,
  glossaryLanguages,
  glossaryLimits,
  type LabelKind,
  type UsageSector,
} from '../glossary.vocabulary.ts';
import { foldLabel } from '../labels/fold-label.ts';
import { parseWords } from '../labels/parse-words.ts';
import { broaderCycle } from './broader-cycle.ts';

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
  /** The version the form was made from: a concept changed since is not silently overwritten. */
  version?: number;
}

export interface Label {
  language: GlossaryLanguage;
  kind: LabelKind;
  text: string;
  folded: string;
  sector: UsageSector | null;
  position: number;
}

/** Every concept, with the table locked for the transaction: edits are rare, and it keeps two from closing a loop together. */
export type LockedGlossary = Map<string, { id: string; slug: string; broader: string[]; version: number }>;

const problem = (field: string, code: string, values?: FieldProblem['values']): FieldProblem => ({
  field,
  message: code,
  code,
  ...(values ? { values } : {}),
});
const required: readonly GlossaryLanguage[] = ['nl', 'fr', 'en'];
const oneLine = (text: string | undefined) => (text ?? '').trim().replace(/\s+/g, ' ');
/** The form's field a word was typed in. */
const fieldOf = (label: Pick<Label, 'language' | 'kind'>) =>
  `${{ preferred: 'preferred', synonym: 'synonyms', abbreviation: 'abbreviations' }[label.kind]}.${label.language}`;

/** The words of the form as labels, every problem named on its field. */
function checkWords(input: ConceptEdit, problems: FieldProblem[]): Label[] {
  const labels: Label[] = [];
  for (const language of glossaryLanguages) {
    const preferred = oneLine(input.preferred[language]);
    const folded = foldLabel(preferred);
    if (!folded) {
      if (required.includes(language)) problems.push(problem(`preferred.${language}`, 'required'));
    } else if (preferred.length > glossaryLimits.labelLength)
      problems.push(
        problem(`preferred.${language}`, 'glossary_preferred_long', { max: glossaryLimits.labelLength }),
      );
    else labels.push({ language, kind: 'preferred', text: preferred, folded, sector: null, position: 0 });
    for (const kind of ['synonym', 'abbreviation'] as const) {
      const field = `${kind === 'synonym' ? 'synonyms' : 'abbreviations'}.${language}`;
      const typed = (kind === 'synonym' ? input.synonyms : input.abbreviations)[language] ?? '';
      const { words, problems: wrong } = parseWords(typed);
      for (const { code, ...values } of wrong) problems.push(problem(field, code, values));
      words.forEach((w, i) =>
        labels.push({ language, kind, text: w.text, folded: w.folded, sector: w.sector, position: i + 1 }),
      );
    }
  }
  // One word once per language, whatever its kind.
  const seen = new Set<string>();
  for (const l of labels) {
    const key = `${l.language}|${l.folded}`;
    if (seen.has(key)) problems.push(problem(fieldOf(l), 'glossary_word_repeated', { word: l.text }));
    seen.add(key);
  }
  if (labels.length > glossaryLimits.labelsPerConcept)
    problems.push(problem('synonyms.nl', 'glossary_words_many', { max: glossaryLimits.labelsPerConcept }));
  return labels;
}

function checkDefinitions(input: ConceptEdit, problems: FieldProblem[]): Record<string, string> {
  const definitions: Record<string, string> = {};
  for (const language of glossaryLanguages) {
    const text = (input.definitions[language] ?? '').trim();
    if (text.length > glossaryLimits.definitionLength)
      problems.push(
        problem(`definitions.${language}`, 'glossary_definition_long', {
          max: glossaryLimits.definitionLength,
        }),
      );
    else if (text) definitions[language] = text;
  }
  return definitions;
}

/**
 * A moderator's input checked before the transaction (the words, the definitions, how many links):
 * anyone else is refused, a problem refuses the whole input.
 */
export function checkedInput(ctx: UseCaseContext<Actor>, input: ConceptEdit) {
  if (!isModerator(ctx.actor)) throw new AppError('FORBIDDEN');
  const checked = checkConceptInput(input);
  if (checked.problems.length) throw new AppError('VALIDATION_FAILED', { fields: checked.problems });
  return checked;
}

function checkConceptInput(input: ConceptEdit) {
  const problems: FieldProblem[] = [];
  const labels = checkWords(input, problems);
  const definition = checkDefinitions(input, problems);
  if (input.broader.length > glossaryLimits.broader)
    problems.push(problem('broader', 'glossary_broader_many', { max: glossaryLimits.broader }));
  if (input.related.length > glossaryLimits.related)
    problems.push(problem('related', 'glossary_related_many', { max: glossaryLimits.related }));
  return { labels, definition, problems };
}

export async function lockGlossary(tx: Executor): Promise<LockedGlossary> {
  // The table, not its rows: a concept added meanwhile (or to an empty glossary) waits too, so two
  // moderators never pick one slug or one word together. Readers (pages, search) are not held up.
  await tx.execute(sql`lock table ${glossaryConcepts} in exclusive mode`);
  const all = await tx
    .select({
      id: glossaryConcepts.id,
      slug: glossaryConcepts.slug,
      broader: glossaryConcepts.broader,
      version: glossaryConcepts.version,
    })
    .from(glossaryConcepts);
  return new Map(all.map((c) => [c.slug, c]));
}

/**
 * The wider and related concepts as ids, checked against the locked glossary: each must exist and
 * not be the concept itself, and the wider ones must not close a loop. Then no word may be another
 * concept's word in the same language.
 */
export async function checkAgainstGlossary(
  tx: Executor,
  glossary: LockedGlossary,
  concept: { id: string } | null,
  input: ConceptEdit,
  labels: Label[],
  problems: FieldProblem[],
) {
  const idsOf = (field: 'broader' | 'related', slugs: string[]) =>
    [...new Set(slugs.map((s) => s.trim()).filter(Boolean))].flatMap((slug) => {
      const found = glossary.get(slug);
      if (!found || found.id === concept?.id) {
        problems.push(problem(field, 'glossary_concept_unknown', { slug }));
        return [];
      }
      return [found.id];
    });
  const broader = idsOf('broader', input.broader);
  const related = idsOf('related', input.related);
  if (concept && !problems.length) {
    const broaderOf = new Map(
      [...glossary.values()].filter((c) => c.id !== concept.id).map((c) => [c.id, c.broader]),
    );
    const loop = broaderCycle(concept.id, broader, broaderOf);
    if (loop) {
      const slugOf = new Map([...glossary.values()].map((c) => [c.id, c.slug]));
      problems.push(
        problem('broader', 'glossary_broader_cycle', { loop: loop.map((id) => slugOf.get(id)).join(' → ') }),
      );
    }
  }
  for (const { label, slug } of await wordsOfOthers(tx, concept?.id ?? null, labels))
    problems.push(problem(fieldOf(label), 'glossary_word_taken', { word: label.text, concept: slug }));
  return { broader, related };
}

/** Words of the form that another concept already has in that language: they are theirs. */
async function wordsOfOthers(tx: Executor, conceptId: string | null, labels: Label[]) {
  if (!labels.length) return [];
  const rows = await tx
    .select({
      language: glossaryLabels.language,
      folded: glossaryLabels.folded,
      slug: glossaryConcepts.slug,
    })
    .from(glossaryLabels)
    .innerJoin(glossaryConcepts, eq(glossaryConcepts.id, glossaryLabels.conceptId))
    .where(
      and(
        conceptId ? ne(glossaryLabels.conceptId, conceptId) : undefined,
        inArray(
          glossaryLabels.folded,
          labels.map((l) => l.folded),
        ),
      ),
    );
  return labels.flatMap((label) => {
    // As the unique index compares them: the stored fold.
    const other = rows.find((r) => r.language === label.language && r.folded === label.folded);
    return other ? [{ label, slug: other.slug }] : [];
  });
}

/** The concept's words replaced and its whole state kept as the given version. */
export async function writeConceptState(
  tx: Executor,
  ctx: UseCaseContext<Actor>,
  concept: { id: string; slug: string; version: number },
  input: ConceptEdit,
  { labels, definition }: { labels: Label[]; definition: Record<string, string> },
) {
  await tx.delete(glossaryLabels).where(eq(glossaryLabels.conceptId, concept.id));
  await tx.insert(glossaryLabels).values(labels.map((l) => ({ ...l, conceptId: concept.id })));
  const state = {
    slug: concept.slug,
    definition,
    broader: input.broader.map((s) => s.trim()).filter(Boolean),
    related: input.related.map((s) => s.trim()).filter(Boolean),
    labels: labels.map(({ language, kind, text, sector }) => ({ language, kind, text, sector })),
  };
  await tx.insert(glossaryVersions).values({
    conceptId: concept.id,
    version: concept.version,
    changedBy: ctx.actor.userId,
    note: input.note.trim().slice(0, 500) || null,
    state,
    at: ctx.now,
  });
}
