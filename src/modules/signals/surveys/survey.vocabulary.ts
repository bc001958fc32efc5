// The words of a simple survey: the kinds of question, when results are shown, and the limits.
// Codes are stored; their names are in messages/ (signals.survey.kind.*, signals.survey.visibility.*).
import type { I18nText } from '../../../shared/i18n-text.ts';

export const questionKinds = ['single', 'multiple', 'scale', 'number', 'text', 'quartier'] as const;
export type QuestionKind = (typeof questionKinds)[number];

/** Kinds whose answers are picked from the question's own options. */
export const choiceKinds: readonly QuestionKind[] = ['single', 'multiple'];

/** Results for everyone while the survey runs, or only once it has closed. */
export const resultVisibilities = ['while_open', 'after_close'] as const;
export type ResultVisibility = (typeof resultVisibilities)[number];

export const surveyLimits = {
  minQuestions: 1,
  maxQuestions: 30,
  minOptions: 2,
  maxOptions: 20,
  title: 150,
  intro: 1000,
  prompt: 300,
  option: 150,
  /** A short text answer. */
  answer: 500,
  /** A number answer, either way. */
  number: 1_000_000_000,
} as const;

/** Below this many answers, the public sees that a question was answered, not how. */
export const publicMinimum = 5;

/** One question, as stored in the survey (its id stays as it is edited, reordered or moved). */
export interface SurveyQuestion {
  id: string;
  kind: QuestionKind;
  prompt: I18nText;
  /** The options of a single or multiple choice, each in the languages of the prompt; otherwise empty. */
  options: I18nText[];
  required: boolean;
}

/** One answer as stored: an option's index, several, a number, a text, or a quartier code. */
export type AnswerValue = number | number[] | string;
export type SurveyAnswers = Record<string, AnswerValue>;
