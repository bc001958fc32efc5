// API tokens against a real database: who a token acts for, and "last used" noted at most once a
// minute, without requests that arrive together with one token queueing on its row.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashToken, newToken } from '../../shared/tokens.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/helpers/test-database.ts';
import { apiTokenPrefix, authenticateApiToken } from './api-tokens.ts';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database?.drop());

/** A new token of a demo organisation, as the API tokens page stores it. */
async function storedToken(): Promise<{ bearer: string; id: string; organisationId: string }> {
  const bearer = `${apiTokenPrefix}${newToken().token}`;
  const id = randomUUID();
  const organisationId: string = (
    await database.pool.query('select id from organisations order by provenance_id limit 1')
  ).rows[0].id;
  await database.pool.query(
    `insert into api_tokens (id, organisation_id, name, token_hash, prefix, created_at)
     values ($1, $2, 'Test', $3, $4, now())`,
    [id, organisationId, hashToken(bearer), bearer.slice(0, 8)],
  );
  return { bearer, id, organisationId };
}

const lastUsed = async (id: string): Promise<Date | null> =>
  (await database.pool.query('select last_used_at from api_tokens where id = $1', [id])).rows[0].last_used_at;

describe('authenticateApiToken', () => {
  it('acts for the token’s organisation and notes its use at most once a minute', async () => {
    const { bearer, id, organisationId } = await storedToken();
    const first = new Date('2026-12-07T10:00:00Z');
    expect(await authenticateApiToken(database.db, bearer, first)).toEqual({
      kind: 'token',
      tokenId: id,
      organisationId,
    });
    expect(await lastUsed(id)).toEqual(first);
    await authenticateApiToken(database.db, bearer, new Date('2026-12-07T10:00:59Z'));
    expect(await lastUsed(id)).toEqual(first);
    const later = new Date('2026-12-07T10:01:01Z');
    await authenticateApiToken(database.db, bearer, later);
    expect(await lastUsed(id)).toEqual(later);
  });

  it('does not wait while another request is noting the same token’s use', async () => {
    const { bearer, id } = await storedToken();
    const holder = await database.pool.connect();
    try {
      await holder.query('begin');
      await holder.query('select id from api_tokens where id = $1 for update', [id]);
      const asked = authenticateApiToken(database.db, bearer, new Date('2026-12-07T11:00:00Z'));
      const outcome = await Promise.race([
        asked.then((actor) => actor?.tokenId),
        new Promise((resolve) => setTimeout(() => resolve('waited'), 3_000)),
      ]);
      expect(outcome).toBe(id);
      await holder.query('rollback');
    } finally {
      holder.release();
    }
    // The note was the holder's to make; it made none, and the next request makes it.
    expect(await lastUsed(id)).toBeNull();
    await authenticateApiToken(database.db, bearer, new Date('2026-12-07T11:00:01Z'));
    expect(await lastUsed(id)).toEqual(new Date('2026-12-07T11:00:01Z'));
  });

  it('knows no revoked, unknown or malformed token', async () => {
    const { bearer, id } = await storedToken();
    await database.pool.query('update api_tokens set revoked_at = now() where id = $1', [id]);
    const now = new Date();
    expect(await authenticateApiToken(database.db, bearer, now)).toBeNull();
    expect(await authenticateApiToken(database.db, `${apiTokenPrefix}${newToken().token}`, now)).toBeNull();
    expect(await authenticateApiToken(database.db, 'psl_short', now)).toBeNull();
    expect(await lastUsed(id)).toBeNull();
  });
});
