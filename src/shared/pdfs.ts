// An uploaded PDF (a practice's attachment) is checked before it is kept: its bytes must say it is a
// PDF (not its name, not the type the browser claims), it must end as a whole file does ("%%EOF"
// near its end: a cut-off upload is refused), pdf-lib must open it and find at least one page, and
// it must not be encrypted. Encrypted PDFs are refused, whatever their password: one that asks for
// a password cannot be read by those the library is for, and one that only limits printing or
// copying cannot be checked here; the person saves a copy without protection instead. The file is
// kept as sent (no rewriting): a PDF rewritten by pdf-lib could lose what the author put in it.
// pdf-lib reads in a worker thread with a time limit: a few hundred kilobytes of compressed object
// stream can inflate to gigabytes ("decompression bomb"), which would hold the process's one event
// loop (every request) for minutes and its memory with it. Past its time the worker is stopped and
// the file refused as unreadable.
// The checks run one at a time in the process, and at most `pdfChecksWaiting` wait for their turn:
// past that the upload is refused at once ("busy, try again in a minute") rather than held for
// minutes with its bytes in memory, and nothing is kept.
// Each use names its field, its limits and the codes of its refusals (their messages are
// `fields.<code>`, which say the limits in words).
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { fileTypeFromBuffer } from 'file-type';
import { AppError } from './errors.ts';

export interface PreparedPdf {
  data: Buffer;
  contentType: 'application/pdf';
  size: number;
  /** Hex SHA-256 of the bytes. */
  sha256: string;
  pageCount: number;
}

export interface PdfRules {
  /** The form field the refusals are about. */
  field: string;
  /** The most an upload may weigh. */
  maxBytes: number;
  /** The refusals' codes; `values` go with the too-big one (its message names the limit). */
  codes: {
    missing: string;
    tooBig: string;
    type: string;
    unreadable: string;
    encrypted: string;
    /** Too many files are waiting to be checked: try again in a minute. */
    busy: string;
  };
  values?: Record<string, string | number>;
  /** How long pdf-lib may read the file (10 s unless said). */
  timeoutMs?: number;
}

/** How far from the end a whole PDF says "%%EOF" (PDF 32000-1, 7.5.5: readers look in the last 1024 bytes). */
const endWindow = 1024;

/** What the worker found, or why pdf-lib could not read the file. */
type Reading = { pages: number; encrypted: boolean } | { error: string };

// Plain JavaScript (a worker runs no TypeScript), pdf-lib's CommonJS build by its resolved path.
const readerScript = `
const { parentPort, workerData } = require('node:worker_threads');
const { PDFDocument } = require(workerData.pdfLib);
(async () => {
  try {
    // Opened even when encrypted, to tell that apart from a damaged file.
    const document = await PDFDocument.load(workerData.bytes, { updateMetadata: false, ignoreEncryption: true });
    // Every page reachable through the page tree, not only the count the file claims.
    parentPort.postMessage({ pages: document.getPages().length, encrypted: document.isEncrypted });
  } catch (error) {
    parentPort.postMessage({ error: String((error && error.message) || error) });
  }
})();
`;
const pdfLib = createRequire(import.meta.url).resolve('pdf-lib');

/** pdf-lib's reading of the bytes in a worker: stopped after `timeoutMs`, its heap bounded. */
function readInWorker(bytes: Buffer, timeoutMs: number): Promise<Reading> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(readerScript, {
      eval: true,
      workerData: { pdfLib, bytes },
      resourceLimits: { maxOldGenerationSizeMb: 256 },
    });
    let settled = false;
    const settle = (finish: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      finish();
    };
    const timer = setTimeout(() => settle(() => resolve({ error: 'takes too long to read' })), timeoutMs);
    worker.once('message', (reading: Reading) => settle(() => resolve(reading)));
    worker.once('error', (error: Error & { code?: string }) =>
      settle(() =>
        // Out of its memory because of the file: unreadable; anything else is the server's fault.
        error.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? resolve({ error: 'needs too much memory' })
          : reject(error),
      ),
    );
    worker.once('exit', (code) =>
      settle(() => reject(new Error(`the PDF reader stopped (exit code ${code}) without an answer`))),
    );
  });
}

