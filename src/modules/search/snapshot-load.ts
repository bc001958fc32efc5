// Loading the search snapshot (snapshot.ts) into a new process's index: every source's parts read in
// one read-only snapshot of the tables (two connections, the second sharing the first's exported
// snapshot), so that a snapshot another process writes meanwhile can never give some parts of the
// old one and some of the new. PostgreSQL reads a few parts ahead of the one this process places,
// two at a time and across the sources' boundaries: it detoasts and checks the next parts while this
// process parses and places them, and neither waits for the other's round trips.
import { promisify } from 'node:util';
import { inflateRaw } from 'node:zlib';
import pg from 'pg';
import type { DatabaseConnection } from '../../db/client.ts';
import type { DecodedPart, SnapshotSearchIndex } from './engine/index-snapshot.ts';
import { ValueLines } from './engine/doc-snapshot.ts';
import { WordsFromParts } from './engine/term-snapshot.ts';
import { ByteScratch, copyRows } from './copy-out.ts';
import type { ChangeCursor, SearchSource } from './search-source.ts';
import { maxAgeHours, maxBuildAgeHours } from './snapshot.ts';

export type SnapshotHead = { cursor: ChangeCursor; cursorReadAt: number; builtAt: number };

const sliceBytes = 64 << 10;
const inflate = promisify(inflateRaw);
/**
 * zlib's output chunk: a part inflates into one (a docs part is some 700 kB, a words part 1 MiB). With
 * the default 16 KiB, this process handled each part's 40-odd chunks and joined them on its own
 * thread: 1 s of a start's CPU.
 */
const inflatedChunk = 2 << 20;
/** Parts asked for beyond the one being placed: PostgreSQL has the next ones to read meanwhile. */
const partsAhead = 3;

/**
 * A part as PostgreSQL stores it (deflated, snapshot.ts), with whether its checksum holds (compared
 * by PostgreSQL, on its own core), through a binary COPY (copy-out.ts): its bytes come as they are,
 * one Buffer outside V8's heap, not as a string. Once inflated, a JSON part is read a line at a time
 * (doc-snapshot.ts writes one value or document per line), each line a short string of its own: a
 * string of several hundred kilobytes took this process about four times as long per byte to decode
 * (V8 places it apart and frees it only in a full collection). A missing part gives no row.
 */
const partQuery = (client: pg.ClientBase, { source, kind, part }: PartName) =>
  // Sent in slices of 64 KiB, one COPY row each: pg's parser copies a message's bytes again with
  // each chunk the socket gives until the message is whole (a part as one message cost 1.4 s of
  // copies in a load). Checked once in the materialized part, not once per slice (md5 in the slices'
  // select list was computed again for each: 30-90 ms for a 1 MiB part instead of 10-25).
  `with p as materialized (
     select data as bytes, md5(data) = checksum as intact
     from search_snapshot_parts
     where source = ${client.escapeLiteral(source)} and kind = ${client.escapeLiteral(kind)}
       and part = ${Number(part)})
   select intact, substring(bytes from s for ${sliceBytes})
   from p, generate_series(1, greatest(octet_length(bytes), 1), ${sliceBytes}) s order by s`;

/** A connection's buffers for the COPY and for a part's bytes, written over by each part it reads. */
type Scratch = { copy: ByteScratch; part: ByteScratch };

/**
 * A part's bytes, or undefined when it is missing or its checksum does not hold; a view of `scratch`,
 * valid until it reads the next part.
 */
export async function readPart(
  client: pg.ClientBase,
  name: PartName,
  scratch: Scratch,
): Promise<Buffer | undefined> {
  const rows = await copyRows(client, partQuery(client, name), scratch.copy);
  // A binary COPY's boolean is one byte, 1 for true.
  if (!rows.length || !rows.every(([intact, bytes]) => intact?.[0] === 1 && bytes)) return undefined;
  if (rows.length === 1) return rows[0]![1]!;
  scratch.part.clear();
  for (const row of rows) scratch.part.append(row[1]!);
  return scratch.part.view();
}

/** A JSON part's lines, each its own short string. */
function linesOf(bytes: Buffer): string[] {
  const lines: string[] = [];
  for (let at = 0; at <= bytes.length;) {
    let end = bytes.indexOf(10, at);
    if (end < 0) end = bytes.length;
    lines.push(bytes.toString('utf8', at, end));
    at = end + 1;
  }
  return lines;
}

export type PartName = { source: string; kind: string; part: number };

/** A part as read and decoded: whether it came whole (some rows, every checksum held), and its content. */
interface ReadPart {
  whole: boolean;
  docs?: DecodedPart;
  bytes?: Buffer;
  terms?: string[];
}

/**
 * Every source from the snapshot where it may be used (key false: none), else built in full by
 * `build`, in the sources' order (documents are numbered as a full build numbers them). Gives the
 * sources loaded from the snapshot, with their heads.
 */
