// Each document's description, kept as its JSON's UTF-8 bytes outside V8's heap, read back only for the
// results a page shows. The description is half of a document's text (the 100,000 documents of the
// bench: 58 of 116 MB of JSON) and nothing but a result card reads it: as parsed objects in the heap
// it was half of what a snapshot load parsed and every young collection copied, and of what every
// full collection marked since.
import type { I18nText } from '../../../shared/i18n-text.ts';

/**
 * A text from its JSON's bytes; none ({}) for no bytes, or for bytes that are not a text's JSON (a
 * snapshot load checks only that a description line looks like an object, not to parse them all:
 * a damaged one shows nothing rather than failing the page).
 */
export function parseText(bytes: Uint8Array): I18nText {
  if (!bytes.length) return {};
  try {
    const value: unknown = JSON.parse(decoder.decode(bytes));
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as I18nText) : {};
  } catch {
    return {};
  }
}

/** A text's bytes in a chunk: what `stage` gives and `assign` takes. */
export interface TextTicket {
  chunk: Uint8Array;
  start: number;
  end: number;
}

/**
 * Texts go one after another into chunks of 1 MiB (a longer one into a chunk of its own). A chunk is
 * never copied to grow: on this machine a fresh array's first touch cost about as much as the copy
 * (a load that doubled one array made it rewrite 60 MB in 0.3 s).
 */
const chunkBytes = 1 << 20;
/** Removed texts' bytes are let go once they are more than the live ones, and more than this. */
const compactFrom = 4 * chunkBytes;

const encoder = new TextEncoder();
const decoder = new TextDecoder();
const none = new Uint8Array(0);

/**
 * The bytes of every document's text by number. Bytes once written are never written over: a text
 * goes after the last, and letting removed ones go copies the live ones into new chunks. So a view
 * of a text (`bytesOf`) or a staged text (`stage`) keeps its bytes however the store changes since,
 * which lets a snapshot write (../snapshot.ts) read what it captured while documents change, and a
 * snapshot load stage a part's texts as it reads the part, before its documents have numbers.
 */
export class TextStore {
  private current = new Uint8Array(chunkBytes);
  private used = 0;
  /** Per document number, the chunk its text is in, and where it starts and ends there. */
  private readonly chunkOf: (Uint8Array | undefined)[] = [];
  private start = new Int32Array(1024);
  private end = new Int32Array(1024);
  private live = 0;
  private unused = 0;

  /** Sets a document's text from its JSON (as JSON.stringify gives it), replacing the one it had. */
  set(n: number, json: string): void {
    // At most 3 bytes per UTF-16 unit.
    const into = this.room(3 * json.length);
    const { written } = encoder.encodeInto(json, into.subarray(this.used));
    this.assign(n, this.taken(written));
  }

  /**
   * Takes document `n`'s description: its staged bytes (a snapshot load's), or its own, which then
   * leaves the document (set to undefined, not deleted: a property deleted turns the object's
   * properties into a slower dictionary).
   */
  take(n: number, doc: object, staged?: TextTicket): void {
    const holder = doc as { description?: unknown };
    if (staged) this.assign(n, staged);
    else this.set(n, JSON.stringify(holder.description ?? {}));
    holder.description = undefined;
  }

  /** Copies a text's bytes (`from` to `to` of `bytes`) into the store, for a document numbered later. */
  stage(bytes: Uint8Array, from: number, to: number): TextTicket {
    const into = this.room(to - from);
    // A plain view: a Buffer's subarray costs several times as much to make, once per document.
    into.set(new Uint8Array(bytes.buffer, bytes.byteOffset + from, to - from), this.used);
    return this.taken(to - from);
  }

  /** Gives document `n` a staged text, replacing the one it had. */
  assign(n: number, { chunk, start, end }: TextTicket): void {
    this.delete(n);
    if (n >= this.end.length) {
      const size = Math.max(n + 1, 2 * this.end.length);
      for (const key of ['start', 'end'] as const) {
        const grown = new Int32Array(size);
        grown.set(this[key]);
        this[key] = grown;
      }
    }
    this.chunkOf[n] = chunk;
    this.start[n] = start;
    this.end[n] = end;
    this.live += end - start;
    if (this.unused > compactFrom && this.unused > this.live) this.compact();
  }

  /** A document's text's JSON bytes (empty without one): a view that stays as it is (see above). */
  bytesOf(n: number): Uint8Array {
    const chunk = this.chunkOf[n];
    return chunk ? chunk.subarray(this.start[n]!, this.end[n]!) : none;
  }

  /** A document's text parsed (parseText). */
  get(n: number): I18nText {
    return parseText(this.bytesOf(n));
  }

  delete(n: number): void {
    if (!this.chunkOf[n]) return;
    const length = this.end[n]! - this.start[n]!;
    this.live -= length;
    this.unused += length;
    this.chunkOf[n] = undefined;
  }

  /** The bytes of the live texts, and of removed ones not let go yet. */
  get bytes(): { live: number; unused: number } {
    return { live: this.live, unused: this.unused };
  }

  /** The chunk to write `length` bytes to, at `used`: the current one, or a new one. */
  private room(length: number): Uint8Array {
    if (this.used + length > this.current.length) {
      this.current = new Uint8Array(Math.max(chunkBytes, length));
      this.used = 0;
    }
    return this.current;
  }

  private taken(length: number): TextTicket {
    const ticket = { chunk: this.current, start: this.used, end: this.used + length };
    this.used += length;
    return ticket;
  }

  /** Copies the live texts into new chunks: the old ones go once no view or staged text holds them. */
  private compact(): void {
    this.current = new Uint8Array(chunkBytes);
    this.used = 0;
    for (let n = 0; n < this.chunkOf.length; n++) {
      const chunk = this.chunkOf[n];
      if (!chunk) continue;
      const { chunk: into, start, end } = this.stage(chunk, this.start[n]!, this.end[n]!);
      this.chunkOf[n] = into;
      this.start[n] = start;
      this.end[n] = end;
    }
    this.unused = 0;
  }
}
