// A room's card shows its organisation's name and its place (a directory location): a change of
// either reaches the index (triggers of migration 0042), and an edit of anything else of the place
// logs nothing. Real PostgreSQL.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../../test/helpers/test-database.ts';
import { LiveSearchIndex } from '../../search/live-index.ts';
import { roomsSearchSource } from './rooms-source.ts';

let database: TestDatabase;
let live: LiveSearchIndex;

const card = () =>
  live.index.search({ text: 'attic', filters: { type: ['room'] }, sort: 'relevance', offset: 0, limit: 10 })
    .hits[0]?.doc;

beforeAll(async () => {
  database = await createTestDatabase({ demo: false });
});

afterAll(async () => {
  await live?.close();
  await database.drop();
});

describe("a room's card after its organisation or place changed", () => {
  it('logs the room for a new name or address, not for another edit, and shows the new name', async () => {
    const organisation = await database.db.execute<{ id: string }>(
      sql`insert into organisations (name, kind) values (${{ en: 'Quay House' }}, 'formal') returning id`,
    );
    const organisationId = organisation.rows[0]!.id;
    const location = await database.db.execute<{ id: string }>(sql`
      insert into locations (organisation_id, address, postcode)
      values (${organisationId}, 'Rue du Canal 1', '1000') returning id`);
    const locationId = location.rows[0]!.id;
    await database.db.execute(sql`
      insert into rooms (organisation_id, location_id, name, capacity)
      values (${organisationId}, ${locationId}, ${{ en: 'Bright attic' }}, 12)`);
    live = new LiveSearchIndex(database, [roomsSearchSource], { pollMs: 600_000, listen: false });
    await live.ready;
    expect(card()?.organisationName).toEqual({ en: 'Quay House' });

    const rooms = async () =>
      (
        await database.db.execute<{ n: number }>(
          sql`select count(*)::int as n from search_changes where source = 'rooms'`,
        )
      ).rows[0]!.n;
    const loaded = await rooms();
    await database.db.execute(
      sql`update organisations set name = ${{ en: 'Lock House' }} where id = ${organisationId}`,
    );
    const renamed = await rooms();
    expect(renamed).toBeGreaterThan(loaded);
    await database.db.execute(sql`update locations set address = 'Rue du Canal 9' where id = ${locationId}`);
    const moved = await rooms();
    expect(moved).toBeGreaterThan(renamed);
    // Anything else of the place: nothing logged.
    await database.db.execute(sql`update locations set updated_at = now() where id = ${locationId}`);
    expect(await rooms()).toBe(moved);
    await live.refresh();
    expect(card()?.organisationName).toEqual({ en: 'Lock House' });
  });
});