export async function loadOrBuild(
  database: DatabaseConnection,
  index: SnapshotSearchIndex,
  sources: readonly SearchSource[],
  key: string | false,
  build: (source: SearchSource) => Promise<void>,
  onError: (error: unknown) => void,
): Promise<Map<SearchSource, SnapshotHead>> {
  const loaded = new Map<SearchSource, SnapshotHead>();
  for (let i = 0; i < sources.length;) {
    // The snapshot's sources in one go, up to the first it cannot give: that one is built in full,
    // and the rest asked for again.
    const rest = sources.slice(i);
    const heads = key === false ? [] : await loadSnapshots(database, index, rest, key, onError);
    heads.forEach((head, k) => loaded.set(rest[k]!, head));
    i += heads.length;
    if (i < sources.length) await build(sources[i++]!);
  }
  return loaded;
}

/**
 * Loads the snapshot of as many of `sources`, in their order, as it can: stops at the first source
 * with no snapshot it may use (none, another analysis, too old, ahead of the database) or whose
 * snapshot fails (a damaged part, say: reported to `onError`, what it had placed is removed). Gives
 * the heads of the sources loaded, the first ones of `sources`: the caller builds the next one in
 * full and asks again for the rest, so that documents are numbered in the sources' order as a full
 * build numbers them.
 */
export async function loadSnapshots(
  database: DatabaseConnection,
  index: SnapshotSearchIndex,
  sources: readonly SearchSource[],
  key: string,
  onError: (error: unknown) => void,
): Promise<SnapshotHead[]> {
  const loaded: SnapshotHead[] = [];
  let client: pg.PoolClient | undefined;
  let second: pg.Client | undefined;
  // Never back to the pool inside the transaction (a failure, or parts still being read).
  const drop = (error: unknown) => {
    client?.release(error instanceof Error ? error : true);
    second?.end().catch(() => {});
  };
  try {
    client = await database.pool.connect();
    await client.query('begin isolation level repeatable read read only');
    const heads = await readHeads(client, sources, key);
    const usable: SearchSource[] = [];
    for (const source of sources) {
      if (!heads.has(source.name)) break;
      usable.push(source);
    }
    const list = await client.query<PartName>(
      `select source, kind, part from search_snapshot_parts where source = any($1::text[])
       order by array_position($1::text[], source), kind, part`,
      [usable.map((s) => s.name)],
    );
    // A second connection reads every other part, in the same snapshot of the tables: PostgreSQL
    // reads two parts at once. Its own client, not the pool's: a pool of one would wait for itself.
    if (list.rows.length > 1) {
      const id = (await client.query<{ id: string }>('select pg_export_snapshot() as id')).rows[0]!.id;
      second = await joinSnapshot(database, id, onError);
    }
    const known = new ValueLines();
    const decode = ({ source, kind }: PartName, bytes: Buffer | undefined): ReadPart => {
      if (!bytes) return { whole: false };
      // Inflated into a buffer of its own (readAhead), copied into the words' arrays once placed.
      if (kind === 'words') return { whole: true, bytes };
      if (kind === 'docs') return { whole: true, docs: index.decodePart(bytes, known) };
      const terms: string[] = [];
      for (const line of linesOf(bytes)) {
        const values: unknown = JSON.parse(line);
        if (!Array.isArray(values)) throw new Error(`search snapshot: ${source} ${kind} not a list`);
        for (const value of values) terms.push(value as string);
      }
      return { whole: true, terms };
    };
    const reader = readAhead(second ? [client, second] : [client], list.rows, decode);
    for (const source of usable) {
      const head = heads.get(source.name)!;
      try {
        await loadSource(index, source, head.documents, reader);
      } catch (error) {
        onError(error);
        index.replace([], undefined, source.name);
        // Its remaining parts (and the next sources', read ahead) are not waited for.
        drop(true);
        return loaded;
      }
      loaded.push(head);
    }
    await client.query('commit');
    client.release();
    client = undefined;
    await second?.end();
    return loaded;
  } catch (error) {
    // A connection failed (the parts placed are whole and checked: they stay).
    drop(error);
    onError(error);
    return loaded;
  }
}

/**
 * A second connection in the snapshot `id` exported by the first; undefined (reported) when it cannot
 * be had (connections used up, a pooler that refuses it): the first then reads every part alone,
 * rather than each source being built in full.
 */
export async function joinSnapshot(
  database: DatabaseConnection,
  id: string,
  onError: (error: unknown) => void,
): Promise<pg.Client | undefined> {
  const second = new pg.Client(database.pool.options);
  // A lost connection (PostgreSQL restarted, the backend ended, idle_in_transaction_session_timeout)
  // is reported through the failed reads; as an unheard 'error' event it would end the process.
  second.on('error', () => {});
  try {
    await second.connect();
    await second.query('begin isolation level repeatable read read only');
    await second.query(`set transaction snapshot ${second.escapeLiteral(id)}`);
    return second;
  } catch (error) {
    onError(error);
    second.end().catch(() => {});
    return undefined;
  }
}

