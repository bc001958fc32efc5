// The checks of an offer's or a request's fields before anything is written: every problem at
// once, each with its field and the key of its translated message ("fields.<code>"). Reads
// nothing: the vocabularies are the directory's themes and languages and the 19 communes.
import { AppError, type FieldProblem } from '../../../shared/errors.ts';
import { cleanText, type I18nText, locales } from '../../../shared/i18n-text.ts';
import { commonLanguages, themeCodes } from '../../directory/index.ts';
import { geoReference } from '../../geo/index.ts';
import {
  type PostDirection,
  postDirections,
  type PostKind,
  postKinds,
  postLimits,
} from '../exchange.vocabulary.ts';
import { addDays, isDay } from './dates.ts';

/** What a new or changed post's form gives, as typed. */
export interface PostInput {
  direction: string;
  kind: string;
  title: I18nText;
  body: I18nText;
  languages: string[];
  themes: string[];
  communes: string[];
  allBrussels: boolean;
  /** The last day on the board, YYYY-MM-DD. */
  until: string;
  informalMayAnswer: boolean;
  /** For a new post: the organisation it is for, one of the author's. */
  organisationId?: string;
  /** When changing: the post's version the form was made from. */
  version?: string;
}

export interface CheckedPost {
  direction: PostDirection;
  kind: PostKind;
  title: I18nText;
  body: I18nText;
  languages: string[];
  themes: string[];
  communes: string[];
  allBrussels: boolean;
  until: string;
  informalMayAnswer: boolean;
}

export const problem = (field: string, code: string, values?: FieldProblem['values']): FieldProblem => ({
  field,
  message: code,
  code,
  ...(values ? { values } : {}),
});

const knownThemes = new Set(themeCodes);
const knownLanguages = new Set<string>(commonLanguages);
const knownCommunes = new Set(geoReference().communes.map((c) => c.nis));
const distinct = (values: string[]) => [...new Set(values.map((v) => v.trim()).filter(Boolean))];
const oneLine = (s: string) => s.trim().replace(/\s+/g, ' ');

export function refuseIf(problems: FieldProblem[]): void {
  if (problems.length) throw new AppError('VALIDATION_FAILED', { fields: problems });
}

function checkTexts(input: PostInput, problems: FieldProblem[]) {
  const title: I18nText = {};
  const body: I18nText = {};
  const titles = cleanText(input.title);
  const bodies = cleanText(input.body);
  for (const l of locales) {
    const t = titles[l] ? oneLine(titles[l]) : '';
    if (t) {
      if (t.length < postLimits.title.min || t.length > postLimits.title.max)
        problems.push(problem(`title.${l}`, 'exchange_title_length'));
      title[l] = t;
    }
    const b = bodies[l]?.trim() ?? '';
    if (b) {
      if (b.length > postLimits.body.max) problems.push(problem(`body.${l}`, 'exchange_body_long'));
      // A text without a title in its language is refused: the board shows titles.
      else if (!t) problems.push(problem(`title.${l}`, 'exchange_title_for_text'));
      body[l] = b;
    }
  }
  if (!Object.keys(title).length && !Object.keys(body).length)
    problems.push(problem('title', 'exchange_text_missing'));
  return { title, body };
}

/** `today` is the Brussels date the post is written on (YYYY-MM-DD). */
export function checkPost(input: PostInput, today: string, problems: FieldProblem[] = []): CheckedPost {
  const direction = input.direction as PostDirection;
  if (!postDirections.includes(direction)) problems.push(problem('direction', 'choose_one'));
  const kind = input.kind as PostKind;
  if (!postKinds.includes(kind)) problems.push(problem('kind', 'choose_one'));
  const { title, body } = checkTexts(input, problems);

  const languages = distinct(input.languages);
  if (languages.length > postLimits.languages || languages.some((l) => !knownLanguages.has(l)))
    problems.push(problem('languages', 'exchange_languages'));
  else if (kind === 'interpreting' && !languages.length)
    problems.push(problem('languages', 'exchange_languages_missing'));
  const themes = distinct(input.themes);
  if (themes.length > postLimits.themes || themes.some((t) => !knownThemes.has(t)))
    problems.push(problem('themes', 'exchange_themes'));
  // All Brussels takes the place of any commune ticked with it.
  const communes = input.allBrussels ? [] : distinct(input.communes);
  if (communes.some((c) => !knownCommunes.has(c))) problems.push(problem('communes', 'exchange_communes'));
  else if (!input.allBrussels && !communes.length)
    problems.push(problem('communes', 'exchange_place_missing'));

  const until = input.until.trim();
  const latest = addDays(today, postLimits.untilDays);
  if (!isDay(until)) problems.push(problem('until', 'exchange_until_date'));
  else if (until < today) problems.push(problem('until', 'exchange_until_past'));
  else if (until > latest) problems.push(problem('until', 'exchange_until_far', { latest }));
  refuseIf(problems);
  return {
    direction,
    kind,
    title,
    body,
    languages,
    themes,
    communes: communes.sort(),
    allBrussels: input.allBrussels,
    until,
    informalMayAnswer: input.informalMayAnswer,
  };
}
