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
import { translateItem } from './translate-item.ts';

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

describe('translating worksheet items', () => {
  const refusal = async (run: Promise<unknown>) => {
    const error = await run.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AppError);
    return (error as AppError).fields.map((f) => ({ field: f.field, code: f.code, values: f.values }));
  };

  it('refuses a label by which another item is found: an item merged into it, or its label in another language', async () => {
    const gone = await obstacle('Queue at the desk');
    const kept = await obstacle('Waiting room crowded');
    // The kept item has English already: the merged one's label stays only as a way to find it.
    await mergeItems(ctx(moderator), gone, kept);
    const other = await obstacle('Paperwork piling up');
    const before = await sql('select labels, folded from worksheet_items where id = $1', [other]);

    expect(
      await refusal(translateItem(ctx(moderator), other, { labels: { en: 'Queue at the desk!' } })),
    ).toEqual([
      {
        field: 'labels.en',
        code: 'worksheet_item_label_taken',
        values: { label: 'Queue at the desk!', item: 'Waiting room crowded' },
      },
    ]);
    // Another item's English label, as this one's French one.
    expect(
      await refusal(
        translateItem(ctx(moderator), other, {
          labels: { en: 'Paperwork piling up', fr: 'Waiting room crowded' },
        }),
      ),
    ).toEqual([
      {
        field: 'labels.fr',
        code: 'worksheet_item_label_taken',
        values: { label: 'Waiting room crowded', item: 'Waiting room crowded' },
      },
    ]);
    expect(await sql('select labels, folded from worksheet_items where id = $1', [other])).toEqual(before);
    // An author typing the old label still lands on the item it was merged into, and no other.
    const [{ n }] = await sql(
      `select count(*)::int as n from worksheet_items where kind = 'obstacle' and folded @> array['queue at the desk']`,
    );
    expect(n).toBe(1);
  });

  it('lets an item take as a label what it is already found by', async () => {
    const gone = await obstacle('Long waits at the counter');
    const kept = await obstacle('Counter queues');
    await mergeItems(ctx(moderator), gone, kept);
    await translateItem(ctx(moderator), kept, {
      labels: { en: 'Counter queues', fr: 'Long waits at the counter' },
    });
    const [row] = await sql('select labels from worksheet_items where id = $1', [kept]);
    expect(row.labels).toEqual({ en: 'Counter queues', fr: 'Long waits at the counter' });
  });

  it('keeps a seeded item’s code when it is merged into one an author typed', async () => {
    const [seeded] = await sql(
      `insert into worksheet_items (kind, code, labels, folded) values ('obstacle', 'test-merged-code', $1, $2)
       returning id`,
      [{ en: 'Forms only online' }, ['forms only online']],
    );
    const typed = await obstacle('Online-only forms');
    await mergeItems(ctx(moderator), seeded.id, typed);
    const [row] = await sql('select code from worksheet_items where id = $1', [typed]);
    expect(row.code).toBe('test-merged-code');
  });
});
