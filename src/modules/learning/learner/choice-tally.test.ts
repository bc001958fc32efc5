// The tally of choices: gathered in memory, written in one batch on close (a process stopping
// loses nothing), adding to what is there, and skipping a path removed since.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../../test/helpers/test-database.ts';
import { ChoiceTally } from './choice-tally.ts';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase({ demo: false });
});
afterAll(() => database?.drop());

const counts = async () =>
  (
    await database.pool.query(
      'select path_id, card_key, choice_key, count from learning_choice_counts order by choice_key',
    )
  ).rows;

describe('the choice tally', () => {
  it('writes nothing until flushed or closed; on close, the steps of several learners at once', async () => {
    const {
      rows: [path],
    } = await database.pool.query(
      `insert into learning_paths (slug, title) values ('tally', '{"en":"t"}') returning id`,
    );
    const tally = new ChoiceTally(database.db);
    tally.start();
    tally.add(path.id, 'k0000000001', ['k00000000c1']);
    tally.add(path.id, 'k0000000001', ['k00000000c1']);
    tally.add(path.id, 'k0000000002', ['k00000000o1', 'wrong']);
    tally.add('00000000-0000-4000-8000-000000000000', 'k0000000001', ['k00000000c1']);
    expect(await counts()).toEqual([]);
    await tally.close();
    expect(await counts()).toEqual([
      { path_id: path.id, card_key: 'k0000000001', choice_key: 'k00000000c1', count: 2 },
      { path_id: path.id, card_key: 'k0000000002', choice_key: 'k00000000o1', count: 1 },
      { path_id: path.id, card_key: 'k0000000002', choice_key: 'wrong', count: 1 },
    ]);
    const again = new ChoiceTally(database.db);
    again.add(path.id, 'k0000000001', ['k00000000c1']);
    await again.flush();
    expect((await counts())[0].count).toBe(3);
  });
});
