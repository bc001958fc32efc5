// Surveys for tests: the builder form's fields as a browser posts them, and a survey built through
// the app by its owner, returning its link's slug.
import { DateTime } from 'luxon';
import type { FormClient } from './form-client.ts';
import { sql } from './members.ts';
import type { TestApp } from './test-app.ts';

export interface QuestionFields {
  kind: string;
  prompt: string;
  options?: string[];
  required?: boolean;
}

/** A survey of four questions (one choice, several, a text, which quartier), open for a month. */
export const sampleQuestions: QuestionFields[] = [
  { kind: 'single', prompt: 'Avez-vous un logement ?', options: ['Oui', 'Non', 'Parfois'], required: true },
  { kind: 'multiple', prompt: 'Que vous manque-t-il ?', options: ['Chauffage', 'Eau chaude', 'Place'] },
  { kind: 'text', prompt: 'Autre chose ?' },
  { kind: 'quartier', prompt: 'Dans quel quartier habitez-vous ?' },
];

export function surveyForm(
  questions: QuestionFields[] = sampleQuestions,
  fields: Record<string, string> = {},
): Record<string, string | string[]> {
  const today = DateTime.now().setZone('Europe/Brussels');
  const form: Record<string, string | string[]> = {
    'title.fr': 'Le logement dans le quartier',
    'intro.fr': 'Quelques questions sur le logement.',
    theme: 'housing',
    opens_on: today.toISODate()!,
    opens_time: '00:00',
    closes_on: today.plus({ days: 30 }).toISODate()!,
    closes_time: '23:59',
    results: 'while_open',
    action: 'save',
  };
  questions.forEach((q, i) => {
    form[`q${i}-id`] = `question${i}`;
    form[`q${i}-kind`] = q.kind;
    form[`q${i}-prompt.fr`] = q.prompt;
    form[`q${i}-options.fr`] = (q.options ?? []).join('\n');
    if (q.required) form[`q${i}-required`] = 'yes';
  });
  return { ...form, ...fields };
}

/** Builds a survey through the builder as `owner` (for `organisationId`, or the network for null). */
export async function buildSurvey(
  t: TestApp,
  owner: FormClient,
  organisationId: string | null,
  form: Record<string, string | string[]> = surveyForm(),
): Promise<string> {
  const base = organisationId
    ? `/fr/manage/organisations/${organisationId}/surveys`
    : '/fr/moderation/surveys';
  await owner.get(`${base}/new`);
  const saved = await owner.post(`${base}/new`, form);
  if (saved.statusCode !== 303) throw new Error(`the survey was refused: ${saved.statusCode}`);
  const [{ slug }] = await sql(t, 'select slug from surveys order by created_at desc limit 1');
  return slug as string;
}

/** The survey's version as its answer page puts it in the form (a hidden field), to post with an answer. */
export const formVersion = (html: string): string => /name="version" value="(\d+)"/.exec(html)?.[1] ?? '';

/** The first organisation of the demo data: the one whose members build most of the tests' surveys. */
export async function firstOrganisation(t: TestApp): Promise<string> {
  return (await sql(t, 'select id from organisations order by provenance_id limit 1'))[0].id as string;
}

/** How many answers a survey has stored. */
export async function answersTo(t: TestApp, slug: string): Promise<number> {
  const [{ n }] = await sql(
    t,
    'select count(*)::int n from survey_responses r join surveys s on s.id = r.survey_id where s.slug = $1',
    [slug],
  );
  return n as number;
}
