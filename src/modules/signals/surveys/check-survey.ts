// What a survey must be before it is stored: a title in at least one language, a known theme or
// none, an opening and a closing moment in Brussels time, when results are shown, and 1 to 30
// questions of a known kind, each with a prompt and, for a choice, 2 to 20 options given alike in
// every language used. Every problem is named at once, on its field.
import { DateTime } from 'luxon';
import type { FieldProblem } from '../../../shared/errors.ts';
import { cleanText, type I18nText, locales } from '../../../shared/i18n-text.ts';
import { type QuestionDraft, type SurveyDraft, newQuestionId, questionField } from './survey-draft.ts';
import {
  choiceKinds,
  type QuestionKind,
  questionKinds,
  resultVisibilities,
  type ResultVisibility,
  type SurveyQuestion,
  surveyLimits as limits,
} from './survey.vocabulary.ts';

export const brussels = 'Europe/Brussels';
/** A survey runs for a year at most. */
const longestRun = { days: 366 };

/** The latest a survey opening then may ever close, however its closing is moved. */
export const latestClosing = (opensAt: Date): Date =>
  DateTime.fromJSDate(opensAt).plus(longestRun).toJSDate();

export interface CheckedSurvey {
  title: I18nText;
  intro: I18nText;
  themeCode: string | null;
  opensAt: Date;
  closesAt: Date;
  resultsVisibility: ResultVisibility;
  questions: SurveyQuestion[];
}

export interface SurveyRules {
  themeCodes: ReadonlySet<string>;
  now: Date;
}

type Problem = (field: string, code: string) => void;

/** One line of text, its spaces folded, so a title or a prompt never breaks a page or a CSV line. */
const oneLine = (text: I18nText): I18nText =>
  cleanText(Object.fromEntries(locales.map((l) => [l, text[l]?.replace(/\s+/g, ' ')])));
const longest = (text: I18nText) => Math.max(0, ...locales.map((l) => text[l]?.length ?? 0));

/** A date and a time typed in the form, read in Brussels time; null when either cannot be read. */
export function brusselsMoment(day: string, time: string, fallbackTime: string): Date | null {
  const d = day.trim();
  const t = time.trim() || fallbackTime;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(d) || !/^\d{2}:\d{2}$/.test(t)) return null;
  const moment = DateTime.fromISO(`${d}T${t}`, { zone: brussels });
  return moment.isValid ? moment.toJSDate() : null;
}

/** The closing moment alone, as the only thing that may change once a survey has answers. */
export function checkClosing(
  draft: Pick<SurveyDraft, 'closesOn' | 'closesTime'>,
  opensAt: Date,
  now: Date,
  problem: Problem,
): Date | null {
  const closesAt = brusselsMoment(draft.closesOn, draft.closesTime, '23:59');
  if (!closesAt) problem('closes_on', 'survey_date');
  else if (closesAt <= opensAt) problem('closes_on', 'survey_closes_before_opens');
  else if (closesAt.getTime() < now.getTime() - 60_000) problem('closes_on', 'survey_closes_past');
  else if (latestClosing(opensAt) < closesAt) problem('closes_on', 'survey_too_long_open');
  else return closesAt;
  return null;
}

function checkOptions(q: QuestionDraft, i: number, problem: Problem): I18nText[] {
  const field = questionField(i, 'options');
  const lines = Object.fromEntries(
    locales.map((l) => [
      l,
      (q.options[l] ?? '')
        .split(/\r?\n/)
        .map((line) => line.replace(/\s+/g, ' ').trim())
        .filter(Boolean),
    ]),
  );
  const used = locales.filter((l) => lines[l]!.length);
  const count = used.length ? lines[used[0]!]!.length : 0;
  if (used.some((l) => lines[l]!.length !== count)) problem(field, 'survey_options_mismatch');
  else if (count < limits.minOptions) problem(field, 'survey_options_few');
  else if (count > limits.maxOptions) problem(field, 'survey_options_many');
  else if (used.some((l) => lines[l]!.some((line) => line.length > limits.option)))
    problem(field, 'survey_option_long');
  else
    return Array.from({ length: count }, (_, n) => Object.fromEntries(used.map((l) => [l, lines[l]![n]!])));
  return [];
}

