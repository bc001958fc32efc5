// Learning paths for tests through the app: the fields of a card's form, and a path composed
// through the pages (a branching one: a situation whose choices part and meet again at a quiz).
import { expect } from 'vitest';
import type { FormClient } from './form-client.ts';
import { sql } from './members.ts';
import type { TestApp } from './test-app.ts';

const all = (name: string, text: string) => ({
  [`${name}.nl`]: `${text} (nl)`,
  [`${name}.fr`]: `${text} (fr)`,
  [`${name}.en`]: text,
});

export const textCard = (text: string, more: Record<string, string> = {}) => ({
  kind: 'text',
  ...all('text', text),
  next: '',
  ...more,
});

export const situationCard = (
  text: string,
  choices: { label: string; feedback: string; next?: string }[],
) => ({
  kind: 'situation',
  ...all('text', text),
  ...Object.assign(
    {},
    ...choices.map((c, i) => ({
      ...all(`choice${i + 1}.label`, c.label),
      ...all(`choice${i + 1}.feedback`, c.feedback),
      [`choice${i + 1}.next`]: c.next ?? '',
    })),
  ),
});

export const quizCard = (
  text: string,
  options: { label: string; correct?: boolean }[],
  feedback: string,
) => ({
  kind: 'quiz',
  ...all('text', text),
  ...Object.assign(
    {},
    ...options.map((o, i) => ({
      ...all(`option${i + 1}.label`, o.label),
      ...(o.correct ? { [`option${i + 1}.correct`]: '1' } : {}),
    })),
  ),
  ...all('feedback', feedback),
  next: '',
});

export async function pathRow(t: TestApp, id: string) {
  const [row] = await sql(t, 'select * from learning_paths where id = $1', [id]);
  return row as {
    id: string;
    slug: string;
    version: number;
    organisation_id: string | null;
    status: string;
    cards: {
      key: string;
      kind: string;
      choices?: { key: string }[];
      options?: { key: string; correct: boolean }[];
    }[];
  };
}

/** Adds a card through its form; expects it saved. */
export async function addCard(
  t: TestApp,
  client: FormClient,
  pathId: string,
  fields: Record<string, string>,
) {
  const { version } = await pathRow(t, pathId);
  await client.get(`/en/paths/${pathId}/cards/new?kind=${fields.kind}`);
  const res = await client.post(`/en/paths/${pathId}/cards/new`, { ...fields, version: String(version) });
  expect(res.statusCode, res.body.slice(0, 2000)).toBe(303);
  return (await pathRow(t, pathId)).cards.at(-1)!.key;
}

/**
 * A published path composed through the pages: 1 a situation (choice 1 to the text, choice 2
 * straight to the quiz), 2 a text with a glossary word, 3 a quiz with one right option.
 */
export async function composeBranchingPath(t: TestApp, composer: FormClient, slug: string) {
  await composer.get('/en/paths/new');
  const created = await composer.post('/en/paths/new', {
    slug,
    ...all('title', 'Someone asks about a debt'),
    ...all('summary', 'What to say, and who to refer to.'),
  });
  expect(created.statusCode, created.body.slice(0, 3000)).toBe(303);
  const id = /\/paths\/([0-9a-f-]{36})/.exec(created.headers.location as string)![1]!;
  const situation = await addCard(
    t,
    composer,
    id,
    situationCard('A neighbour shows you a reminder from a bailiff.', [
      { label: 'Read the letter together', feedback: 'Good: first understand what is asked.' },
      { label: 'Pay it for them', feedback: 'Kind, but it does not solve the debt.' },
    ]),
  );
  await addCard(t, composer, id, textCard('The CPAS offers debt counselling.', { concepts: 'ocmw' }));
  const quiz = await addCard(
    t,
    composer,
    id,
    quizCard(
      'Who can help with debts?',
      [{ label: 'The CPAS', correct: true }, { label: 'The bailiff' }],
      'The CPAS has debt counsellors.',
    ),
  );
  // Choice 2 now leads straight to the quiz.
  const row = await pathRow(t, id);
  await composer.get(`/en/paths/${id}/cards/${situation}`);
  const changed = await composer.post(`/en/paths/${id}/cards/${situation}`, {
    ...situationCard('A neighbour shows you a reminder from a bailiff.', [
      { label: 'Read the letter together', feedback: 'Good: first understand what is asked.' },
      { label: 'Pay it for them', feedback: 'Kind, but it does not solve the debt.', next: quiz },
    ]),
    'choice1.key': row.cards[0]!.choices![0]!.key,
    'choice2.key': row.cards[0]!.choices![1]!.key,
    version: String(row.version),
  });
  expect(changed.statusCode, changed.body.slice(0, 2000)).toBe(303);
  await composer.get(`/en/paths/${id}`);
  expect((await composer.post(`/en/paths/${id}/publish`, {})).statusCode).toBe(303);
  return pathRow(t, id);
}

const both = (text: string) => ({ nl: text, fr: text, en: text });

/** The cards of a small path written straight into the table: a situation (two choices) and a text. */
export function tableCards() {
  return [
    {
      key: 'k0000000001',
      kind: 'situation',
      text: both('Someone asks you where to sleep tonight.'),
      choices: [
        { key: 'k00000000c1', label: both('Look for a shelter together'), feedback: both('Good.'), next: '' },
        {
          key: 'k00000000c2',
          label: both('Say you do not know'),
          feedback: both('You can refer.'),
          next: '',
        },
      ],
    },
    {
      key: 'k0000000002',
      kind: 'text',
      text: both('Night shelters are on the map.'),
      concepts: [],
      services: [],
      next: '',
    },
  ];
}
