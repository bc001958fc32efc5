// The glossary is the search thesaurus of every process: a word a moderator adds to a concept is
// understood by each process's index without a restart, whether the process hears the change
// (NOTIFY glossary_changed) or only sees it by polling the glossary's edition; and documents that
// use the new word are tagged with the concept once the index has read them anew.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addGlossaryLabel } from '../../../../test/helpers/glossary.ts';
import { createTestDatabase, type TestDatabase } from '../../../../test/helpers/test-database.ts';
import { connectDatabase, type DatabaseConnection } from '../../../db/client.ts';
import { LiveSearchIndex } from '../../search/live-index.ts';
import { directorySearchSource } from './directory-source.ts';

let database: TestDatabase;
let otherProcess: DatabaseConnection;
let notified: LiveSearchIndex;
let polling: LiveSearchIndex;

beforeAll(async () => {
  database = await createTestDatabase({ demo: true });
  otherProcess = connectDatabase(database.url, { max: 2 });
  // A long poll: only the notification can bring the change in time.
  notified = new LiveSearchIndex(database, [directorySearchSource], { pollMs: 60_000 });
  // No notifications: only the poll can.
  polling = new LiveSearchIndex(otherProcess, [directorySearchSource], { pollMs: 200, listen: false });
  await Promise.all([notified.ready, polling.ready]);
});

afterAll(async () => {
  await Promise.all([notified.close(), polling.close()]);
  await otherProcess.close();
  await database.drop();
});

const search = (live: LiveSearchIndex, text: string) =>
  live.index.search({ text, filters: {}, sort: 'relevance', offset: 0, limit: 100_000 });
const conceptsOf = (live: LiveSearchIndex, text: string) =>
  search(live, text).concepts.map((c) => c.concept.id);
const found = (live: LiveSearchIndex, text: string) => search(live, text).hits.map((h) => h.doc.id);

/** Milliseconds until the condition held. */
async function eventually(check: () => boolean, ms: number): Promise<number> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > ms) throw new Error(`condition not met in ${ms} ms`);
    await new Promise((r) => setTimeout(r, 20));
  }
  return Date.now() - start;
}

async function newOrganisation(name: string): Promise<string> {
  const [org] = (
    await database.db.execute<{ id: string }>(sql`
      insert into organisations (name, kind, description)
      values (${JSON.stringify({ nl: name })}, 'citizen_initiative', '{}') returning id`)
  ).rows;
  return org!.id;
}

/** `count` organisations named "<name> 1", "<name> 2"…: enough for several slices of a re-index. */
async function newOrganisations(name: string, count: number): Promise<void> {
  await database.db.execute(sql`
    insert into organisations (name, kind, description)
    select jsonb_build_object('nl', ${name}::text || ' ' || i), 'citizen_initiative', '{}'
    from generate_series(1, ${count}::int) i`);
}

