// Written answers may say something about a person, so they are stored encrypted, as a referral's
// or a signal's text is: one sealed JSON object per answer (question id -> text), bound to its row.
// The other answers (options, numbers, quartiers) stay plain, for the counts.
import { decryptField, encryptField, type KeyRing } from '../../../shared/field-encryption.ts';
import type { SurveyAnswers, SurveyQuestion } from './survey.vocabulary.ts';

export const surveyTextsContext = (id: string) => `survey_responses.texts:${id}`;

/** The answers to store: the plain ones, and the written ones sealed (null when there are none). */
export function sealTexts(
  keys: KeyRing,
  questions: readonly SurveyQuestion[],
  answers: SurveyAnswers,
  responseId: string,
): { answers: SurveyAnswers; texts: string | null } {
  const written = new Set(questions.filter((q) => q.kind === 'text').map((q) => q.id));
  const plain: SurveyAnswers = {};
  const texts: Record<string, string> = {};
  for (const [id, value] of Object.entries(answers)) {
    if (written.has(id) && typeof value === 'string') texts[id] = value;
    else plain[id] = value;
  }
  const sealed = Object.keys(texts).length
    ? encryptField(keys, JSON.stringify(texts), surveyTextsContext(responseId))
    : null;
  return { answers: plain, texts: sealed };
}

/** One stored answer whole again, the written parts opened. */
export function openAnswers(
  keys: KeyRing,
  row: { id: string; answers: SurveyAnswers; texts: string | null },
): SurveyAnswers {
  if (!row.texts) return row.answers;
  const texts = JSON.parse(decryptField(keys, row.texts, surveyTextsContext(row.id))) as Record<
    string,
    string
  >;
  return { ...row.answers, ...texts };
}
