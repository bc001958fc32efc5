// Reports of questions and answers: written by anyone, read and closed by moderators.
import { and, asc, eq, isNull, or, sql } from 'drizzle-orm';
import type { Executor } from '../../../db/client.ts';
import { answers, postReports, questions } from '../network.schema.ts';
import type { PostReportReason } from '../network.vocabulary.ts';
import type { OpenPostReport } from './page-data.ts';

export async function insertPostReport(
  tx: Executor,
  values: {
    questionId: string | null;
    answerId: string | null;
    reason: PostReportReason;
    message: string;
    reportedBy: string | null;
    now: Date;
  },
): Promise<string> {
  const { now, ...rest } = values;
  const [row] = await tx
    .insert(postReports)
    .values({ ...rest, createdAt: now })
    .returning({ id: postReports.id });
  return row!.id;
}

/** Closes the open reports of a post (it was hidden) or one report (dismissed); how many it closed. */
export async function resolvePostReports(
  tx: Executor,
  which: { questionId: string } | { answerId: string } | { reportId: string },
  by: string,
  now: Date,
): Promise<number> {
  const target =
    'questionId' in which
      ? eq(postReports.questionId, which.questionId)
      : 'answerId' in which
        ? eq(postReports.answerId, which.answerId)
        : eq(postReports.id, which.reportId);
  const rows = await tx
    .update(postReports)
    .set({ resolvedAt: now, resolvedBy: by })
    .where(and(target, isNull(postReports.resolvedAt)))
    .returning({ id: postReports.id });
  return rows.length;
}

/** Open reports, oldest first, with the post they are about and the question it belongs to. */
export function listOpenPostReports(db: Executor, limit = 200): Promise<OpenPostReport[]> {
  return db
    .select({
      id: postReports.id,
      reason: postReports.reason,
      message: postReports.message,
      createdAt: postReports.createdAt,
      answerId: postReports.answerId,
      questionId: sql<string>`coalesce(${postReports.questionId}, ${answers.questionId})`,
      questionTitle: questions.title,
      answerExcerpt: sql<string | null>`left(${answers.body}, 200)`,
      hidden: sql<boolean>`(${questions.hiddenAt} is not null and ${postReports.answerId} is null) or ${answers.hiddenAt} is not null`,
    })
    .from(postReports)
    .leftJoin(answers, eq(answers.id, postReports.answerId))
    .innerJoin(questions, or(eq(questions.id, postReports.questionId), eq(questions.id, answers.questionId))!)
    .where(isNull(postReports.resolvedAt))
    .orderBy(asc(postReports.createdAt))
    .limit(limit);
}
