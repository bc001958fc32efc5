// The moderators' item use cases against a real PostgreSQL, where the pages cannot reach: a merge
// waits for a practice being written with the merged item and moves it too (no practice is left with
// an item that no longer exists); a practice's lists chosen before a merge are refused once the item
// is gone; a list merged keeps its order and holds the item kept once.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../../test/helpers/test-database.ts';
import type { Actor } from '../../../shared/actor.ts';
import { AppError } from '../../../shared/errors.ts';
import { insertPractice } from '../practices/practices.repo.ts';
import { holdSharedLists, storeItems } from '../practices/worksheet-items.ts';
import { mergedList, mergeItems } from './merge-items.ts';

let database: TestDatabase;
let org: string;
let moderator: Actor;

async function sql(text: string, values: unknown[] = []) {
  return (await database.pool.query(text, values)).rows;
}
const ctx = (actor: Actor) => ({
  db: database.db,
  actor,
  now: new Date(),
  origin: 'https://p.test',
  locale: 'en' as const,
  ip: '127.0.0.1',
  mailQueued: () => {},
});
async function obstacle(label: string): Promise<string> {
  const [{ id }] = await sql(
    `insert into worksheet_items (kind, labels, folded) values ('obstacle', $1, $2) returning id`,
    [{ en: label }, [label.toLowerCase()]],
  );
  return id;
}

beforeAll(async () => {
  database = await createTestDatabase({ demo: true });
  [{ id: org }] = await sql(`select id from organisations order by provenance_id limit 1`);
  const userId = randomUUID();
  await sql(
    `insert into users (id, email, name, password_hash, email_verified_at, platform_role)
     values ($1, $2, 'M', 'x', now(), 'moderator')`,
    [userId, `${userId}@example.org`],
  );
  moderator = { userId, email: `${userId}@example.org`, emailVerified: true, platformRole: 'moderator' };
}, 60_000);
afterAll(() => database.drop());

describe('merging worksheet items', () => {
  it('keeps a list’s order, the item kept once', () => {
    expect(mergedList(['a', 'x', 'b'], 'x', 'y')).toEqual(['a', 'y', 'b']);
    expect(mergedList(['x', 'a', 'y'], 'x', 'y')).toEqual(['y', 'a']);
    expect(mergedList(['a', 'y'], 'x', 'y')).toEqual(['a', 'y']);
  });

  it('waits for a practice being written with the merged item, then moves it too', async () => {
    const from = await obstacle('Waiting lists one');
    const into = await obstacle('Waiting lists two');
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let inserted!: () => void;
    const written = new Promise<void>((resolve) => (inserted = resolve));
    // A practice's writing transaction, as create-practice.ts runs it, still open.
    const writing = database.db.transaction(async (tx) => {
      await holdSharedLists(tx);
      await insertPractice(tx, {
        organisationId: org,
        title: { en: 'Waiting together' },
        status: 'published',
        publishedAt: new Date(),
        obstacles: [from],
      });
      inserted();
      await held;
    });
    await written;
    let settled = false;
    const merging = mergeItems(ctx(moderator), from, into).finally(() => (settled = true));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(settled).toBe(false);
    release();
    await writing;
    expect(await merging).toEqual({ id: into, practices: 1 });
    expect(await sql(`select obstacles from practices where title ->> 'en' = 'Waiting together'`)).toEqual([
      { obstacles: [into] },
    ]);
    expect(await sql('select 1 from worksheet_items where id = $1', [from])).toEqual([]);
  });

  it('refuses a practice’s lists chosen before the item was merged away', async () => {
    const from = await obstacle('Waiting lists three');
    const into = await obstacle('Waiting lists four');
    await mergeItems(ctx(moderator), from, into);
    const plan = {
      obstacle: { chosen: [from], added: [] },
      lever: { chosen: [], added: [] },
      tool: { chosen: [], added: [] },
    };
    const refused = await database.db
      .transaction((tx) => storeItems(tx, plan, 'en', moderator.userId, { organisationIds: [org] }))
      .catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).fields).toEqual([
      { field: 'obstacles', message: 'practice_item_unknown', code: 'practice_item_unknown' },
    ]);
  });
});