describe('a word added to the glossary', () => {
  it('is understood as its concept by a process that hears of it, and tags the documents using it', async () => {
    const org = await newOrganisation('Plorkwinkel');
    await eventually(() => found(notified, 'plorkwinkel').includes(org), 5_000);
    expect(conceptsOf(notified, 'plorkwinkel')).toEqual([]);
    expect(found(notified, 'schuldbemiddeling')).not.toContain(org);

    const committed = Date.now();
    await addGlossaryLabel(database.pool, { slug: 'schuldbemiddeling', language: 'nl', text: 'Plorkwinkel' });
    const understood = await eventually(
      () => conceptsOf(notified, 'plorkwinkel').includes('schuldbemiddeling'),
      5_000,
    );
    // Every document indexed anew: the organisation named with the new word is found by the concept.
    await eventually(() => found(notified, 'schuldbemiddeling').includes(org), 10_000);
    const reindexed = Date.now() - committed;
    console.info(
      `glossary change: understood after ${understood} ms, documents tagged after ${reindexed} ms`,
    );
    // The concept's other words, in other languages, find it too.
    expect(found(notified, 'médiation de dettes')).toContain(org);
  });

  it('is picked up by a process that only polls, without a notification', async () => {
    const org = await newOrganisation('Knarvelloket');
    await eventually(() => found(polling, 'knarvelloket').includes(org), 5_000);
    expect(conceptsOf(polling, 'knarvelloket')).toEqual([]);

    await addGlossaryLabel(
      database.pool,
      { slug: 'schuldbemiddeling', language: 'fr', text: 'knarvelloket' },
      { announce: false },
    );
    await eventually(() => conceptsOf(polling, 'knarvelloket').includes('schuldbemiddeling'), 5_000);
    await eventually(() => found(polling, 'debt counselling').includes(org), 10_000);
    // The listening process heard nothing and polls once a minute: it still has the edition before.
    expect(conceptsOf(notified, 'knarvelloket')).toEqual([]);
  });

  it('leaves every document searchable while the documents are tagged anew', async () => {
    // More organisations than one slice of the re-index.
    await newOrganisations('Vlinderhuis', 450);
    await eventually(() => search(notified, 'vlinderhuis').total === 450, 5_000);
    const documents = notified.index.count;
    const cpas = search(notified, 'cpas').total;
    expect(cpas).toBeGreaterThan(0);

    await addGlossaryLabel(
      database.pool,
      { slug: 'schuldbemiddeling', language: 'nl', text: 'vlinderhuis' },
      { announce: false },
    );
    // Heard of by no notification: this process reads the glossary when told to, as its poll would.
    let done = false;
    const reindexed = notified.refreshGlossary().then(() => (done = true));
    const seen = { documents, cpas };
    while (!done) {
      seen.documents = Math.min(seen.documents, notified.index.count);
      seen.cpas = Math.min(seen.cpas, search(notified, 'cpas').total);
      await new Promise((resolve) => setImmediate(resolve));
    }
    await reindexed;
    expect(seen).toEqual({ documents, cpas });
    // And each of them now has the concept.
    const tagged = search(notified, 'debt counselling').hits.filter((h) =>
      h.doc.name.nl?.startsWith('Vlinderhuis'),
    );
    expect(tagged).toHaveLength(450);
  });

  it('tries a re-index that failed half-way again, until every document has the new word', async () => {
    const org = await newOrganisation('Zirpelhof');
    let failNext = false;
    const errors: unknown[] = [];
    const flakySource = {
      ...directorySearchSource,
      documents: async (db: Parameters<typeof directorySearchSource.documents>[0], owners?: string[]) => {
        if (owners && failNext) {
          failNext = false;
          throw new Error('the database went away');
        }
        return directorySearchSource.documents(db, owners);
      },
    };
    const flaky = new LiveSearchIndex(otherProcess, [flakySource], {
      pollMs: 60_000,
      listen: false,
      onError: (error) => errors.push(error),
    });
    try {
      await flaky.ready;
      await addGlossaryLabel(
        database.pool,
        { slug: 'schuldbemiddeling', language: 'nl', text: 'zirpelhof' },
        { announce: false },
      );
      failNext = true;
      await flaky.refreshGlossary();
      expect(errors).toHaveLength(1);
      // The new word is understood at once, but the documents were not all tagged anew.
      expect(conceptsOf(flaky, 'zirpelhof')).toContain('schuldbemiddeling');
      // The next poll finishes the work although the glossary's edition did not move.
      await flaky.refreshGlossary();
      expect(found(flaky, 'debt counselling')).toContain(org);
    } finally {
      await flaky.close();
    }
  });

  it('lets a directory change through while it re-tags every document, and gives way to a newer edition', async () => {
    // Several slices of 200 organisations. Its poll is too slow to interfere.
    await newOrganisations('Kwetteraar', 450);
    await eventually(() => search(notified, 'kwetteraar').total === 450, 5_000);
    await addGlossaryLabel(
      database.pool,
      { slug: 'schuldbemiddeling', language: 'nl', text: 'kwetterhuis' },
      { announce: false },
    );
    let reindexed = false;
    const first = notified.refreshGlossary().then(() => (reindexed = true));
    // The word is understood first (the glossary has its own queue), then the organisation comes.
    await eventually(() => conceptsOf(notified, 'kwetterhuis').includes('schuldbemiddeling'), 5_000);
    const org = await newOrganisation('Kwetterhuis');
    await notified.refresh();
    // The new organisation is found before the re-index is over, with the new word's concept.
    expect(reindexed).toBe(false);
    expect(found(notified, 'debt counselling')).toContain(org);
    // A newer edition meanwhile: its word is understood, and the older re-index stops for the newer.
    await addGlossaryLabel(
      database.pool,
      { slug: 'schuldbemiddeling', language: 'nl', text: 'snaterhuis' },
      { announce: false },
    );
    await notified.refreshGlossary();
    await first;
    expect(conceptsOf(notified, 'snaterhuis')).toContain('schuldbemiddeling');
  });

  it('re-tags every organisation of a bulk import that was being added when the word came', async () => {
    const count = 20_000;
    const before = notified.index.count;
    await newOrganisations('Zwirbelpunt', count);
    // The import's documents go in gradually (replaceGradually); the word is added meanwhile.
    const imported = notified.refresh();
    while (notified.index.count === before) await new Promise((r) => setImmediate(r));
    await addGlossaryLabel(
      database.pool,
      { slug: 'schuldbemiddeling', language: 'nl', text: 'zwirbelpunt' },
      { announce: false },
    );
    const reindexed = notified.refreshGlossary();
    await imported;
    await reindexed;
    const tagged = search(notified, 'debt counselling').hits.filter((h) =>
      h.doc.name.nl?.startsWith('Zwirbelpunt'),
    );
    expect(tagged).toHaveLength(count);
  });
});
