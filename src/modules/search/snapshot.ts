// The snapshot of the search index in PostgreSQL (search_snapshots, search_snapshot_parts): per
// source, its documents and the words the index holds for them (engine/index-snapshot.ts), and the
// position of its change log they are at least as new as. A process that starts loads it instead of
// analysing every document again (20-35 s at 50,000 services), then applies the changes logged
// since. It is only a faster path: the index can always be built from the tables themselves, and a
// snapshot that is missing, made by other code or with another glossary, older than the change logs
// reach, or damaged is not used (live-index.ts builds in full then).
import type pg from 'pg';
import type { DatabaseConnection } from '../../db/client.ts';
import type { SnapshotSearchIndex, SourceContent } from './engine/index-snapshot.ts';
import { searchFields, valueFacets } from './engine/search-types.ts';
import { encodeDocs } from './engine/doc-snapshot.ts';
import { wordsBytes, wordsFromBytes } from './engine/term-snapshot.ts';
import type { ChangeCursor, SearchSource } from './search-source.ts';

/**
 * Raise it when what a source's documents hold, or how their text is analysed, changes: a snapshot
 * made before is then not used. (The glossary edition is part of the key already.)
 */
export const engineVersion = 2;

/** What a snapshot must have been made with to be used: this code's analysis and glossary edition. */
export function analysisKey(edition: string | undefined): string {
  return `v${engineVersion};${searchFields.join(',')};${valueFacets.join(',')};${edition ?? ''}`;
}

/**
 * The change logs forget entries older than a day (pruneChanges). A change after a snapshot's
 * cursor was written after the cursor was read, by a transaction that began at most this long
 * before (its entry's time is the transaction's start): with 12 hours of margin, a snapshot whose
 * cursor was read less than 12 hours ago misses nothing the logs forgot.
 */
const maxAgeHours = 12;
/** A snapshot is rewritten from the index, which follows changes: a full build is due daily. */
const maxBuildAgeHours = 24;
/** Each part is read, parsed and placed while the next one is read: small enough to parse in a few ms. */
const docsPerPart = 500;
const termsPerPart = 20_000;
/** The words' bytes come as hex text (twice their size), decoded in one turn per part: 1 MiB parts keep that short. */
const bytesPerPart = 1 << 20;
const lockKey = 'search_snapshots';

export interface SnapshotSource {
  source: string;
  cursor: ChangeCursor;
  /** When the cursor was read (Date.now()). */
  cursorReadAt: number;
  /** When the full build these documents descend from read them (Date.now()). */
  builtAt: number;
  content: SourceContent;
}

/** Whether a snapshot with this key was written less than `everyMs` ago (by any process). */
export async function recentSnapshot(
  pool: pg.Pool | pg.PoolClient,
  key: string,
  everyMs: number,
): Promise<boolean> {
  const result = await pool.query(
    `select 1 from search_snapshots
     where analysis_key = $1 and made_at > now() - make_interval(secs => $2::float8 / 1000) limit 1`,
    [key, everyMs],
  );
  return result.rows.length > 0;
}

type SnapshotHead = { cursor: ChangeCursor; cursorReadAt: number; builtAt: number };

/**
 * Loads a source's snapshot into the index when there is one it may use, and gives its cursor;
 * undefined when there is none, or on any error (a damaged part, say): then whatever was taken in
 * goes again, and the caller builds the source in full.
 */
export async function loadSnapshot(
  database: DatabaseConnection,
  index: SnapshotSearchIndex,
  source: SearchSource,
  key: string,
  onError: (error: unknown) => void,
): Promise<SnapshotHead | undefined> {
  // One client, one snapshot of the tables: another process's snapshot written meanwhile must not
  // give some parts of the old one and some of the new.
  let client: pg.PoolClient | undefined;
  try {
    client = await database.pool.connect();
    await client.query('begin isolation level repeatable read read only');
    const head = await loadSnapshotIn(client, index, source, key);
    await client.query('commit');
    client.release();
    return head;
  } catch (error) {
    // Never back to the pool inside the transaction: a damaged part throws in the middle of it.
    client?.release(error instanceof Error ? error : true);
    onError(error);
    index.replace([], undefined, source.name);
    return undefined;
  }
}

/**
 * Places each part's documents as it comes (the next part is read meanwhile, PostgreSQL working
 * beside this process), then the words; undefined when there is no snapshot with this key, or its
 * cursor is older than the change log surely reaches. Throws on a damaged one.
 */
