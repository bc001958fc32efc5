// Offers and calls in search as time passes (issue 19): an open offer whose last day is over and a
// call 30 days past its deadline leave the index after the exchange's search window job, before
// any morning job touches them; a renamed organisation's offer shows its new name. Real
// PostgreSQL; time is moved by rewriting dates with the triggers off, as if it had passed.
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../../test/helpers/test-database.ts';
import { logWindowCrossings } from '../../search/index.ts';
import { LiveSearchIndex } from '../../search/live-index.ts';
import { callsSearchSource } from './calls-source.ts';
import { offersSearchSource } from './offers-source.ts';

let database: TestDatabase;
let live: LiveSearchIndex;

const found = (text: string) =>
  live.index
    .search({ text, filters: { type: ['offer', 'call'] }, sort: 'relevance', offset: 0, limit: 10 })
    .hits.map((h) => h.doc);

/** Runs statements with the triggers off, as time passing changes nothing in the tables. */
async function timePasses(...statements: string[]) {
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    await client.query('set session_replication_role = replica');
    for (const statement of statements) await client.query(statement);
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  database = await createTestDatabase({ demo: false });
});

afterAll(async () => {
  await live?.close();
  await database.drop();
});

describe('offers and calls in search as time passes', () => {
  it('drops an offer past its last day and a call 30 days past its deadline after the window job', async () => {
    const { rows } = await database.db.execute<{ id: string }>(
      sql`insert into organisations (name, kind) values (${{ en: 'Canal Pantry' }}, 'formal') returning id`,
    );
    const organisationId = rows[0]!.id;
    const offer = await database.db.execute<{ id: string }>(sql`
      insert into exchange_posts (organisation_id, direction, kind, title, all_brussels, until, search_terms)
      values (${organisationId}, 'offer', 'volunteers', ${{ en: 'Spare bicycle trailers' }}, true,
              (now() at time zone 'Europe/Brussels')::date, ''::tsvector)
      returning id`);
    const call = await database.db.execute<{ id: string }>(sql`
      insert into exchange_calls (funder, title, opens_at, closes_at, link, search_terms)
      values ('vgc', ${{ en: 'Neighbourhood mosaic fund' }}, now() - interval '90 days',
              now() - interval '29 days', 'https://fund.test', ''::tsvector)
      returning id`);
    const [offerId, callId] = [offer.rows[0]!.id, call.rows[0]!.id];
    live = new LiveSearchIndex(database, [offersSearchSource, callsSearchSource], {
      pollMs: 600_000,
      listen: false,
    });
    await live.ready;
    expect(found('trailers').map((d) => d.id)).toEqual([offerId]);
    expect(found('mosaic').map((d) => d.id)).toEqual([callId]);

    await timePasses(
      `update exchange_posts set until = until - 1 where id = '${offerId}'`,
      `update exchange_calls set closes_at = now() - interval '30 days 1 minute' where id = '${callId}'`,
    );
    await live.refresh();
    expect(found('trailers')).toHaveLength(1);
    expect(found('mosaic')).toHaveLength(1);

    expect(await logWindowCrossings(database.db, [offersSearchSource, callsSearchSource])).toEqual({
      offers: 1,
      calls: 1,
    });
    await live.refresh();
    expect(found('trailers')).toEqual([]);
    expect(found('mosaic')).toEqual([]);
  });

  it("shows an organisation's new name on its offer", async () => {
    const { rows } = await database.db.execute<{ id: string }>(
      sql`insert into organisations (name, kind) values (${{ en: 'Lock Keepers' }}, 'formal') returning id`,
    );
    await database.db.execute(sql`
      insert into exchange_posts (organisation_id, direction, kind, title, all_brussels, until, search_terms)
      values (${rows[0]!.id}, 'offer', 'volunteers', ${{ en: 'Folding tables to lend' }}, true,
              (now() at time zone 'Europe/Brussels')::date + 10, ''::tsvector)`);
    await live.refresh();
    expect(found('tables')[0]!.organisationName).toEqual({ en: 'Lock Keepers' });
    await database.db.execute(
      sql`update organisations set name = ${{ en: 'Weir Keepers' }} where id = ${rows[0]!.id}`,
    );
    await live.refresh();
    expect(found('tables')[0]!.organisationName).toEqual({ en: 'Weir Keepers' });
  });
});
