// The search snapshot on a real PostgreSQL (search/snapshot.ts): a second process's index loads it
// instead of reading every document, answers as a full build does, and takes in the changes made
// after it; a snapshot of another analysis, older than the change log reaches, ahead of the log or
// damaged is not used (a full build instead, never a wrong index).
import { inflateRawSync } from 'node:zlib';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../../test/helpers/test-database.ts';
import { LiveSearchIndex } from '../../search/live-index.ts';
import { compressPart } from '../../search/snapshot.ts';
import { type SearchSource } from '../../search/index.ts';
import { directorySearchSource } from './directory-source.ts';
import { glossaryTermsSource } from '../../search/sources/glossary-terms.ts';

let database: TestDatabase;
/** Reads of every document of the source: a start from the snapshot makes none. */
let fullReads = 0;
const errors: unknown[] = [];
const source: SearchSource = {
  ...directorySearchSource,
  documents: (db, ownerIds) => {
    if (!ownerIds) fullReads++;
    return directorySearchSource.documents(db, ownerIds);
  },
};
const opened: LiveSearchIndex[] = [];

beforeAll(async () => {
  database = await createTestDatabase({ demo: true });
});

afterAll(async () => {
  await Promise.all(opened.map((live) => live.close()));
  await database.drop();
});

/** A new process's index; whether it read every document (a full build) or loaded the snapshot. */
async function start(): Promise<{ live: LiveSearchIndex; built: boolean }> {
  const before = fullReads;
  const live = new LiveSearchIndex(database, [source], {
    listen: false,
    pollMs: 600_000,
    snapshots: { everyMs: 0 },
    onError: (error) => errors.push(error),
  });
  opened.push(live);
  await live.ready;
  // The changes since the snapshot, queued at start.
  await live.refresh();
  return { live, built: fullReads > before };
}

const queries = [
  { text: 'aide', filters: {} },
  { text: 'logement', filters: { commune: '21004' } },
  { text: 'schuld', filters: {} },
  { text: '', filters: { theme: 'encounter' } },
  { text: 'jeunes bruxelles', filters: {} },
  { text: 'cpas', filters: { type: ['organisation' as const] } },
];

/** Results and facets, as a page shows them. */
const answers = (live: LiveSearchIndex) =>
  queries.map((q) => {
    const result = live.index.search({ ...q, sort: 'relevance', offset: 0, limit: 20 });
    return {
      total: result.total,
      // With each description: a load takes them in as bytes (text-store.ts), a full build as objects.
      hits: result.hits.map((h) => [h.doc.id, h.score, h.description]),
      facets: Object.entries(result.facets).map(([facet, values]) => [facet, [...values]]),
    };
  });

const find = (live: LiveSearchIndex, text: string) =>
  live.index.search({ text, filters: {}, sort: 'relevance', offset: 0, limit: 10 }).hits.map((h) => h.doc.id);

