// COPY ... TO STDOUT and COPY ... FROM STDIN over node-postgres, without another package: pg hands
// the COPY messages of a query to the query object, so two small "submittables" are enough.
import type pg from 'pg';

interface Connection {
  query(text: string): void;
  stream: NodeJS.ReadableStream & NodeJS.WritableStream & { writableNeedDrain?: boolean };
  sendCopyFromChunk(chunk: Buffer): void;
  endCopyFrom(): void;
  sendCopyFail(message: string): void;
}

/** The number of rows in a "COPY 123" command tag. */
const copiedRows = (text: string | undefined) => Number(/^COPY (\d+)/.exec(text ?? '')?.[1] ?? NaN);

/**
 * Runs a COPY ... TO STDOUT and hands each chunk (one or more rows, COPY's text format) to `write`;
 * while `write` returns a promise, the connection's socket is paused. Resolves with the row count.
 */
export function copyOut(client: pg.ClientBase, sql: string, write: (chunk: Buffer) => void | Promise<void>) {
  return new Promise<number>((resolve, reject) => {
    let rows = NaN;
    let failed: unknown;
    let pending: Promise<void> = Promise.resolve();
    client.query({
      submit(connection: Connection) {
        connection.query(sql);
      },
      handleCopyData(message: { chunk: Buffer }, connection: Connection) {
        if (failed) return;
        // The parser reuses its buffer: the chunk is copied before it is kept.
        const wrote = write(Buffer.from(message.chunk));
        if (wrote instanceof Promise) {
          connection.stream.pause();
          pending = Promise.all([pending, wrote]).then(
            () => void connection.stream.resume(),
            (error: unknown) => {
              failed = error;
              connection.stream.resume();
            },
          );
        }
      },
      handleCommandComplete(message: { text?: string }) {
        rows = copiedRows(message.text);
      },
      handleReadyForQuery() {
        void pending.then(() => (failed ? reject(failed as Error) : resolve(rows)));
      },
      handleError(error: Error) {
        reject(error);
      },
      handleRowDescription() {},
      handleDataRow() {},
      handleEmptyQuery() {},
      handleCopyInResponse(connection: Connection) {
        connection.sendCopyFail('not a COPY FROM');
      },
    } as unknown as pg.Submittable);
  });
}

/** Runs a COPY ... FROM STDIN with the chunks given (COPY's text format). Resolves with the row count. */
export function copyIn(client: pg.ClientBase, sql: string, chunks: AsyncIterable<Buffer>) {
  return new Promise<number>((resolve, reject) => {
    let rows = NaN;
    let failed: unknown;
    client.query({
      submit(connection: Connection) {
        connection.query(sql);
      },
      handleCopyInResponse(connection: Connection) {
        void (async () => {
          try {
            for await (const chunk of chunks) {
              connection.sendCopyFromChunk(chunk);
              if (connection.stream.writableNeedDrain)
                await new Promise((drained) => connection.stream.once('drain', drained));
            }
            connection.endCopyFrom();
          } catch (error) {
            failed = error;
            // The server answers with an error, which ends the query (handleError).
            connection.sendCopyFail(error instanceof Error ? error.message : String(error));
          }
        })();
      },
      handleCommandComplete(message: { text?: string }) {
        rows = copiedRows(message.text);
      },
      handleReadyForQuery() {
        resolve(rows);
      },
      handleError(error: Error) {
        reject((failed as Error | undefined) ?? error);
      },
      handleCopyData() {},
      handleRowDescription() {},
      handleDataRow() {},
      handleEmptyQuery() {},
    } as unknown as pg.Submittable);
  });
}
