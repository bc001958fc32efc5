// A question's search terms: the search module's analysis (stems in each text's language, thesaurus
// concepts, themes) of its title, text and visible answers, kept as a tsvector whose lexemes are
// stored as they are. Recomputed inside every transaction that changes what can be found: a new
// question or answer, a hidden or restored one (a hidden question has no terms at all). Its count of
// visible answers is kept with it.
import { eq, sql } from 'drizzle-orm';
import type { Executor } from '../../../db/client.ts';
import { documentTerms, thesaurus } from '../../search/index.ts';
import { questions } from '../network.schema.ts';
import { visibleAnswerTexts, type QuestionRow } from './questions.repo.ts';

/** Call with the question locked (lockQuestion), after the change. */
export async function refreshQuestionTerms(
  tx: Executor,
  question: Pick<QuestionRow, 'id' | 'title' | 'body' | 'language' | 'themes'>,
  hidden: boolean,
): Promise<void> {
  const visible = await visibleAnswerTexts(tx, question.id);
  const terms = hidden
    ? []
    : documentTerms(
        [
          { text: `${question.title}\n${question.body}`, lang: question.language },
          ...visible.map((a) => ({ text: a.body, lang: a.language })),
        ],
        question.themes,
        thesaurus(),
      );
  await tx
    .update(questions)
    .set({
      searchTerms: sql`array_to_tsvector(${sql.param(terms)}::text[])`,
      answerCount: visible.length,
    })
    .where(eq(questions.id, question.id));
}
