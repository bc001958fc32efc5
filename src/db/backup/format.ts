// The backup file: gzip over a magic line and frames, each a kind byte, a 4-byte length and its
// bytes. A table is "T" (its name and columns, JSON), "D" frames of COPY text-format rows and "E"
// (its row count and SHA-256, JSON); the manifest ("M", JSON) comes last, once everything is known.
// Reading checks every count and checksum against the frames and the manifest, so a file cut short
// or changed is refused before anything is restored.
import { createHash, hkdfSync } from 'node:crypto';
import {
  closeSync,
  createReadStream,
  createWriteStream,
  existsSync,
  fsyncSync,
  openSync,
  renameSync,
  rmSync,
} from 'node:fs';
import { dirname, resolve } from 'node:path';
import { once } from 'node:events';
import { createGunzip, createGzip } from 'node:zlib';
import type { KeyRing } from '../../shared/field-encryption.ts';

export const backupFormat = 'passerelle-backup';
export const backupVersion = 1;
const magic = Buffer.from('PASSERELLE-BACKUP\n');
/** The largest frame a reader accepts: one row may hold a 10 MiB attachment, written as hex. */
const maxFrame = 256 * 1024 * 1024;

export interface TableHeader {
  /** Schema-qualified, e.g. "public.services". */
  name: string;
  /** The columns written, in order (generated columns are not). */
  columns: string[];
}

export interface TableSummary extends TableHeader {
  rows: number;
  bytes: number;
  sha256: string;
}

export interface BackupManifest {
  format: typeof backupFormat;
  version: number;
  /** The time of the database snapshot the backup holds. */
  createdAt: string;
  /** The last schema migration applied to the database (drizzle's journal tag and time). */
  migration: { tag: string; when: number };
  server: string;
  tables: TableSummary[];
  /** Each sequence's last value, or null when it was never used. */
  sequences: { name: string; value: string | null }[];
  /** Which encryption keys the installation had: ids and a check value, never the keys. */
  encryptionKeys: { id: string; check: string }[];
}

/** A file that is not a backup, is cut short or damaged, or does not fit this installation. */
export class BackupError extends Error {}

/** A value that tells whether two keys are the same without revealing either (HKDF, one way). */
export function keyCheck(key: Buffer): string {
  return Buffer.from(hkdfSync('sha256', key, Buffer.alloc(0), 'passerelle:backup-key-check', 8)).toString(
    'hex',
  );
}

export function keyChecksOf(ring: KeyRing | null): BackupManifest['encryptionKeys'] {
  return ring ? [...ring.keys].map(([id, key]) => ({ id, check: keyCheck(key) })) : [];
}

/** Writes a backup to `${path}.partial`, renamed to `path` by finish(): a file at `path` is always whole. */
export class BackupWriter {
  private readonly gzip = createGzip();
  private readonly file;
  private readonly done: Promise<unknown>;

  constructor(private readonly path: string) {
    // A new file of our own (never one left behind or planted there, with its own mode).
    rmSync(`${path}.partial`, { force: true });
    this.file = createWriteStream(`${path}.partial`, { mode: 0o600, flags: 'wx' });
    this.gzip.pipe(this.file);
    this.done = once(this.file, 'close');
    // Errors surface through write() and finish(); keep them from being unhandled meanwhile.
    this.done.catch(() => {});
    this.gzip.write(magic);
  }

  async frame(kind: 'T' | 'D' | 'E' | 'M', payload: Buffer | object): Promise<void> {
    const bytes = Buffer.isBuffer(payload) ? payload : Buffer.from(JSON.stringify(payload));
    const head = Buffer.alloc(5);
    head.write(kind, 0, 'latin1');
    head.writeUInt32BE(bytes.length, 1);
    this.gzip.write(head);
    if (!this.gzip.write(bytes)) await Promise.race([once(this.gzip, 'drain'), this.done]);
  }

  async finish(manifest: BackupManifest): Promise<void> {
    await this.frame('M', manifest);
    this.gzip.end();
    await this.done;
    // On the disk before it gets its name, and the name too: after a power cut a file at `path` is whole.
    syncFile(`${this.path}.partial`);
    renameSync(`${this.path}.partial`, this.path);
    syncFile(dirname(resolve(this.path)));
  }

  async abort(): Promise<void> {
    this.gzip.destroy();
    this.file.destroy();
    await this.done.catch(() => {});
    rmSync(`${this.path}.partial`, { force: true });
  }
}

interface Frame {
  kind: string;
  payload: Buffer;
}

