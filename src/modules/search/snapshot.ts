// The snapshot of the search index in PostgreSQL (search_snapshots, search_snapshot_parts): per
// source, its documents and the words the index holds for them (engine/index-snapshot.ts), and the
// position of its change log they are at least as new as. A process that starts loads it instead of
// analysing every document again (20-35 s at 50,000 services), then applies the changes logged
// since. It is only a faster path: the index can always be built from the tables themselves, and a
// snapshot that is missing, made by other code or with another glossary, older than the change logs
// reach, or damaged is not used (live-index.ts builds in full then).
import { promisify } from 'node:util';
import { deflateRaw } from 'node:zlib';
import type pg from 'pg';
import type { SourceContent } from './engine/index-snapshot.ts';
import { searchFields, valueFacets } from './engine/search-types.ts';
import { encodeDocs } from './engine/doc-snapshot.ts';
import { wordsBytes } from './engine/term-snapshot.ts';
import type { ChangeCursor } from './search-source.ts';

/**
 * Raise it when what a source's documents hold, or how their text is analysed, changes: a snapshot
 * made before is then not used. (The glossary edition is part of the key already.)
 */
export const engineVersion = 4;

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
export const maxAgeHours = 12;
/** A snapshot is rewritten from the index, which follows changes: a full build is due daily. */
export const maxBuildAgeHours = 24;
/** Each part is read, parsed and placed while the next one is read: small enough to parse in a few ms. */
const docsPerPart = 500;
const termsPerPart = 20_000;
/** Terms per line of a terms part: each line is read as a short string of its own (snapshot-load.ts). */
const termsPerLine = 1_000;
/** The words' bytes, read into a buffer each connection reuses (snapshot-load.ts): 1 MiB parts keep it small. */
const bytesPerPart = 1 << 20;
const lockKey = 'search_snapshots';
const deflate = promisify(deflateRaw);

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
      const insert = async (kind: string, part: number, data: Buffer | string) =>
        client.query(
          `insert into search_snapshot_parts (source, kind, part, data, checksum)
           values ($1, $2, $3, $4, md5($4::bytea))`,
          [source, kind, part, await compressPart(data)],
        );
      // One part's JSON at a time: the event loop is given back between them.
      for (let i = 0; i * docsPerPart < content.docs.length; i++)
        await insert('docs', i, encodeDocs(...partOf(content, i)));
      const { terms } = content.words;
      for (let i = 0; i === 0 || i * termsPerPart < terms.length; i++)
        await insert('terms', i, termLines(terms.slice(i * termsPerPart, (i + 1) * termsPerPart)));
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

/**
 * A part as stored: deflated (on libuv's threads, off the event loop). PostgreSQL spent as much CPU
 * handing out a start's 150 MB of parts as the process that placed them (about 4.5 s of 10 at 50,000
 * services + 50,000 other documents, on a 2-core machine where both wait for the other); a third as
 * many bytes cost it a third, and inflating them costs this process far less (level 6: about 2 ms a
 * 680 kB part).
 */
export async function compressPart(data: Buffer | string): Promise<Buffer> {
  return deflate(typeof data === 'string' ? Buffer.from(data) : data, { level: 6 });
}

/** The documents of part `i` and their descriptions. */
function partOf({ docs, descriptions }: SnapshotSource['content'], i: number) {
  const [from, to] = [i * docsPerPart, (i + 1) * docsPerPart];
  return [docs.slice(from, to), descriptions.slice(from, to)] as const;
}

/** Terms as lines of JSON lists. */
function termLines(terms: readonly string[]): string {
  const lines: string[] = [];
  for (let i = 0; i === 0 || i * termsPerLine < terms.length; i++)
    lines.push(JSON.stringify(terms.slice(i * termsPerLine, (i + 1) * termsPerLine)));
  return lines.join('\n');
}
