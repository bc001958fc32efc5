// Queries of the accounts module, nothing else.
import { and, desc, eq, gt, inArray, isNull, lt, ne, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { preparedOn } from '../../db/prepared.ts';
import { findRow } from '../../db/rows.ts';
import { accountTokens, sessions, users } from './accounts.schema.ts';
import type { AccountTokenPurpose, PlatformRole } from './accounts.vocabulary.ts';
import { newToken } from '../../shared/tokens.ts';

export type UserRow = typeof users.$inferSelect;
export type SessionRow = typeof sessions.$inferSelect;

export async function findUserByEmail(db: Executor, email: string): Promise<UserRow | undefined> {
  return findRow(db, users, eq(users.email, email));
}

export async function findUserById(db: Executor, id: string): Promise<UserRow | undefined> {
  return findRow(db, users, eq(users.id, id));
}

export async function findUsersByIds(db: Executor, ids: string[]): Promise<UserRow[]> {
  if (!ids.length) return [];
  return db.select().from(users).where(inArray(users.id, ids));
}

export async function findUsersWithPlatformRoles(db: Executor, roles: PlatformRole[]): Promise<UserRow[]> {
  return db.select().from(users).where(inArray(users.platformRole, roles));
}

/** The new account, or null when the address has one already (even one created a moment ago). */
export async function insertUser(
  db: Executor,
  values: Pick<UserRow, 'email' | 'name' | 'passwordHash' | 'locale'>,
): Promise<UserRow | null> {
  const [row] = await db
    .insert(users)
    .values(values)
    .onConflictDoNothing({ target: users.email })
    .returning();
  return row ?? null;
}

export async function updateUser(
  db: Executor,
  id: string,
  values: Partial<Pick<UserRow, 'name' | 'passwordHash' | 'locale' | 'emailVerifiedAt' | 'platformRole'>>,
): Promise<void> {
  await db
    .update(users)
    .set({ ...values, updatedAt: sql`now()` })
    .where(eq(users.id, id));
}

export async function insertSession(
  db: Executor,
  values: Pick<SessionRow, 'id' | 'userId' | 'expiresAt' | 'userAgent' | 'ip'>,
): Promise<void> {
  await db.insert(sessions).values(values);
}

/** A session that has not expired, with its person. */
const liveSession = preparedOn((db) =>
  db
    .select({ session: sessions, user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.id, sql.placeholder('id')), gt(sessions.expiresAt, sql.placeholder('now'))))
    .prepare('accounts_live_session'),
);

/** The session and its person, if the session is live. Built once: it runs on every signed-in request. */
export async function findLiveSession(
  db: Executor,
  id: string,
  now: Date,
): Promise<{ session: SessionRow; user: UserRow } | undefined> {
  const [row] = await liveSession(db).execute({ id, now: now.toISOString() });
  return row;
}

export async function touchSession(db: Executor, id: string, now: Date, expiresAt: Date): Promise<void> {
  await db.update(sessions).set({ lastSeenAt: now, expiresAt }).where(eq(sessions.id, id));
}

export async function listSessionsOfUser(db: Executor, userId: string, now: Date): Promise<SessionRow[]> {
  return db
    .select()
    .from(sessions)
    .where(and(eq(sessions.userId, userId), gt(sessions.expiresAt, now)))
    .orderBy(desc(sessions.lastSeenAt));
}

export async function deleteSession(db: Executor, id: string, userId?: string): Promise<number> {
  const result = await db
    .delete(sessions)
    .where(userId ? and(eq(sessions.id, id), eq(sessions.userId, userId)) : eq(sessions.id, id));
  return result.rowCount ?? 0;
}

export async function deleteSessionsOfUser(db: Executor, userId: string, except?: string): Promise<number> {
  const result = await db
    .delete(sessions)
    .where(except ? and(eq(sessions.userId, userId), ne(sessions.id, except)) : eq(sessions.userId, userId));
  return result.rowCount ?? 0;
}

export async function deleteExpiredSessions(db: Executor, now: Date): Promise<number> {
  const result = await db.delete(sessions).where(lt(sessions.expiresAt, now));
  return result.rowCount ?? 0;
}

async function insertAccountToken(
  db: Executor,
  values: { tokenHash: string; purpose: AccountTokenPurpose; userId: string; expiresAt: Date },
): Promise<void> {
  await db.insert(accountTokens).values(values);
}

/** A token of this purpose that has been neither used nor outlived. */
const stillUsable = (purpose: AccountTokenPurpose, now: Date) => [
  eq(accountTokens.purpose, purpose),
  isNull(accountTokens.usedAt),
  gt(accountTokens.expiresAt, now),
];

/**
 * Uses a one-time token: marks it used and returns its person, or nothing when the token is
 * unknown, already used, expired or for another purpose. One statement, so two clicks on the same
 * link cannot both succeed.
 */
export async function useAccountToken(
  db: Executor,
  tokenHash: string,
  purpose: AccountTokenPurpose,
  now: Date,
): Promise<{ userId: string } | undefined> {
  const [row] = await db
    .update(accountTokens)
    .set({ usedAt: now })
    .where(and(eq(accountTokens.tokenHash, tokenHash), ...stillUsable(purpose, now)))
    .returning({ userId: accountTokens.userId });
  return row;
}

/** Whose a token is, if it would be accepted; it stays unused (to show the reset form or an error). */
export async function findValidAccountToken(
  db: Executor,
  tokenHash: string,
  purpose: AccountTokenPurpose,
  now: Date,
): Promise<{ userId: string } | undefined> {
  return tokenOwner(db, tokenHash, ...stillUsable(purpose, now));
}

/** Whose a token is, used or not (a confirmation link opened twice). */
export async function findAccountTokenOwner(
  db: Executor,
  tokenHash: string,
  purpose: AccountTokenPurpose,
): Promise<{ userId: string } | undefined> {
  return tokenOwner(db, tokenHash, eq(accountTokens.purpose, purpose));
}

async function tokenOwner(db: Executor, tokenHash: string, ...conditions: (SQL | undefined)[]) {
  const [row] = await db
    .select({ userId: accountTokens.userId })
    .from(accountTokens)
    .where(and(eq(accountTokens.tokenHash, tokenHash), ...conditions));
  return row;
}

/**
 * A new one-time link for a person: earlier unused links of the same kind stop working, unless
 * `keepEarlier` (a log-in link asked for by someone else must not void the one the person holds).
 * Returns the token, which only the e-mail will carry.
 */
export async function issueAccountToken(
  db: Executor,
  userId: string,
  purpose: AccountTokenPurpose,
  now: Date,
  validMs: number,
  { keepEarlier = false } = {},
): Promise<string> {
  const { token, hash } = newToken();
  if (!keepEarlier) await expireAccountTokens(db, userId, purpose, now);
  await insertAccountToken(db, {
    tokenHash: hash,
    purpose,
    userId,
    expiresAt: new Date(now.getTime() + validMs),
  });
  return token;
}

/** Earlier unused links of the same kind stop working when a new one is sent. */
async function expireAccountTokens(
  db: Executor,
  userId: string,
  purpose: AccountTokenPurpose,
  now: Date,
): Promise<void> {
  await db
    .update(accountTokens)
    .set({ expiresAt: now })
    .where(and(eq(accountTokens.userId, userId), ...stillUsable(purpose, now)));
}
