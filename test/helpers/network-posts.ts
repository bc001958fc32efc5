// Questions and answers for tests of following and digests, written straight into the tables (the
// questions' own pages are another part's): their search terms are left empty.
import { sql } from './members.ts';
import type { TestApp } from './test-app.ts';

export interface QuestionFields {
  authorId?: string | null;
  title?: string;
  body?: string;
  language?: 'nl' | 'fr' | 'en';
  themes?: string[];
  visibility?: 'everyone' | 'members';
  hidden?: boolean;
  createdAt?: Date;
}

let made = 0;

/** A question; its id. */
export async function insertQuestion(t: TestApp, fields: QuestionFields = {}): Promise<string> {
  const at = (fields.createdAt ?? new Date()).toISOString();
  const [{ id }] = await sql(
    t,
    `insert into questions (author_id, title, body, language, themes, visibility, hidden_at, search_terms,
       created_at, updated_at, last_activity_at)
     values ($1, $2, $3, $4, $5, $6, case when $7 then $8::timestamptz end, ''::tsvector, $8, $8, $8) returning id`,
    [
      fields.authorId ?? null,
      fields.title ?? `Question number ${++made} for the network`,
      fields.body ?? 'Who knows how this works?',
      fields.language ?? 'nl',
      `{${(fields.themes ?? ['housing']).join(',')}}`,
      fields.visibility ?? 'everyone',
      fields.hidden ?? false,
      at,
    ],
  );
  return id as string;
}

/** An answer to a question; its id. The question's activity moves with it, as answering does. */
export async function insertAnswer(
  t: TestApp,
  questionId: string,
  fields: {
    authorId?: string | null;
    body?: string;
    language?: string;
    hidden?: boolean;
    createdAt?: Date;
  } = {},
): Promise<string> {
  const at = (fields.createdAt ?? new Date()).toISOString();
  const [{ id }] = await sql(
    t,
    `insert into answers (question_id, author_id, body, language, hidden_at, created_at, updated_at)
     values ($1, $2, $3, $4, case when $5 then $6::timestamptz end, $6, $6) returning id`,
    [
      questionId,
      fields.authorId ?? null,
      fields.body ?? 'Ask the social service of your commune.',
      fields.language ?? 'nl',
      fields.hidden ?? false,
      at,
    ],
  );
  await sql(
    t,
    `update questions set last_activity_at = greatest(last_activity_at, $2), answer_count = answer_count + $3 where id = $1`,
    [questionId, at, fields.hidden ? 0 : 1],
  );
  return id as string;
}
