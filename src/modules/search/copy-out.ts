// One query's rows as bytes, through `COPY (query) TO STDOUT (FORMAT binary)`: PostgreSQL sends a
// text or bytea value as its own bytes, and this process takes them as Buffers, outside V8's heap.
// pg's ordinary rows decode every value to a string (bytea as hex, twice its size): a search snapshot
// part read that way came as thousands of short rows (the part split by PostgreSQL), whose splitting,
// sending and parsing cost both processes more CPU than the part's own decoding.
import type pg from 'pg';

/** A row: each column's bytes, or null for SQL null. */
export type ByteRow = (Buffer | null)[];

const signature = Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1');

/**
 * Bytes appended to one buffer that is kept and written over again: a load reads a few hundred parts
 * of up to a megabyte, and a fresh Buffer for each (or for each chunk) cost more in page faults than
 * the copies themselves (with glibc's mmap and trim thresholds at 128 KB, each one's pages were mapped
 * and given back again: 1.3 s of a load in Buffer copies).
 */
export class ByteScratch {
  private bytes = Buffer.allocUnsafe(1 << 16);
  length = 0;

  append(chunk: Uint8Array): void {
    if (this.length + chunk.length > this.bytes.length) {
      const bigger = Buffer.allocUnsafe(Math.max(2 * this.bytes.length, this.length + chunk.length));
      this.bytes.copy(bigger, 0, 0, this.length);
      this.bytes = bigger;
    }
    this.bytes.set(chunk, this.length);
    this.length += chunk.length;
  }

  /** What was appended since the last clear: valid until the next append after a clear. */
  view(): Buffer {
    return this.bytes.subarray(0, this.length);
  }

  clear(): void {
    this.length = 0;
  }
}

/**
 * The rows of `sql` (a query without parameters: COPY takes none; literals escaped by the caller), as
 * views of `scratch`: valid until it is used again.
 */
export function copyRows(
  client: pg.ClientBase,
  sql: string,
  scratch = new ByteScratch(),
): Promise<ByteRow[]> {
  return new Promise((resolve, reject) => {
    scratch.clear();
    void client.query(new CopyOut(`copy (${sql}) to stdout (format binary)`, scratch, resolve, reject));
  });
}

/**
 * What pg's client calls for a query it is given (as pg-copy-streams does): the chunks of COPY data
 * are copied as they come (pg's parser reuses the buffer they point into), parsed once complete.
 */
class CopyOut {
  private done = false;
  /** Called by pg, also on its read timeout (it wraps this). */
  callback: (error: Error | null, rows?: ByteRow[]) => void;

  constructor(
    private readonly text: string,
    private readonly scratch: ByteScratch,
    resolve: (rows: ByteRow[]) => void,
    reject: (error: Error) => void,
  ) {
    this.callback = (error, rows) => (error ? reject(error) : resolve(rows!));
  }

  submit(connection: { query(text: string): void }): void {
    connection.query(this.text);
  }

  handleCopyData(message: { chunk: Buffer }): void {
    if (!this.done) this.scratch.append(message.chunk);
  }

  handleCommandComplete(): void {}

  handleReadyForQuery(): void {
    if (this.done) return;
    this.done = true;
    let rows: ByteRow[];
    try {
      rows = parseBinaryCopy(this.scratch.view());
    } catch (error) {
      this.callback(error as Error);
      return;
    }
    this.callback(null, rows);
  }

  handleError(error: Error, connection?: { stream: { destroy(error: Error): void } }): void {
    // pg's read timeout fails the query but leaves the COPY running on the connection, and a client
    // that is not TimeLimitedClient (db/client.ts only watches promise queries) would go back to its
    // pool busy: the connection is given up here whichever client holds it.
    if (error.message === 'Query read timeout') connection?.stream.destroy(error);
    if (this.done) return;
    this.done = true;
    this.callback(error);
  }

  // Not sent for a COPY; here so that a misuse fails in this query, not in pg's client.
  handleRowDescription(): void {}
  handleDataRow(): void {}
  handleEmptyQuery(): void {}
}

/** The rows of PostgreSQL's binary COPY format: a header, then per row its columns' lengths and bytes. */
export function parseBinaryCopy(data: Buffer): ByteRow[] {
  const fail = (): never => {
    throw new Error('search snapshot: not a binary COPY');
  };
  if (data.length < 19 || !data.subarray(0, 11).equals(signature)) fail();
  let at = 15 + 4 + data.readInt32BE(15);
  const rows: ByteRow[] = [];
  for (;;) {
    if (at + 2 > data.length) fail();
    const columns = data.readInt16BE(at);
    at += 2;
    if (columns === -1) return rows;
    const row: ByteRow = [];
    for (let c = 0; c < columns; c++) {
      if (at + 4 > data.length) fail();
      const length = data.readInt32BE(at);
      at += 4;
      if (length === -1) {
        row.push(null);
        continue;
      }
      if (length < 0 || at + length > data.length) fail();
      row.push(data.subarray(at, at + length));
      at += length;
    }
    rows.push(row);
  }
}
