// Who follows which theme or question. One row per person and theme or question (unique indexes),
// so following twice is following once.
import { and, asc, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { Executor } from '../../../db/client.ts';
import { memberships } from '../../access/index.ts';
import { followDigests, follows, questions } from '../network.schema.ts';

/**
 * A step for another use case's transaction: the person follows the question (asking or answering
 * one makes its author follow it). True when they did not follow it yet. The caller checks that
 * they may see it.
 */
export async function followQuestion(tx: Executor, userId: string, questionId: string): Promise<boolean> {
  const added = await tx
    .insert(follows)
    .values({ userId, questionId })
    .onConflictDoNothing()
    .returning({ id: follows.id });
  return added.length > 0;
}

export async function unfollowQuestion(tx: Executor, userId: string, questionId: string): Promise<boolean> {
  const removed = await tx
    .delete(follows)
    .where(and(eq(follows.userId, userId), eq(follows.questionId, questionId)))
    .returning({ id: follows.id });
  return removed.length > 0;
}

/** Follows the themes not followed yet; the codes now followed. */
export async function followThemes(tx: Executor, userId: string, codes: string[]): Promise<string[]> {
  const added = await tx
    .insert(follows)
    .values(codes.map((themeCode) => ({ userId, themeCode })))
    .onConflictDoNothing()
    .returning({ code: follows.themeCode });
  return added.map((row) => row.code!);
}

export async function unfollowThemes(tx: Executor, userId: string, codes: string[]): Promise<string[]> {
  const removed = await tx
    .delete(follows)
    .where(and(eq(follows.userId, userId), inArray(follows.themeCode, codes)))
    .returning({ code: follows.themeCode });
  return removed.map((row) => row.code!);
}

/** Everything a person follows goes, and their digest's bookmark with it. How many follows went. */
export async function removeAllFollows(tx: Executor, userId: string): Promise<number> {
  const removed = await tx.delete(follows).where(eq(follows.userId, userId)).returning({ id: follows.id });
  await tx.delete(followDigests).where(eq(followDigests.userId, userId));
  return removed.length;
}

/** Whether the person belongs to any organisation: members-only questions are theirs to read. */
export async function isMemberOfAny(db: Executor, userId: string): Promise<boolean> {
  const [row] = await db
    .select({ one: sql<number>`1` })
    .from(memberships)
    .where(eq(memberships.userId, userId))
    .limit(1);
  return row !== undefined;
}

/** What decides whether a question may be read: hidden or not, and for whom. */
export async function findQuestionAccess(db: Executor, questionId: string) {
  const [row] = await db
    .select({ id: questions.id, hiddenAt: questions.hiddenAt, visibility: questions.visibility })
    .from(questions)
    .where(eq(questions.id, questionId));
  return row;
}

/** A person's follows, themes first, for their follows page. */
export async function listFollows(db: Executor, userId: string) {
  const themes = await db
    .select({ code: follows.themeCode, since: follows.createdAt })
    .from(follows)
    .where(and(eq(follows.userId, userId), isNotNull(follows.themeCode)))
    .orderBy(asc(follows.createdAt));
  const followed = await db
    .select({
      id: questions.id,
      title: questions.title,
      language: questions.language,
      hiddenAt: questions.hiddenAt,
      visibility: questions.visibility,
      answerCount: questions.answerCount,
      since: follows.createdAt,
    })
    .from(follows)
    .innerJoin(questions, eq(questions.id, follows.questionId))
    .where(eq(follows.userId, userId))
    .orderBy(asc(follows.createdAt));
  return { themes: themes.map((t) => ({ code: t.code!, since: t.since })), questions: followed };
}
