// Between the practice form's fields and what the use cases take: texts per language
// ("title.nl"), checked items per list ("obstacles"), new items one per line ("new_obstacles").
import { type FormValues, list, one } from '../../../shared/form-values.ts';
import { type I18nText, locales } from '../../../shared/i18n-text.ts';
import { worksheetFields, worksheetKinds } from '../knowledge.vocabulary.ts';
import type { PracticeInput } from './check-practice.ts';
import type { AcceptedAnswer } from '../../network/index.ts';
import { practiceLimits } from '../knowledge.vocabulary.ts';
import { type PracticeRow, practiceVersion } from './practices.repo.ts';

const texts = (values: FormValues, name: string): I18nText =>
  Object.fromEntries(locales.map((l) => [l, one(values[`${name}.${l}`]) ?? '']));
const text = (values: FormValues, name: string) => one(values[name]) ?? '';

export function practiceInput(values: FormValues): PracticeInput {
  return {
    title: texts(values, 'title'),
    summary: texts(values, 'summary'),
    story: texts(values, 'story'),
    organisationId: one(values.organisation),
    organisations: text(values, 'organisations'),
    themes: list(values.themes),
    communes: list(values.communes),
    contactName: text(values, 'contact_name'),
    contactWay: text(values, 'contact_way'),
    links: text(values, 'links'),
    chosen: Object.fromEntries(
      worksheetKinds.map((k) => [k, list(values[worksheetFields[k]])]),
    ) as PracticeInput['chosen'],
    added: Object.fromEntries(
      worksheetKinds.map((k) => [k, text(values, `new_${worksheetFields[k]}`)]),
    ) as PracticeInput['added'],
    version: one(values.version) || undefined,
  };
}

/** A stored practice as the form shows it to change it. */
export function practiceValues(practice: PracticeRow, origin: string, locale: string): FormValues {
  const values: FormValues = {
    organisations: practice.organisationIds.map((id) => `${origin}/${locale}/organisations/${id}`).join('\n'),
    themes: practice.themes,
    communes: practice.communes,
    contact_name: practice.contactName,
    contact_way: practice.contactWay,
    links: practice.links.join('\n'),
    obstacles: practice.obstacles,
    levers: practice.levers,
    tools: practice.tools,
    version: practiceVersion(practice),
  };
  for (const name of ['title', 'summary', 'story'] as const)
    for (const l of locales) values[`${name}.${l}`] = practice[name][l] ?? '';
  return values;
}

/** At most `max` characters, cut at a word and marked as cut. */
function shortened(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max / 2))}…`;
}

/**
 * A draft begun from an accepted answer: the question's title and text as title and summary, the
 * answer as the story (each in its own language), the question's themes and commune, the
 * organisations the answer points to as organisations involved, and the question as a link.
 */
export function answerDraftValues(
  { question, answer }: AcceptedAnswer,
  origin: string,
  locale: string,
): FormValues {
  return {
    [`title.${question.language}`]: shortened(question.title, practiceLimits.title.max),
    [`summary.${question.language}`]: shortened(question.body, practiceLimits.summary.max),
    [`story.${answer.language}`]: answer.body,
    themes: question.themes,
    communes: question.communeNis ? [question.communeNis] : [],
    organisations: [answer.organisationId, ...answer.organisationIds]
      .filter((id, i, all): id is string => !!id && all.indexOf(id) === i)
      .map((id) => `${origin}/${locale}/organisations/${id}`)
      .join('\n'),
    links: `${origin}/${locale}/questions/${question.id}`,
  };
}

/** A refused form's values, long texts cut so the page sent back stays small. */
export function refusedValues(values: FormValues): FormValues {
  return Object.fromEntries(
    Object.entries(values).map(([k, v]) => [
      k,
      Array.isArray(v) ? v.slice(0, 100).map((s) => s.slice(0, 100)) : v?.slice(0, 25_000),
    ]),
  );
}