function checkQuestion(q: QuestionDraft, i: number, problem: Problem): SurveyQuestion | null {
  const kind = questionKinds.find((k) => k === q.kind.trim());
  if (!kind) problem(questionField(i, 'kind'), 'survey_kind');
  const prompt = oneLine(q.prompt);
  if (!Object.keys(prompt).length) problem(questionField(i, 'prompt'), 'survey_prompt');
  else if (longest(prompt) > limits.prompt) problem(questionField(i, 'prompt'), 'survey_prompt_long');
  const options = kind && choiceKinds.includes(kind) ? checkOptions(q, i, problem) : [];
  if (!kind || !Object.keys(prompt).length) return null;
  return {
    id: /^[A-Za-z0-9_-]{6,16}$/.test(q.id) ? q.id : newQuestionId(),
    kind: kind as QuestionKind,
    prompt,
    options,
    required: q.required,
  };
}

export function checkSurvey(
  draft: SurveyDraft,
  rules: SurveyRules,
): { problems: FieldProblem[]; value?: CheckedSurvey } {
  const problems: FieldProblem[] = [];
  const problem: Problem = (field, code) => problems.push({ field, message: code, code });

  const title = oneLine(draft.title);
  if (!Object.keys(title).length) problem('title', 'survey_title');
  else if (longest(title) > limits.title) problem('title', 'survey_title_long');
  const intro = cleanText(draft.intro);
  if (longest(intro) > limits.intro) problem('intro', 'survey_intro_long');

  const theme = draft.theme.trim();
  if (theme && !rules.themeCodes.has(theme)) problem('theme', 'survey_theme');

  const opensAt = brusselsMoment(draft.opensOn, draft.opensTime, '00:00');
  if (!opensAt) problem('opens_on', 'survey_date');
  const closesAt = opensAt ? checkClosing(draft, opensAt, rules.now, problem) : null;

  const resultsVisibility = resultVisibilities.find((v) => v === draft.results);
  if (!resultsVisibility) problem('results', 'survey_results');

  const count = draft.questions.length;
  if (count < limits.minQuestions) problem('questions', 'survey_no_question');
  else if (count > limits.maxQuestions) problem('questions', 'survey_too_many_questions');
  // Thirty questions at most are looked at one by one: 200 get one clear message, not 200.
  const questions =
    count <= limits.maxQuestions ? draft.questions.map((q, i) => checkQuestion(q, i, problem)) : [];
  // Answers are stored by question id: a posted form naming one id twice gets a new one for the second.
  const ids = new Set<string>();
  for (const question of questions) {
    if (!question) continue;
    while (ids.has(question.id)) question.id = newQuestionId();
    ids.add(question.id);
  }

  if (problems.length || !opensAt || !closesAt || !resultsVisibility) return { problems };
  return {
    problems,
    value: {
      title,
      intro,
      themeCode: theme || null,
      opensAt,
      closesAt,
      resultsVisibility,
      questions: questions.filter((q): q is SurveyQuestion => q !== null),
    },
  };
}

/** A stored survey as the builder form shows it, its moments in Brussels time. */
export function draftOf(survey: CheckedSurvey): SurveyDraft {
  const day = (d: Date) => DateTime.fromJSDate(d, { zone: brussels }).toISODate()!;
  const time = (d: Date) => DateTime.fromJSDate(d, { zone: brussels }).toFormat('HH:mm');
  const lines = (options: I18nText[]) =>
    Object.fromEntries(
      locales.map((l) => [
        l,
        options
          .map((o) => o[l] ?? '')
          .join('\n')
          .trim(),
      ]),
    );
  return {
    title: survey.title,
    intro: survey.intro,
    theme: survey.themeCode ?? '',
    opensOn: day(survey.opensAt),
    opensTime: time(survey.opensAt),
    closesOn: day(survey.closesAt),
    closesTime: time(survey.closesAt),
    results: survey.resultsVisibility,
    questions: survey.questions.map((q) => ({
      id: q.id,
      kind: q.kind,
      prompt: q.prompt,
      options: lines(q.options),
      required: q.required,
    })),
  };
}
