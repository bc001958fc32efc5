// Queries of surveys and their answers. No rules, no HTTP: they take a database handle or a transaction.
import { and, count, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../../../db/client.ts';
import { surveyResponses, surveys } from './surveys.schema.ts';

export type SurveyRow = typeof surveys.$inferSelect;
export type NewSurveyRow = typeof surveys.$inferInsert;
export type ResponseRow = typeof surveyResponses.$inferSelect;

export async function insertSurvey(db: Executor, row: NewSurveyRow): Promise<void> {
  await db.insert(surveys).values(row);
}

export async function updateSurvey(
  db: Executor,
  id: string,
  change: Partial<Omit<NewSurveyRow, 'id' | 'slug' | 'organisationId' | 'createdBy'>>,
): Promise<void> {
  await db.update(surveys).set(change).where(eq(surveys.id, id));
}

/** What a survey's link may hold; anything else finds nothing without asking the database. */
const isSlug = (slug: string) => /^[A-Za-z0-9_-]{16,64}$/.test(slug);

export async function findSurveyBySlug(db: Executor, slug: string): Promise<SurveyRow | undefined> {
  if (!isSlug(slug)) return undefined;
  const [row] = await db.select().from(surveys).where(eq(surveys.slug, slug));
  return row;
}

/**
 * One survey, locked: a change waits for the answers being stored and they for it. Answers take a
 * shared lock, so they do not wait for each other.
 */
export async function lockSurvey(
  db: Executor,
  slug: string,
  mode: 'update' | 'share' = 'update',
): Promise<SurveyRow | undefined> {
  if (!isSlug(slug)) return undefined;
  const [row] = await db.select().from(surveys).where(eq(surveys.slug, slug)).for(mode);
  return row;
}

export async function countResponses(db: Executor, surveyId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(surveyResponses)
    .where(eq(surveyResponses.surveyId, surveyId));
  return row?.n ?? 0;
}

/** An organisation's surveys (or the network's, for null), newest first, with how many answered. */
export function findSurveysOf(db: Executor, organisationId: string | null, limit = 200) {
  return db
    .select({
      survey: surveys,
      responses: sql<number>`(select count(*)::int from ${surveyResponses} where ${surveyResponses.surveyId} = ${surveys.id})`,
    })
    .from(surveys)
    .where(
      organisationId === null ? isNull(surveys.organisationId) : eq(surveys.organisationId, organisationId),
    )
    .orderBy(desc(surveys.createdAt))
    .limit(limit);
}

export async function insertResponse(db: Executor, row: typeof surveyResponses.$inferInsert): Promise<void> {
  await db.insert(surveyResponses).values(row);
}

/**
 * The oldest answers to a survey, only what is counted (no written answers), for the public's
 * results: at most `limit` rows.
 */
export function findCountedAnswers(db: Executor, surveyId: string, limit: number) {
  return db
    .select({ answers: surveyResponses.answers })
    .from(surveyResponses)
    .where(eq(surveyResponses.surveyId, surveyId))
    .orderBy(surveyResponses.submittedAt, surveyResponses.id)
    .limit(limit);
}

/** Every answer to a survey, oldest first. */
export function findResponses(db: Executor, surveyId: string): Promise<ResponseRow[]> {
  return db
    .select()
    .from(surveyResponses)
    .where(and(eq(surveyResponses.surveyId, surveyId)))
    .orderBy(surveyResponses.submittedAt, surveyResponses.id);
}