async function* framesOf(path: string): AsyncGenerator<Frame> {
  if (!existsSync(path)) throw new BackupError(`There is no file ${path}.`);
  const file = createReadStream(path);
  const input = file.pipe(createGunzip());
  file.on('error', (error) => input.destroy(error));
  let buffer: Buffer = Buffer.alloc(0);
  let started = false;
  let parts: Buffer[] = [];
  let partsLength = 0;
  let wanted = 0;
  try {
    for await (const chunk of input as AsyncIterable<Buffer>) {
      // Gathered without copying until the frame being read is whole (a copy per chunk is quadratic).
      parts.push(chunk);
      partsLength += chunk.length;
      if (buffer.length + partsLength < wanted) continue;
      buffer = Buffer.concat([buffer, ...parts]);
      parts = [];
      partsLength = 0;
      if (!started) {
        if (buffer.length < magic.length) continue;
        if (!buffer.subarray(0, magic.length).equals(magic)) throw notABackup(path);
        buffer = buffer.subarray(magic.length);
        started = true;
      }
      while (buffer.length >= 5) {
        const length = buffer.readUInt32BE(1);
        if (length > maxFrame) throw damaged(path, 'a frame is too long');
        if (buffer.length < 5 + length) {
          wanted = 5 + length;
          break;
        }
        yield { kind: buffer.toString('latin1', 0, 1), payload: buffer.subarray(5, 5 + length) };
        buffer = buffer.subarray(5 + length);
      }
    }
  } catch (error) {
    if (error instanceof BackupError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new BackupError(`There is no file ${path}.`);
    if (code === 'Z_DATA_ERROR' && !started) throw notABackup(path);
    if (code?.startsWith('Z_') || code === 'ERR_STREAM_PREMATURE_CLOSE') throw damaged(path, String(error));
    throw error;
  }
  if (!started) throw notABackup(path);
  if (buffer.length + partsLength) throw damaged(path, 'it ends in the middle of a frame');
}

const notABackup = (path: string) => new BackupError(`${path} is not a Passerelle backup.`);
const damaged = (path: string, why: string) =>
  new BackupError(`${path} is cut short or damaged (${why}); it cannot be restored.`);

function json<T>(path: string, frame: Frame): T {
  try {
    return JSON.parse(frame.payload.toString('utf8')) as T;
  } catch {
    throw damaged(path, `a "${frame.kind}" frame is not JSON`);
  }
}

/** Counts rows (COPY's text format ends every row with a newline and escapes those in values). */
function countNewlines(chunk: Buffer): number {
  let count = 0;
  for (let at = chunk.indexOf(10); at !== -1; at = chunk.indexOf(10, at + 1)) count++;
  return count;
}

/**
 * Reads a backup through, checking every table's rows and checksum against its end frame and the
 * manifest, and returns the manifest. `onTable` gets each table's rows as they are read; a table's
 * chunks are checked as they pass, so a restore that reads them must still roll back on an error.
 */
export async function readBackup(
  path: string,
  onTable?: (table: TableHeader, chunks: AsyncIterable<Buffer>) => Promise<unknown>,
): Promise<BackupManifest> {
  const frames = framesOf(path);
  const next = async (): Promise<Frame> => {
    const { value, done } = await frames.next();
    if (done) throw damaged(path, 'it ends before its manifest');
    return value;
  };
  const seen: TableSummary[] = [];
  for (;;) {
    const frame = await next();
    if (frame.kind === 'M') {
      if (!(await frames.next()).done) throw damaged(path, 'there is more after the manifest');
      return checkManifest(path, json<BackupManifest>(path, frame), seen);
    }
    if (frame.kind !== 'T') throw damaged(path, `a "${frame.kind}" frame where a table should start`);
    const header = json<TableHeader>(path, frame);
    const summary: TableSummary = { ...header, rows: 0, bytes: 0, sha256: '' };
    const hash = createHash('sha256');
    let end: Frame | undefined;
    async function* chunks(): AsyncGenerator<Buffer> {
      for (let data = await next(); ; data = await next()) {
        if (data.kind === 'E') return void (end = data);
        if (data.kind !== 'D') throw damaged(path, `a "${data.kind}" frame inside table ${header.name}`);
        hash.update(data.payload);
        summary.rows += countNewlines(data.payload);
        summary.bytes += data.payload.length;
        yield data.payload;
      }
    }
    const rows = chunks();
    if (onTable) await onTable(header, rows);
    // Whatever onTable left unread.
    for await (const chunk of rows) void chunk;
    if (!end) throw damaged(path, `table ${header.name} has no end`);
    summary.sha256 = hash.digest('hex');
    const told = json<{ rows: number; sha256: string }>(path, end);
    if (told.rows !== summary.rows || told.sha256 !== summary.sha256)
      throw damaged(path, `the rows of ${header.name} do not match their checksum`);
    seen.push(summary);
  }
}

function checkManifest(path: string, manifest: BackupManifest, seen: TableSummary[]): BackupManifest {
  if (manifest.format !== backupFormat) throw notABackup(path);
  if (manifest.version !== backupVersion)
    throw new BackupError(
      `${path} is a backup of format version ${manifest.version}; this version of Passerelle reads version ${backupVersion}.`,
    );
  const same =
    manifest.tables.length === seen.length &&
    manifest.tables.every(
      (t, i) => t.name === seen[i]!.name && t.rows === seen[i]!.rows && t.sha256 === seen[i]!.sha256,
    );
  if (!same) throw damaged(path, 'its tables do not match its manifest');
  return manifest;
}

function syncFile(path: string): void {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