async function loadSnapshotIn(
  pool: pg.PoolClient,
  index: SnapshotSearchIndex,
  source: SearchSource,
  key: string,
): Promise<SnapshotHead | undefined> {
  // A database behind the snapshot's cursor (restored from an older backup) has given its
  // transaction ids again: the cursor would hide their changes.
  const head = await pool.query<{
    cursor: string;
    documents: number;
    read_at: Date;
    built_at: Date;
    fresh: boolean;
    ahead: boolean;
  }>(
    // Documents descend from a full build at most a day old: what only a full build corrects (a
    // listing's trust, which age lowers; documents a fixed source no longer makes) is corrected daily.
    `select change_cursor as cursor, documents, cursor_read_at as read_at, built_at,
            cursor_read_at > now() - make_interval(hours => ${maxAgeHours})
              and built_at > now() - make_interval(hours => ${maxBuildAgeHours}) as fresh,
            pg_snapshot_xmax(change_cursor::pg_snapshot) <= pg_snapshot_xmax(pg_current_snapshot()) as ahead
     from search_snapshots where source = $1 and analysis_key = $2`,
    [source.name, key],
  );
  const row = head.rows[0];
  if (!row?.fresh || !row.ahead) return undefined;
  const list = await pool.query<{ kind: string; part: number }>(
    `select kind, part from search_snapshot_parts where source = $1 order by kind, part`,
    [source.name],
  );
  const load = index.loadingSource(source.name);
  const terms: string[] = [];
  const words: Buffer[] = [];
  const fetch = (i: number) => {
    const { kind, part } = list.rows[i]!;
    // The checksum is compared by PostgreSQL, on its own core. The words' bytes come as base64:
    // as bytea they came as hex, twice their size, whose decoding took this process three times the
    // time (pg's binary format gives no bytes either: it decodes them as UTF-8 text).
    const read = pool.query<{ json: string | null; data: string | null; intact: boolean }>(
      `select json, encode(data, 'base64') as data, md5(coalesce(convert_to(json, 'UTF8'), data)) = checksum as intact
       from search_snapshot_parts where source = $1 and kind = $2 and part = $3`,
      [source.name, kind, part],
    );
    // Awaited later, after the event loop has turned: a failure meanwhile is not unhandled.
    read.catch(() => {});
    return read;
  };
  const seen = new Map<string, number>();
  let next = list.rows.length ? fetch(0) : undefined;
  for (let i = 0; i < list.rows.length; i++) {
    const { kind, part } = list.rows[i]!;
    const result = await next!;
    next = i + 1 < list.rows.length ? fetch(i + 1) : undefined;
    // Parts numbered 0, 1, … with none missing.
    if ((seen.get(kind) ?? 0) !== part)
      throw new Error(`search snapshot: ${source.name} ${kind} part missing`);
    seen.set(kind, part + 1);
    const { json, data, intact } = result.rows[0] ?? {};
    if (!intact || !(kind === 'words' ? data : json))
      throw new Error(`search snapshot: ${source.name} damaged`);
    if (kind === 'words') words.push(Buffer.from(data!, 'base64'));
    else if (kind === 'docs') await load.addDocs(json!);
    else {
      const values: unknown = JSON.parse(json!);
      if (!Array.isArray(values)) throw new Error(`search snapshot: ${source.name} ${kind} not a list`);
      for (const value of values) terms.push(value as string);
    }
  }
  if (load.documents !== row.documents) throw new Error(`search snapshot: ${source.name} documents missing`);
  await load.finish(wordsFromBytes(Buffer.concat(words), terms));
  return { cursor: row.cursor, cursorReadAt: row.read_at.getTime(), builtAt: row.built_at.getTime() };
}

/**
 * Replaces the snapshot with these sources' in one transaction, unless another process holds the
 * lock (it writes one) or wrote one with this key less than `everyMs` ago. True when written.
 */
export async function writeSnapshot(
  pool: pg.Pool,
  key: string,
  everyMs: number,
  sources: SnapshotSource[],
): Promise<boolean> {
  const client = await pool.connect();
  try {
    await client.query('begin');
    const lock = await client.query<{ locked: boolean }>(
      'select pg_try_advisory_xact_lock(hashtextextended($1, 0)) as locked',
      [lockKey],
    );
    if (!lock.rows[0]?.locked || (await recentSnapshot(client, key, everyMs))) {
      await client.query('rollback');
      return false;
    }
    await client.query('delete from search_snapshots');
    for (const { source, cursor, cursorReadAt, builtAt, content } of sources) {
      await client.query(
        `insert into search_snapshots (source, analysis_key, change_cursor, cursor_read_at, built_at, documents)
         values ($1, $2, $3, $4, $5, $6)`,
        [source, key, cursor, new Date(cursorReadAt), new Date(builtAt), content.docs.length],
      );
      const insert = (kind: string, part: number, data: Buffer | string) =>
        client.query(
          `insert into search_snapshot_parts (source, kind, part, ${typeof data === 'string' ? 'json' : 'data'}, checksum)
           values ($1, $2, $3, $4, md5(${typeof data === 'string' ? "convert_to($4::text, 'UTF8')" : '$4::bytea'}))`,
          [source, kind, part, data],
        );
      // One part's JSON at a time: the event loop is given back between them.
      for (let i = 0; i * docsPerPart < content.docs.length; i++)
        await insert('docs', i, encodeDocs(content.docs.slice(i * docsPerPart, (i + 1) * docsPerPart)));
      const { terms } = content.words;
      for (let i = 0; i === 0 || i * termsPerPart < terms.length; i++)
        await insert('terms', i, JSON.stringify(terms.slice(i * termsPerPart, (i + 1) * termsPerPart)));
      const bytes = wordsBytes(content.words);
      for (let i = 0; i * bytesPerPart < bytes.length; i++)
        await insert('words', i, bytes.subarray(i * bytesPerPart, (i + 1) * bytesPerPart));
    }
    await client.query('commit');
    return true;
  } catch (error) {
    await client.query('rollback').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}
