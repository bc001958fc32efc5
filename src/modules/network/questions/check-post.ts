// The checks of a question's and an answer's fields, before anything is written: every problem at
// once, each with its field and the key of its translated message ("fields.<code>").
import type { FieldProblem } from '../../../shared/errors.ts';
import { AppError } from '../../../shared/errors.ts';
import type { Locale } from '../../../shared/i18n-text.ts';
import { themeCodes } from '../../directory/index.ts';
import { geoReference } from '../../geo/index.ts';
import {
  postLanguages,
  postLimits,
  type QuestionVisibility,
  questionVisibilities,
} from '../network.vocabulary.ts';

export interface QuestionInput {
  title: string;
  body: string;
  language: string;
  themes: string[];
  commune: string;
  visibility: string;
  organisationId?: string;
}

export interface CheckedQuestion {
  title: string;
  body: string;
  language: Locale;
  themes: string[];
  communeNis: string | null;
  visibility: QuestionVisibility;
}

const problem = (field: string, code: string): FieldProblem => ({ field, message: code, code });
const knownThemes = new Set(themeCodes);
const knownCommunes = new Set(geoReference().communes.map((c) => c.nis));

export function refuseIf(problems: FieldProblem[]): void {
  if (problems.length) throw new AppError('VALIDATION_FAILED', { fields: problems });
}

export function checkBody(body: string, problems: FieldProblem[]): string {
  const text = body.trim();
  if (text.length < postLimits.body.min) problems.push(problem('body', 'required'));
  else if (text.length > postLimits.body.max) problems.push(problem('body', 'post_body_long'));
  return text;
}

export const isPostLanguage = (value: string): value is Locale =>
  (postLanguages as readonly string[]).includes(value);

export function checkQuestion(input: QuestionInput): CheckedQuestion {
  const problems: FieldProblem[] = [];
  const title = input.title.trim().replace(/\s+/g, ' ');
  if (!title) problems.push(problem('title', 'required'));
  else if (title.length < postLimits.title.min || title.length > postLimits.title.max)
    problems.push(problem('title', 'post_title_length'));
  const body = checkBody(input.body, problems);
  if (!isPostLanguage(input.language)) problems.push(problem('language', 'choose_one'));
  const themes = [...new Set(input.themes.map((t) => t.trim()).filter(Boolean))];
  if (themes.length > 5 || themes.some((t) => !knownThemes.has(t)))
    problems.push(problem('themes', 'post_themes'));
  const commune = input.commune.trim();
  if (commune && !knownCommunes.has(commune)) problems.push(problem('commune', 'choose_one'));
  const visibility = input.visibility as QuestionVisibility;
  if (!questionVisibilities.includes(visibility)) problems.push(problem('visibility', 'choose_one'));
  refuseIf(problems);
  return {
    title,
    body,
    language: input.language as Locale,
    themes,
    communeNis: commune || null,
    visibility,
  };
}
