// An organisation's API tokens, as every module's API checks them: "Authorization: Bearer psl_…".
// The referrals module makes and revokes them (its API tokens page, for the organisation's admins);
// only the token's SHA-256 is kept, with its first characters so admins can tell tokens apart.
import { and, eq, inArray, isNull, lt, or } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { AppError } from '../../shared/errors.ts';
import { hashToken } from '../../shared/tokens.ts';
import { apiTokens } from './access.schema.ts';

/** Tokens look like "psl_<43 characters>", so a leaked one is easy to recognise and search for. */
export const apiTokenPrefix = 'psl_';

/** An integration acting for one organisation with its API token. */
export interface ApiTokenActor {
  kind: 'token';
  tokenId: string;
  organisationId: string;
}

/** "Last used" to the minute is enough for an admin deciding what to revoke. */
const useNotedEveryMs = 60_000;

/** The organisation a bearer token acts for, or null for an unknown or revoked one. */
export async function authenticateApiToken(
  db: Executor,
  token: string,
  now: Date,
): Promise<ApiTokenActor | null> {
  if (!token.startsWith(apiTokenPrefix) || token.length !== apiTokenPrefix.length + 43) return null;
  const [row] = await db
    .select({ id: apiTokens.id, organisationId: apiTokens.organisationId, lastUsedAt: apiTokens.lastUsedAt })
    .from(apiTokens)
    .where(and(eq(apiTokens.tokenHash, hashToken(token)), isNull(apiTokens.revokedAt)));
  // Read first: a note at most once a minute spares a write per request.
  if (row && (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > useNotedEveryMs))
    await recordUse(db, row.id, now);
  return row ? { kind: 'token', tokenId: row.id, organisationId: row.organisationId } : null;
}

/**
 * Notes that a token was used now, unless that was noted within the minute. Requests arriving
 * together with one token all find the note stale: each would wait on the row's lock for the one
 * before it to commit, one commit after another (50 at once took the pool past its 5 s wait, on a
 * busy machine). The one holding the lock notes it; the others go on without waiting.
 */
async function recordUse(db: Executor, id: string, now: Date): Promise<void> {
  const stale = db
    .select({ id: apiTokens.id })
    .from(apiTokens)
    .where(
      and(
        eq(apiTokens.id, id),
        or(isNull(apiTokens.lastUsedAt), lt(apiTokens.lastUsedAt, new Date(now.getTime() - useNotedEveryMs))),
      ),
    )
    // Not FOR UPDATE: an open transaction writing a row that refers to the token (a booking, a
    // need signal) holds the key-share lock of its foreign key check, which NO KEY UPDATE lets be.
    .for('no key update', { skipLocked: true });
  await db.update(apiTokens).set({ lastUsedAt: now }).where(inArray(apiTokens.id, stale));
}

/**
 * The organisation a request's "Authorization: Bearer psl_…" header acts for. Otherwise
 * API_TOKEN_INVALID, a 401 that names the scheme to use (RFC 6750).
 */
export async function requireApiToken(
  db: Executor,
  authorization: string | undefined,
  now: Date,
): Promise<ApiTokenActor> {
  const [scheme, token] = (authorization ?? '').split(' ');
  const actor = scheme === 'Bearer' && token ? await authenticateApiToken(db, token, now) : null;
  if (!actor) throw new AppError('API_TOKEN_INVALID', { challenge: 'Bearer realm="passerelle"' });
  return actor;
}
