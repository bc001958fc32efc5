// The network's questions for search: one document per question any visitor may read (for
// everyone, not hidden by the moderators), found by its title, its text and its visible answers.
// Members-only and hidden questions, and hidden answers, are never indexed: search results are
// public. Triggers on questions and answers log the question in the shared search change log
// (migration 0037).
import { sql } from 'drizzle-orm';
import type { Executor } from '../../../db/client.ts';
import type { I18nText } from '../../../shared/i18n-text.ts';
import { changeLog, otherDoc, type SearchSource } from '../../search/index.ts';
import { brusselsDay } from '../../../shared/brussels-time.ts';

interface QuestionSearchRow {
  id: string;
  title: string;
  body: string;
  language: 'nl' | 'fr' | 'en';
  themes: string[];
  communeNis: string | null;
  createdAt: Date | string;
}

export async function questionDocuments(db: Executor, ownerIds?: string[]) {
  const ids = ownerIds ? sql.param(ownerIds) : undefined;
  const visible = sql`q.visibility = 'everyone' and q.hidden_at is null`;
  const [questions, answers] = await Promise.all([
    db.execute(sql`
      select q.id, q.title, q.body, q.language, q.themes, q.commune_nis as "communeNis", q.created_at as "createdAt"
      from questions q where ${visible} ${ids ? sql`and q.id = any(${ids}::uuid[])` : sql``}`),
    db.execute(sql`
      select a.question_id as "questionId", a.body, a.language
      from answers a join questions q on q.id = a.question_id
      where ${visible} and a.hidden_at is null ${ids ? sql`and q.id = any(${ids}::uuid[])` : sql``}`),
  ]);
  const answersOf = new Map<string, I18nText[]>();
  for (const a of answers.rows as { questionId: string; body: string; language: 'nl' | 'fr' | 'en' }[]) {
    let list = answersOf.get(a.questionId);
    if (!list) answersOf.set(a.questionId, (list = []));
    list.push({ [a.language]: a.body });
  }
  return (questions.rows as unknown as QuestionSearchRow[]).map((q) =>
    otherDoc({
      type: 'question',
      id: q.id,
      title: { [q.language]: q.title },
      text: { [q.language]: q.body },
      moreText: answersOf.get(q.id) ?? [],
      path: `/questions/${q.id}`,
      date: brusselsDay(new Date(q.createdAt)),
      themes: q.themes,
      communes: q.communeNis ? [q.communeNis] : [],
      languages: [q.language],
    }),
  );
}

export const questionsSearchSource: SearchSource = {
  name: 'questions',
  ...changeLog('questions'),
  documents: questionDocuments,
};