/**
 * Each source's snapshot head, for the sources whose snapshot may be used: made with this key,
 * its cursor read less than maxAgeHours ago, descending from a full build less than
 * maxBuildAgeHours old, and not ahead of the database.
 */
async function readHeads(
  client: pg.PoolClient,
  sources: readonly SearchSource[],
  key: string,
): Promise<Map<string, SnapshotHead & { documents: number }>> {
  // A database behind the snapshot's cursor (restored from an older backup) has given its
  // transaction ids again: the cursor would hide their changes.
  const head = await client.query<{
    source: string;
    cursor: string;
    documents: number;
    read_at: Date;
    built_at: Date;
  }>(
    // Documents descend from a full build at most a day old: what only a full build corrects (a
    // listing's trust, which age lowers; documents a fixed source no longer makes) is corrected daily.
    `select source, change_cursor as cursor, documents, cursor_read_at as read_at, built_at
     from search_snapshots
     where source = any($1::text[]) and analysis_key = $2
       and cursor_read_at > now() - make_interval(hours => ${maxAgeHours})
       and built_at > now() - make_interval(hours => ${maxBuildAgeHours})
       and pg_snapshot_xmax(change_cursor::pg_snapshot) <= pg_snapshot_xmax(pg_current_snapshot())`,
    [sources.map((s) => s.name), key],
  );
  return new Map(
    head.rows.map((row) => [
      row.source,
      {
        cursor: row.cursor,
        cursorReadAt: row.read_at.getTime(),
        builtAt: row.built_at.getTime(),
        documents: row.documents,
      },
    ]),
  );
}

/**
 * The parts in order, each asked for `partsAhead` parts before it is placed, taking the connections
 * in turn; a connection is asked its next part once it has answered the one before (one query at a
 * time each). Each part is decoded as soon as it comes (`decode`): its lines are let go at once,
 * while young, rather than held until their turn, surviving collections and moved to the old
 * generation (where a full collection must find them).
 */
function readAhead(
  clients: readonly pg.ClientBase[],
  parts: readonly PartName[],
  decode: (part: PartName, bytes: Buffer | undefined) => ReadPart,
) {
  const asked: Promise<ReadPart>[] = [];
  const tails: Promise<unknown>[] = clients.map(() => Promise.resolve());
  const scratches = clients.map(() => ({ copy: new ByteScratch(), part: new ByteScratch() }));
  const ask = (i: number) => {
    const c = i % clients.length;
    // The stored (deflated) bytes are copied out of the scratch, which the connection's next part
    // overwrites, and inflated on libuv's threads while the connection reads on.
    const stored = tails[c]!.then(async () => {
      const bytes = await readPart(clients[c]!, parts[i]!, scratches[c]!);
      return bytes && Buffer.from(bytes);
    });
    tails[c] = stored.catch(() => {});
    const read = stored.then(async (bytes) =>
      decode(parts[i]!, bytes && (await inflate(bytes, { chunkSize: inflatedChunk }))),
    );
    // Awaited later, or never (a source that failed): not an unhandled rejection meanwhile.
    read.catch(() => {});
    asked[i] = read;
  };
  let next = 0;
  return {
    /** The parts of `source`, in order (sources are taken in the list's order). */
    async *of(source: string): AsyncGenerator<PartName & { content: ReadPart }> {
      while (next < parts.length && parts[next]!.source === source) {
        const i = next++;
        for (let j = asked.length; j < Math.min(parts.length, i + 1 + partsAhead); j++) ask(j);
        const content = await asked[i]!;
        // Its answer is dropped once placed.
        delete asked[i];
        yield { ...parts[i]!, content };
      }
    },
  };
}

/**
 * Places a source's parts as they come: documents first, then the words. Throws on a damaged,
 * missing or inconsistent part (its documents' and words' own checks too).
 */
async function loadSource(
  index: SnapshotSearchIndex,
  source: SearchSource,
  documents: number,
  reader: ReturnType<typeof readAhead>,
): Promise<void> {
  const load = index.loadingSource(source.name);
  const terms: string[] = [];
  const words = new WordsFromParts();
  const seen = new Map<string, number>();
  for await (const { kind, part, content } of reader.of(source.name)) {
    // Parts numbered 0, 1, … with none missing.
    if ((seen.get(kind) ?? 0) !== part)
      throw new Error(`search snapshot: ${source.name} ${kind} part missing`);
    seen.set(kind, part + 1);
    if (!content.whole) throw new Error(`search snapshot: ${source.name} damaged`);
    if (content.bytes) words.push(content.bytes);
    else if (content.docs) await load.addDocs(content.docs);
    else for (const term of content.terms!) terms.push(term);
  }
  if (load.documents !== documents) throw new Error(`search snapshot: ${source.name} documents missing`);
  await load.finish(words.finish(terms));
}