/** How many checks may wait for their turn behind the one being made, in each process. */
export const pdfChecksWaiting = 4;

/** PDF work one at a time in the process: parsing a large file holds its objects in memory. */
let queue: Promise<unknown> = Promise.resolve();
/** The checks being made or waiting for their turn. */
let queued = 0;

function oneAtATime<T>(work: () => Promise<T>): Promise<T> {
  queued++;
  const turn = queue.then(work, work).finally(() => queued--);
  queue = turn.catch(() => undefined);
  return turn;
}

/** The uploaded bytes checked as a PDF, with their page count and hash; throws a field error. */
export async function preparePdf(upload: Buffer, rules: PdfRules): Promise<PreparedPdf> {
  const refused = refusal(rules);
  // What needs no parsing is said at once, whether or not others are waiting.
  if (!upload.length) throw refused('is empty', rules.codes.missing);
  if (upload.length > rules.maxBytes) throw refused('is too big', rules.codes.tooBig, true);
  if ((await fileTypeFromBuffer(upload))?.mime !== 'application/pdf')
    throw refused('is not a PDF', rules.codes.type);
  if (!upload.subarray(-endWindow).includes('%%EOF')) throw refused('is cut off', rules.codes.unreadable);
  // The one being checked and those waiting: one more would wait too long.
  if (queued > pdfChecksWaiting) throw refused('cannot be checked now', rules.codes.busy);
  return oneAtATime(() => read(upload, rules));
}

const refusal =
  ({ field, values }: PdfRules) =>
  (message: string, code: string, withValues = false) =>
    new AppError('VALIDATION_FAILED', {
      fields: [{ field, message, code, ...(withValues && values ? { values } : {}) }],
    });

async function read(upload: Buffer, rules: PdfRules): Promise<PreparedPdf> {
  const refused = refusal(rules);
  const { codes, timeoutMs = 10_000 } = rules;
  const reading = await readInWorker(upload, timeoutMs);
  if ('error' in reading) throw refused(`cannot be read: ${reading.error}`.slice(0, 200), codes.unreadable);
  if (reading.encrypted) throw refused('is encrypted', codes.encrypted);
  if (reading.pages < 1) throw refused('has no pages', codes.unreadable);
  return {
    data: upload,
    contentType: 'application/pdf',
    size: upload.length,
    sha256: createHash('sha256').update(upload).digest('hex'),
    pageCount: reading.pages,
  };
}

/**
 * A file name as sent by a browser, made safe to keep and show: no folders (old browsers send
 * "C:\…\name.pdf"), no control or direction-changing characters (which can make "fdp.exe" look like
 * a PDF), none of the characters file systems forbid, single spaces, at most `maxLength`
 * characters, ending in ".pdf". An empty name becomes `fallback`.
 */
export function cleanPdfName(name: string | undefined, maxLength = 120, fallback = 'document'): string {
  const base = (name ?? '').normalize('NFC').split(/[/\\]/).pop() ?? '';
  const cleaned = base
    .replace(/[\t\n\v\f\r]/g, ' ')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g, '')
    .replace(/[<>:"|?*]/g, '_')
    .replace(/\s+/g, ' ')
    .trim();
  // No hidden names (".name"): leading dots go.
  const stem =
    cleaned
      .replace(/\.pdf$/i, '')
      .replace(/^[.\s]+/, '')
      .trim() || fallback;
  const room = Math.max(1, maxLength - '.pdf'.length);
  // Cut on whole characters (an emoji is two UTF-16 units).
  return `${[...stem].slice(0, room).join('').trim()}.pdf`;
}

/**
 * A Content-Disposition header that downloads the file under its name: an ASCII name for old
 * clients and the UTF-8 one (RFC 6266, RFC 5987 `filename*`).
 */
export function attachmentDisposition(fileName: string): string {
  const ascii =
    fileName
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^A-Za-z0-9._ -]/g, '_')
      .replace(/^[.\s]+/, '') || 'document.pdf';
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
