// Browsers a person has logged in from, recognised by a long-lived cookie (OWASP's "device
// cookies"). Five wrong passwords lock an address for everyone else, so anybody could keep a chosen
// person out; from a browser she has used before, her correct password still gets in, and guesses
// from that browser are counted on their own. A password reset and "log out everywhere" forget
// every browser of the account.
import { eq, lt } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { hashToken, isWellFormedToken, newToken } from '../../shared/tokens.ts';
import { loginDevices } from './accounts.schema.ts';

/** How long a browser stays known without a log-in from it. */
export const deviceLifetimeMs = 365 * 24 * 60 * 60 * 1000;

/** The id of the browser behind a cookie, when it is one this person logged in from. */
export async function knownDevice(
  db: Executor,
  token: unknown,
  userId: string,
  now: Date,
): Promise<string | undefined> {
  if (!isWellFormedToken(token)) return undefined;
  const id = hashToken(token);
  const [row] = await db
    .select({ id: loginDevices.id, userId: loginDevices.userId, lastUsedAt: loginDevices.lastUsedAt })
    .from(loginDevices)
    .where(eq(loginDevices.id, id));
  if (!row || row.userId !== userId || now.getTime() - row.lastUsedAt.getTime() > deviceLifetimeMs)
    return undefined;
  return row.id;
}

/**
 * After a log-in: the browser is known from now on. Returns the cookie's token, the same one for a
 * browser already known to this person, a new one otherwise (also when it was someone else's).
 */
export async function rememberDevice(
  db: Executor,
  userId: string,
  current: { token: unknown; id: string | undefined },
  now: Date,
): Promise<string> {
  if (current.id && isWellFormedToken(current.token)) {
    await db.update(loginDevices).set({ lastUsedAt: now }).where(eq(loginDevices.id, current.id));
    return current.token;
  }
  const { token, hash } = newToken();
  await db.insert(loginDevices).values({ id: hash, userId, createdAt: now, lastUsedAt: now });
  return token;
}

export async function forgetDevicesOf(db: Executor, userId: string): Promise<void> {
  await db.delete(loginDevices).where(eq(loginDevices.userId, userId));
}

/** Browsers not used to log in for a year; run by the nightly clean-up. */
export async function deleteStaleDevices(db: Executor, now: Date): Promise<number> {
  const cutoff = new Date(now.getTime() - deviceLifetimeMs);
  const result = await db.delete(loginDevices).where(lt(loginDevices.lastUsedAt, cutoff));
  return result.rowCount ?? 0;
}
