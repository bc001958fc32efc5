// One person's answers to a survey, checked question by question before anything is stored: an
// option of the question, a step of the scale, a number, a short text, a quartier of Brussels.
// Every problem is named on its question; an answer with nothing in it is refused as a whole.
import type { FieldProblem } from '../../../shared/errors.ts';
import { list } from '../../../shared/form-values.ts';
import { containsNationalNumber } from '../../../shared/national-number.ts';
import { geoReference } from '../../geo/index.ts';
import {
  type AnswerValue,
  type SurveyAnswers,
  type SurveyQuestion,
  surveyLimits,
} from './survey.vocabulary.ts';

/** As posted: one value, or several for a multiple choice, per question. */
export type AnswerInput = Record<string, string | string[] | undefined>;

export interface CheckedAnswers {
  answers: SurveyAnswers;
  /** The first "which quartier" answer, for the evidence map. */
  place: { quartierCode: number; communeNis: string } | null;
}

/** The form field of a question's answer. */
export const answerField = (question: Pick<SurveyQuestion, 'id'>) => `a-${question.id}`;

const optionIndex = (value: string, count: number): number | null =>
  /^\d{1,2}$/.test(value) && Number(value) < count ? Number(value) : null;

/** A number as people type it: "12", "-3", "2,5" or "2.5". */
export function readNumber(text: string): number | null {
  const t = text.trim().replace(/\s/g, '');
  if (!/^-?\d{1,10}([.,]\d{1,4})?$/.test(t)) return null;
  return Number(t.replace(',', '.'));
}

type Checked = { value: AnswerValue } | { problem: string } | null;

function checkOne(question: SurveyQuestion, raw: string[]): Checked {
  const given = raw.map((v) => v.trim()).filter(Boolean);
  if (!given.length) return question.required ? { problem: 'survey_answer_required' } : null;
  switch (question.kind) {
    case 'single': {
      const index = given.length === 1 ? optionIndex(given[0]!, question.options.length) : null;
      return index === null ? { problem: 'survey_answer_choice' } : { value: index };
    }
    case 'multiple': {
      const indexes = given.map((v) => optionIndex(v, question.options.length));
      if (indexes.some((i) => i === null)) return { problem: 'survey_answer_choice' };
      return { value: [...new Set(indexes as number[])].sort((a, b) => a - b) };
    }
    case 'scale':
      return /^[1-5]$/.test(given[0]!) && given.length === 1
        ? { value: Number(given[0]) }
        : { problem: 'survey_answer_scale' };
    case 'number': {
      const n = given.length === 1 ? readNumber(given[0]!) : null;
      if (n === null) return { problem: 'survey_answer_number' };
      if (Math.abs(n) > surveyLimits.number) return { problem: 'survey_answer_number_range' };
      return { value: n };
    }
    case 'text': {
      if (given.length !== 1) return { problem: 'survey_answer_text_one' };
      const text = given[0]!.replace(/\s+/g, ' ');
      if (text.length > surveyLimits.answer) return { problem: 'survey_answer_text_long' };
      // The answers are anonymous: a national number would name someone.
      if (containsNationalNumber(text)) return { problem: 'survey_answer_national_number' };
      return { value: text };
    }
    case 'quartier': {
      const code = given.length === 1 && /^\d{1,4}$/.test(given[0]!) ? Number(given[0]) : NaN;
      return geoReference().quartier(code) ? { value: code } : { problem: 'survey_answer_quartier' };
    }
  }
}

export function checkAnswers(
  questions: SurveyQuestion[],
  input: AnswerInput,
): { problems: FieldProblem[]; value?: CheckedAnswers } {
  const problems: FieldProblem[] = [];
  const answers: SurveyAnswers = {};
  let place: CheckedAnswers['place'] = null;
  for (const question of questions) {
    const field = answerField(question);
    const checked = checkOne(question, list(input[field]));
    if (!checked) continue;
    if ('problem' in checked) {
      problems.push({ field, message: checked.problem, code: checked.problem });
      continue;
    }
    answers[question.id] = checked.value;
    if (question.kind === 'quartier' && !place) {
      const quartier = geoReference().quartier(Number(checked.value))!;
      place = { quartierCode: quartier.code, communeNis: quartier.communeNis };
    }
  }
  if (!problems.length && !Object.keys(answers).length && questions.length)
    problems.push({
      field: answerField(questions[0]!),
      message: 'survey_answer_empty',
      code: 'survey_answer_empty',
    });
  return problems.length ? { problems } : { problems, value: { answers, place } };
}
