// A survey as the builder form holds it: every field a string as typed, the questions numbered in
// the order shown. The form posts the whole survey each time, so adding, removing and moving a
// question work without JavaScript (the page is shown again with the change, nothing stored) and
// saving checks and stores it at once.
import { randomBytes } from 'node:crypto';
import { type FormValues, list, one } from '../../../shared/form-values.ts';
import { type I18nText, locales } from '../../../shared/i18n-text.ts';

export interface QuestionDraft {
  id: string;
  kind: string;
  prompt: I18nText;
  /** One option a line, per language. */
  options: I18nText;
  required: boolean;
}

export interface SurveyDraft {
  title: I18nText;
  intro: I18nText;
  theme: string;
  opensOn: string;
  opensTime: string;
  closesOn: string;
  closesTime: string;
  results: string;
  questions: QuestionDraft[];
}

/** The builder's buttons besides "save": add a question, or remove or move the one numbered. */
export type DraftAction =
  { kind: 'save' } | { kind: 'add' } | { kind: 'remove' | 'up' | 'down'; index: number };

/** How many numbered questions a posted form may name before the rest is ignored (the check refuses far fewer). */
const readLimit = 300;

export const newQuestionId = () => randomBytes(6).toString('base64url');

export const emptyQuestion = (): QuestionDraft => ({
  id: newQuestionId(),
  kind: 'single',
  prompt: {},
  options: {},
  required: false,
});

const inLanguages = (values: FormValues, name: string): I18nText =>
  Object.fromEntries(locales.map((l) => [l, one(values[`${name}.${l}`]) ?? '']));

export const questionField = (index: number, name: string) => `q${index}-${name}`;

export function readDraft(values: FormValues): SurveyDraft {
  const numbers = Object.keys(values)
    .map((key) => /^q(\d{1,3})-kind$/.exec(key)?.[1])
    .filter((n): n is string => n !== undefined)
    .map(Number)
    .filter((n) => n < readLimit)
    .sort((a, b) => a - b);
  return {
    title: inLanguages(values, 'title'),
    intro: inLanguages(values, 'intro'),
    theme: one(values.theme) ?? '',
    opensOn: one(values.opens_on) ?? '',
    opensTime: one(values.opens_time) ?? '',
    closesOn: one(values.closes_on) ?? '',
    closesTime: one(values.closes_time) ?? '',
    results: one(values.results) ?? '',
    questions: numbers.map((n) => ({
      id: one(values[questionField(n, 'id')]) ?? '',
      kind: one(values[questionField(n, 'kind')]) ?? '',
      prompt: inLanguages(values, questionField(n, 'prompt')),
      options: inLanguages(values, questionField(n, 'options')),
      required: list(values[questionField(n, 'required')]).includes('yes'),
    })),
  };
}

/** The form's fields for a draft, numbered in its order, as the builder page shows them. */
export function draftValues(draft: SurveyDraft): FormValues {
  const values: FormValues = {
    theme: draft.theme,
    opens_on: draft.opensOn,
    opens_time: draft.opensTime,
    closes_on: draft.closesOn,
    closes_time: draft.closesTime,
    results: draft.results,
  };
  const put = (name: string, text: I18nText) => {
    for (const l of locales) values[`${name}.${l}`] = text[l] ?? '';
  };
  put('title', draft.title);
  put('intro', draft.intro);
  draft.questions.forEach((q, i) => {
    values[questionField(i, 'id')] = q.id;
    values[questionField(i, 'kind')] = q.kind;
    put(questionField(i, 'prompt'), q.prompt);
    put(questionField(i, 'options'), q.options);
    values[questionField(i, 'required')] = q.required ? 'yes' : undefined;
  });
  return values;
}

export function readAction(value: string | undefined): DraftAction {
  if (value === 'add') return { kind: 'add' };
  const match = /^(remove|up|down)-(\d{1,3})$/.exec(value ?? '');
  if (match) return { kind: match[1] as 'remove' | 'up' | 'down', index: Number(match[2]) };
  return { kind: 'save' };
}

/** The draft after an add, remove or move; unchanged for an index it does not have. */
export function applyAction(draft: SurveyDraft, action: Exclude<DraftAction, { kind: 'save' }>): SurveyDraft {
  const questions = [...draft.questions];
  if (action.kind === 'add') return { ...draft, questions: [...questions, emptyQuestion()] };
  const { index } = action;
  if (index >= questions.length) return draft;
  if (action.kind === 'remove') questions.splice(index, 1);
  const other = action.kind === 'up' ? index - 1 : action.kind === 'down' ? index + 1 : -1;
  if (other >= 0 && other < questions.length)
    [questions[index], questions[other]] = [questions[other]!, questions[index]!];
  return { ...draft, questions };
}