describe('search snapshot', () => {
  let full: ReturnType<typeof answers>;

  it('is loaded by a second index, which answers as a full build does', async () => {
    const first = await start();
    expect(first.built).toBe(true);
    full = answers(first.live);
    expect(full[0]!.total).toBeGreaterThan(0);
    expect(await first.live.snapshots.write(true)).toBe(true);

    const second = await start();
    expect(second.built).toBe(false);
    expect(second.live.documents).toBe(first.live.documents);
    expect(answers(second.live)).toEqual(full);
    expect(errors).toEqual([]);
  });

  it('takes in a change made after it', async () => {
    await database.db.execute(sql`
      insert into organisations (name, kind, description)
      values ('{"nl":"Kwaaknest buurtwerking"}', 'citizen_initiative', '{}')`);
    const { live, built } = await start();
    expect(built).toBe(false);
    expect(find(live, 'Kwaaknest')).toHaveLength(1);
    await database.db.execute(sql`delete from organisations where name->>'nl' = 'Kwaaknest buurtwerking'`);
  });

  it('is not used when made with another analysis or glossary edition', async () => {
    await database.db.execute(sql`update search_snapshots set analysis_key = 'v0;other'`);
    const { live, built } = await start();
    expect(built).toBe(true);
    expect(answers(live)).toEqual(full);
  });

  it('is not used when the change log may have forgotten changes after it, or is behind it', async () => {
    const { live } = await start();
    expect(await live.snapshots.write(true)).toBe(true);
    // The log keeps a day: a cursor read 13 hours ago is past the margin.
    await database.db.execute(sql`update search_snapshots set cursor_read_at = now() - interval '13 hours'`);
    expect((await start()).built).toBe(true);
    // Rewritten from a full build more than a day old: a full build is due (a listing's trust ages).
    await database.db.execute(
      sql`update search_snapshots set cursor_read_at = now(), built_at = now() - interval '25 hours'`,
    );
    expect((await start()).built).toBe(true);
    await database.db.execute(sql`update search_snapshots set built_at = now()`);
    expect((await start()).built).toBe(false);
    // A database behind the snapshot's cursor (restored from an older backup) gives its
    // transaction ids again.
    const { rows } = await database.db.execute<{ source: string; change_cursor: string }>(
      sql`select source, change_cursor from search_snapshots`,
    );
    await database.db.execute(
      sql`update search_snapshots set cursor_read_at = now(), change_cursor = '900000000:900000000:'`,
    );
    expect((await start()).built).toBe(true);
    for (const row of rows)
      await database.db.execute(
        sql`update search_snapshots set change_cursor = ${row.change_cursor} where source = ${row.source}`,
      );
    expect((await start()).built).toBe(false);
  });

  it('falls back to a full build when damaged', async () => {
    const { live } = await start();
    expect(await live.snapshots.write(true)).toBe(true);
    errors.length = 0;
    // Changed bytes: the checksum does not match.
    await database.db.execute(
      sql`update search_snapshot_parts set data = set_byte(data, 19, 255 - get_byte(data, 19)) where kind = 'docs' and part = 0`,
    );
    const damaged = await start();
    expect(damaged.built).toBe(true);
    expect(String(errors[0])).toMatch(/damaged/);
    expect(answers(damaged.live)).toEqual(full);

    // Well-formed but wrong (checksum made to match): the documents' check refuses it.
    expect(await damaged.live.snapshots.write(true)).toBe(true);
    await rewritePart('docs', () => Buffer.from('1\n{"type":"nothing"}\n"x"'));
    const wrong = await start();
    expect(wrong.built).toBe(true);
    expect(answers(wrong.live)).toEqual(full);
    // Words of another length than the documents.
    expect(await wrong.live.snapshots.write(true)).toBe(true);
    await rewritePart('words', (raw) => raw.subarray(0, 40));
    const cut = await start();
    expect(cut.built).toBe(true);
    expect(answers(cut.live)).toEqual(full);
    // Bytes that do not inflate (the checksum made to match).
    expect(await cut.live.snapshots.write(true)).toBe(true);
    errors.length = 0;
    await database.db.execute(sql`
      update search_snapshot_parts set data = decode('0001020304', 'hex'), checksum = md5(decode('0001020304', 'hex'))
      where kind = 'docs' and part = 0`);
    const garbled = await start();
    expect(garbled.built).toBe(true);
    expect(errors).toHaveLength(1);
    expect(answers(garbled.live)).toEqual(full);
  });
});

/** Rewrites the first part of a kind, as stored (deflated), with its checksum made to match. */
async function rewritePart(kind: string, change: (raw: Buffer) => Buffer): Promise<void> {
  const { rows } = await database.db.execute<{ data: Buffer }>(
    sql`select data from search_snapshot_parts where kind = ${kind} and part = 0`,
  );
  const stored = await compressPart(change(inflateRawSync(rows[0]!.data)));
  await database.db.execute(
    sql`update search_snapshot_parts set data = ${stored}, checksum = md5(${stored}::bytea) where kind = ${kind} and part = 0`,
  );
}

describe('a start from the snapshot', () => {
  it('is ready only once the changes made after the snapshot are in', async () => {
    const first = await start();
    expect(await first.live.snapshots.write(true)).toBe(true);
    await database.db.execute(sql`
      insert into organisations (name, kind, description)
      values ('{"nl":"Zwaluwnest buurtwerking"}', 'citizen_initiative', '{}')`);
    const before = fullReads;
    const live = new LiveSearchIndex(database, [source], { listen: false, pollMs: 600_000 });
    opened.push(live);
    await live.ready;
    expect(fullReads).toBe(before);
    // No refresh asked for: the one at start ran before ready.
    expect(find(live, 'Zwaluwnest')).toHaveLength(1);
    await database.db.execute(sql`delete from organisations where name->>'nl' = 'Zwaluwnest buurtwerking'`);
  });
});

