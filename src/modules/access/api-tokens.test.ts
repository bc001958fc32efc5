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

/** Runs `during` while another transaction holds a lock of `strength` on the token's row. */
async function whileLocked(id: string, strength: string, during: () => Promise<void>): Promise<void> {
  const holder = await database.pool.connect();
  try {
    await holder.query('begin');
    await holder.query(`select id from api_tokens where id = $1 for ${strength}`, [id]);
    await during();
  } finally {
    await holder.query('rollback');
    holder.release();
  }
}

/** What `promise` gives, or 'waited' when it takes longer than `seconds`. */
async function withinSeconds<T>(seconds: number, promise: Promise<T>): Promise<T | 'waited'> {
  let timer: NodeJS.Timeout | undefined;
  const waited = new Promise<'waited'>(
    (resolve) => (timer = setTimeout(() => resolve('waited'), seconds * 1_000)),
  );
  try {
    return await Promise.race([promise, waited]);
  } finally {
    clearTimeout(timer);
  }
}

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
    await whileLocked(id, 'no key update', async () => {
      const asked = authenticateApiToken(database.db, bearer, new Date('2026-12-07T11:00:00Z'));
      expect(
        await withinSeconds(
          3,
          asked.then((actor) => actor?.tokenId),
        ),
      ).toBe(id);
    });
    // The note was the holder's to make; it made none, and the next request makes it.
    expect(await lastUsed(id)).toBeNull();
    await authenticateApiToken(database.db, bearer, new Date('2026-12-07T11:00:01Z'));
    expect(await lastUsed(id)).toEqual(new Date('2026-12-07T11:00:01Z'));
  });

  it('notes the use while a booking or a signal of the token is being written', async () => {
    const { bearer, id } = await storedToken();
    // What a foreign key check of an insert referring to the token holds until its transaction ends.
    const now = new Date('2026-12-07T12:00:00Z');
    await whileLocked(id, 'key share', async () => {
      expect(await withinSeconds(3, authenticateApiToken(database.db, bearer, now))).toMatchObject({
        tokenId: id,
      });
      expect(await lastUsed(id)).toEqual(now);
    });
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
