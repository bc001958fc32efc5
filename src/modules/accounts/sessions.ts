// Server-side sessions: the cookie holds a random token, the database its hash. A session ends
// after 30 days without use, and after 90 days in any case.
import type { Executor } from '../../db/client.ts';
import type { SignedIn } from '../../shared/signed-in.ts';
import { findLiveSession, insertSession, touchSession } from './accounts.repo.ts';
import { hashToken, isWellFormedToken, newToken } from '../../shared/tokens.ts';

const day = 24 * 60 * 60 * 1000;
const sessionIdleMs = 30 * day;
const sessionMaxMs = 90 * day;
/** Updating "last seen" on every request would write on every page view. */
const touchEveryMs = 60 * 60 * 1000;

export async function startSession(
  db: Executor,
  userId: string,
  meta: { userAgent?: string; ip?: string },
  now = new Date(),
): Promise<{ token: string; expiresAt: Date }> {
  const { token, hash } = newToken();
  const expiresAt = new Date(now.getTime() + sessionIdleMs);
  await insertSession(db, {
    id: hash,
    userId,
    expiresAt,
    userAgent: meta.userAgent?.slice(0, 300) ?? null,
    ip: meta.ip ?? null,
  });
  return { token, expiresAt };
}

/** The person behind a session cookie, or null for a missing, tampered or expired one. */
export async function resolveSession(
  db: Executor,
  token: unknown,
  now = new Date(),
): Promise<SignedIn | null> {
  if (!isWellFormedToken(token)) return null;
  const found = await findLiveSession(db, hashToken(token), now);
  if (!found) return null;
  const { session, user } = found;
  if (now.getTime() - session.lastSeenAt.getTime() > touchEveryMs) {
    const expiresAt = new Date(
      Math.min(now.getTime() + sessionIdleMs, session.createdAt.getTime() + sessionMaxMs),
    );
    await touchSession(db, session.id, now, expiresAt);
    return { user, sessionId: session.id, renewedUntil: expiresAt };
  }
  return { user, sessionId: session.id };
}
