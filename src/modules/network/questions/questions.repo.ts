// Reading and writing questions, answers and who follows a question. Search is in search-questions.ts.
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../../../db/client.ts';
import { answers, follows, questions } from '../network.schema.ts';

/** A question's columns for pages and use cases (its search terms stay in the database). */
const questionColumns = {
  id: questions.id,
  authorId: questions.authorId,
  organisationId: questions.organisationId,
  title: questions.title,
  body: questions.body,
  language: questions.language,
  themes: questions.themes,
  communeNis: questions.communeNis,
  visibility: questions.visibility,
  acceptedAnswerId: questions.acceptedAnswerId,
  answerCount: questions.answerCount,
  lastActivityAt: questions.lastActivityAt,
  hiddenAt: questions.hiddenAt,
  hiddenReason: questions.hiddenReason,
  editedAt: questions.editedAt,
  isDemo: questions.isDemo,
  createdAt: questions.createdAt,
};

export type QuestionRow = Awaited<ReturnType<typeof findQuestion>> & {};

export async function findQuestion(db: Executor, id: string) {
  const [row] = await db.select(questionColumns).from(questions).where(eq(questions.id, id));
  return row;
}

/** The question, locked until the transaction ends: its answers and terms change one writer at a time. */
export async function lockQuestion(tx: Executor, id: string) {
  const [row] = await tx.select(questionColumns).from(questions).where(eq(questions.id, id)).for('update');
  return row;
}

export async function insertQuestion(
  tx: Executor,
  values: Pick<
    typeof questions.$inferInsert,
    | 'authorId'
    | 'organisationId'
    | 'title'
    | 'body'
    | 'language'
    | 'themes'
    | 'communeNis'
    | 'visibility'
    | 'isDemo'
  > & { now: Date },
): Promise<string> {
  const { now, ...rest } = values;
  const [row] = await tx
    .insert(questions)
    .values({ ...rest, lastActivityAt: now, createdAt: now, updatedAt: now, searchTerms: sql`''::tsvector` })
    .returning({ id: questions.id });
  return row!.id;
}

const answerColumns = {
  id: answers.id,
  questionId: answers.questionId,
  authorId: answers.authorId,
  organisationId: answers.organisationId,
  body: answers.body,
  language: answers.language,
  serviceIds: answers.serviceIds,
  organisationIds: answers.organisationIds,
  hiddenAt: answers.hiddenAt,
  hiddenReason: answers.hiddenReason,
  editedAt: answers.editedAt,
  createdAt: answers.createdAt,
};
export type AnswerRow = Awaited<ReturnType<typeof listAnswers>>[number];

/** A question's answers in the order they were written, hidden ones too (the page decides). */
export function listAnswers(db: Executor, questionId: string) {
  return db
    .select(answerColumns)
    .from(answers)
    .where(eq(answers.questionId, questionId))
    .orderBy(asc(answers.createdAt), asc(answers.id));
}

export async function findAnswer(db: Executor, id: string) {
  const [row] = await db.select(answerColumns).from(answers).where(eq(answers.id, id));
  return row;
}

/** The texts of a question's visible answers, for its search terms. */
export function visibleAnswerTexts(db: Executor, questionId: string) {
  return db
    .select({ body: answers.body, language: answers.language })
    .from(answers)
    .where(and(eq(answers.questionId, questionId), isNull(answers.hiddenAt)));
}

export async function insertAnswer(
  tx: Executor,
  values: Pick<
    typeof answers.$inferInsert,
    'questionId' | 'authorId' | 'organisationId' | 'body' | 'language' | 'serviceIds' | 'organisationIds'
  > & { now: Date },
): Promise<string> {
  const { now, ...rest } = values;
  const [row] = await tx
    .insert(answers)
    .values({ ...rest, createdAt: now, updatedAt: now })
    .returning({ id: answers.id });
  await tx.update(questions).set({ lastActivityAt: now }).where(eq(questions.id, values.questionId));
  return row!.id;
}

/** Whether a question has answers, hidden ones too. */
export async function hasAnswers(db: Executor, questionId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: answers.id })
    .from(answers)
    .where(eq(answers.questionId, questionId))
    .limit(1);
  return row !== undefined;
}

/** The author's new version of a question (its organisation stays). */
export async function updateQuestion(
  tx: Executor,
  id: string,
  values: Pick<
    typeof questions.$inferInsert,
    'title' | 'body' | 'language' | 'themes' | 'communeNis' | 'visibility'
  > & { now: Date },
): Promise<void> {
  const { now, ...rest } = values;
  await tx
    .update(questions)
    .set({ ...rest, editedAt: now, updatedAt: now })
    .where(eq(questions.id, id));
}

/** The author's new version of an answer (its organisation stays). */
export async function updateAnswer(
  tx: Executor,
  id: string,
  values: Pick<typeof answers.$inferInsert, 'body' | 'language' | 'serviceIds' | 'organisationIds'> & {
    now: Date;
  },
): Promise<void> {
  const { now, ...rest } = values;
  await tx
    .update(answers)
    .set({ ...rest, editedAt: now, updatedAt: now })
    .where(eq(answers.id, id));
}

export async function setAcceptedAnswer(tx: Executor, questionId: string, answerId: string, now: Date) {
  await tx
    .update(questions)
    .set({ acceptedAnswerId: answerId, updatedAt: now })
    .where(eq(questions.id, questionId));
}

/** Hides or shows again a question or an answer. */
export async function setHidden(
  tx: Executor,
  post: { kind: 'question' | 'answer'; id: string },
  hidden: { by: string; reason: string; at: Date } | null,
) {
  const values = hidden
    ? { hiddenAt: hidden.at, hiddenBy: hidden.by, hiddenReason: hidden.reason }
    : { hiddenAt: null, hiddenBy: null, hiddenReason: null };
  if (post.kind === 'question') await tx.update(questions).set(values).where(eq(questions.id, post.id));
  else await tx.update(answers).set(values).where(eq(answers.id, post.id));
}

/** Whether a person follows a question (the follow buttons say so). */
export async function followsQuestion(db: Executor, userId: string, questionId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: follows.id })
    .from(follows)
    .where(and(eq(follows.userId, userId), eq(follows.questionId, questionId)))
    .limit(1);
  return row !== undefined;
}