describe('a snapshot of several sources', () => {
  let termReads = 0;
  const terms: SearchSource = {
    ...glossaryTermsSource,
    documents: (db, ownerIds) => {
      if (!ownerIds) termReads++;
      return glossaryTermsSource.documents(db, ownerIds);
    },
  };
  /** A new process's index over both sources, not yet waited for. */
  function openBoth(): LiveSearchIndex {
    const live = new LiveSearchIndex(database, [source, terms], {
      listen: false,
      pollMs: 600_000,
      snapshots: { everyMs: 0 },
      onError: (error) => errors.push(error),
    });
    opened.push(live);
    return live;
  }
  /** A new process's index over both sources; which of them it built in full. */
  async function startBoth(): Promise<{ live: LiveSearchIndex; built: boolean[] }> {
    const before = [fullReads, termReads];
    const live = openBoth();
    await live.ready;
    await live.refresh();
    return { live, built: [fullReads > before[0]!, termReads > before[1]!] };
  }
  const damage = (name: string) =>
    database.db.execute(
      sql`update search_snapshot_parts set checksum = 'x' where source = ${name} and part = 0`,
    );

  it('stores its parts deflated, which PostgreSQL keeps as they are (nothing to decompress)', async () => {
    const { rows } = await database.db.execute<{ attname: string; attstorage: string }>(sql`
      select attname, attstorage from pg_attribute
      where attrelid = 'search_snapshot_parts'::regclass and attname in ('json', 'data') order by attname`);
    expect(rows).toEqual([
      { attname: 'data', attstorage: 'e' },
      { attname: 'json', attstorage: 'e' },
    ]);
    const first = await startBoth();
    expect(await first.live.snapshots.write(true)).toBe(true);
    const parts = await database.db.execute<{ data: Buffer; json: string | null }>(
      sql`select data, json from search_snapshot_parts`,
    );
    expect(parts.rows.length).toBeGreaterThan(4);
    for (const { data, json } of parts.rows) {
      expect(json).toBeNull();
      // Deflated: smaller than what it inflates to.
      expect(inflateRawSync(data).length).toBeGreaterThan(data.length);
    }
  });

  it('gives every source, and only the damaged one is built in full', async () => {
    const first = await startBoth();
    const full = answers(first.live);
    const termsFound = (live: LiveSearchIndex) =>
      live.index.search({ text: '', filters: { type: ['term'] }, sort: 'relevance', offset: 0, limit: 5 })
        .total;
    expect(termsFound(first.live)).toBeGreaterThan(0);
    expect(await first.live.snapshots.write(true)).toBe(true);
    errors.length = 0;
    const second = await startBoth();
    expect(second.built).toEqual([false, false]);
    expect(second.live.documents).toBe(first.live.documents);
    expect(answers(second.live)).toEqual(full);
    expect(termsFound(second.live)).toBe(termsFound(first.live));
    expect(errors).toEqual([]);

    // The first source damaged: it is built, the second still comes from the snapshot, and the
    // documents are numbered as a full build numbers them (equal scores in the same order).
    await damage('directory');
    const third = await startBoth();
    expect(third.built).toEqual([true, false]);
    expect(String(errors[0])).toMatch(/damaged/);
    expect(answers(third.live)).toEqual(full);

    expect(await third.live.snapshots.write(true)).toBe(true);
    await damage(terms.name);
    const fourth = await startBoth();
    expect(fourth.built).toEqual([false, true]);
    expect(fourth.live.documents).toBe(first.live.documents);
    expect(answers(fourth.live)).toEqual(full);
    expect(termsFound(fourth.live)).toBe(termsFound(first.live));
  });

  it('is given up, not the process, when PostgreSQL ends its connections during the load', async () => {
    const first = await startBoth();
    const full = answers(first.live);
    expect(await first.live.snapshots.write(true)).toBe(true);
    errors.length = 0;
    const before = [fullReads, termReads];
    const live = openBoth();
    // While the first part is placed, both connections of the load (the pool's and the second one,
    // in the same snapshot) are ended by the server, as a restart or pg_terminate_backend does.
    const loading = live.index.loadingSource.bind(live.index);
    let ended = false;
    live.index.loadingSource = (name, sliceMs) => {
      const load = loading(name, sliceMs);
      const addDocs = load.addDocs.bind(load);
      load.addDocs = async (part) => {
        if (!ended) {
          ended = true;
          await database.pool.query(`
            select pg_terminate_backend(pid) from pg_stat_activity
            where datname = current_database() and pid <> pg_backend_pid() and xact_start is not null`);
          await new Promise((resolve) => setTimeout(resolve, 200));
        }
        return addDocs(part);
      };
      return load;
    };
    await live.ready;
    await live.refresh();
    expect(ended).toBe(true);
    // Reported, and the source whose parts were not all read yet built in full instead.
    expect(errors.length).toBeGreaterThan(0);
    expect(fullReads > before[0]! || termReads > before[1]!).toBe(true);
    expect(answers(live)).toEqual(full);
  });

  it('decodes the parts read ahead as they come, not when their turn to be placed comes', async () => {
    const first = await startBoth();
    const full = answers(first.live);
    expect(await first.live.snapshots.write(true)).toBe(true);
    const live = openBoth();
    const events: string[] = [];
    const decode = live.index.decodePart.bind(live.index);
    live.index.decodePart = (bytes, known) => {
      events.push('decoded');
      return decode(bytes, known);
    };
    const loading = live.index.loadingSource.bind(live.index);
    live.index.loadingSource = (name, sliceMs) => {
      const load = loading(name, sliceMs);
      const addDocs = load.addDocs.bind(load);
      load.addDocs = async (part) => {
        events.push('placing');
        // Placing is slow: the next parts come meanwhile.
        await new Promise((resolve) => setTimeout(resolve, 200));
        return addDocs(part);
      };
      return load;
    };
    await live.ready;
    await live.refresh();
    const second = events.indexOf('placing', events.indexOf('placing') + 1);
    expect(second).toBeGreaterThan(0);
    // The first part's and the next source's, decoded before the first was placed.
    expect(events.slice(0, second).filter((e) => e === 'decoded').length).toBeGreaterThanOrEqual(2);
    expect(answers(live)).toEqual(full);
  });
});
