// The words index's part of a search snapshot (../snapshot.ts): the words of some documents as the
// index holds them (TermIndex.exportDocs / importDocs), so a new process takes them back without
// analysing any text again. Documents are numbered 0… within the part; a posting is that number
// times 256 plus the term's frequency, as in the index.
import { endianness } from 'node:os';
import { TermIndex, tfSlots } from './term-index.ts';
import { packedFrom } from './posting-lists.ts';
import { nextTurn } from '../../../shared/turns.ts';

export interface WordsPart {
  /** The part's terms; a key's term is its position here. */
  terms: string[];
  /** Each list's term and field (term * fields + field), ascending. */
  keys: Int32Array;
  /** Each list's number of postings. */
  counts: Int32Array;
  /** Every list's postings, one list after the other. */
  postings: Int32Array;
  /** Per document and field: its number of distinct terms. */
  lengths: Uint16Array;
}

/** A growable Int32Array. */
export class Int32Buffer {
  private data = new Int32Array(1024);
  length = 0;
  push(value: number): void {
    if (this.length === this.data.length) {
      const bigger = new Int32Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = value;
  }
  /** Adds one to the last value. */
  bump(): void {
    this.data[this.length - 1]!++;
  }
  get last(): number {
    return this.length ? this.data[this.length - 1]! : -1;
  }
  toArray(): Int32Array {
    return this.data.slice(0, this.length);
  }
}

/** Throws unless the part is whole and consistent for `docs` documents of `width` fields. */
export function checkWords(part: WordsPart, docs: number, width: number): void {
  for (const _ of wordChecks(part, docs, width));
}

/** The same in slices of at most `sliceMs` with the event loop given back in between. */
export async function checkWordsGradually(
  part: WordsPart,
  docs: number,
  width: number,
  sliceMs = 8,
): Promise<void> {
  let started = performance.now();
  for (const _ of wordChecks(part, docs, width)) {
    if (performance.now() - started < sliceMs) continue;
    await nextTurn();
    started = performance.now();
  }
}

/** The checks of checkWords, pausing (yield) every few thousand steps. */
function* wordChecks(part: WordsPart, docs: number, width: number): Generator<void> {
  const fail = (what: string) => {
    throw new Error(`search snapshot: words ${what}`);
  };
  if (part.lengths.length !== docs * width) fail('lengths');
  if (part.keys.length !== part.counts.length) fail('lists');
  const seen = new Set<string>();
  for (let t = 0; t < part.terms.length; t++) {
    const term = part.terms[t];
    if (typeof term !== 'string' || !term) fail('term');
    if (seen.has(term!)) fail('terms repeated');
    seen.add(term!);
    if ((t & 4095) === 4095) yield;
  }
  let total = 0;
  let previous = -1;
  for (let k = 0; k < part.keys.length; k++) {
    const key = part.keys[k]!;
    if (key <= previous || key >= part.terms.length * width) fail('key');
    previous = key;
    if (part.counts[k]! < 1) fail('count');
    total += part.counts[k]!;
    if ((k & 16383) === 16383) yield;
  }
  if (total !== part.postings.length) fail('postings');
  const postings = part.postings;
  for (let i = 0; i < postings.length; i++) {
    const p = postings[i]!;
    if (p < 0 || p % 256 === 0 || ((p / 256) | 0) >= docs) fail('posting');
    if ((i & 65535) === 65535) yield;
  }
}

/** The part's arrays as bytes (little-endian, as every platform we run on); its terms go apart. */
export function wordsBytes(part: WordsPart): Buffer {
  const arrays = [part.keys, part.counts, part.postings, part.lengths];
  const head = Buffer.alloc(16);
  arrays.forEach((array, i) => head.writeUInt32LE(array.length, i * 4));
  return Buffer.concat([head, ...arrays.map((a) => Buffer.from(a.buffer, a.byteOffset, a.byteLength))]);
}

/**
 * wordsBytes' arrays made back from its bytes (as one Buffer or in the parts it was stored in) as they
 * come, part after part, with the terms; throws on a size that does not add up. Each part is copied
 * straight into the arrays and can be let go. Joined first, the parts cost a 24 MB Buffer more at
 * 50,000 services, fresh pages and all (0.2-0.4 s of a load); kept until the last one came, a copy of
 * each (zlib gives a part inside a larger buffer), 120 ms.
 */
export class WordsFromParts {
  private readonly head = new Uint8Array(16);
  private arrays: [Int32Array, Int32Array, Int32Array, Uint16Array] | undefined;
  /** Where the next byte goes: the head (-1) or an array, and how many bytes of it are filled. */
  private into = -1;
  private filled = 0;

  /** Takes the next bytes; throws when there are more than the head says. */
  push(bytes: Uint8Array): void {
    for (let at = 0; at < bytes.length;) {
      const target = this.target();
      if (!target) throw new Error('search snapshot: words too long');
      const n = Math.min(target.length - this.filled, bytes.length - at);
      target.set(bytes.subarray(at, at + n), this.filled);
      this.filled += n;
      at += n;
      if (this.filled === target.length) this.next();
    }
  }

  /** The arrays, with the terms; throws when bytes are missing. */
  finish(terms: string[]): WordsPart {
    if (!this.arrays) throw new Error('search snapshot: words too short');
    // Skips empty arrays at the end.
    while (this.target()?.length === 0) this.next();
    if (this.target()) throw new Error('search snapshot: words cut short');
    const [keys, counts, postings, lengths] = this.arrays;
    return { terms, keys, counts, postings, lengths };
  }

  /** The bytes still to fill: the head's, an array's, or none once all are full. */
  private target(): Uint8Array | undefined {
    if (this.into < 0) return this.head;
    const array = this.arrays![this.into];
    return array && new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
  }

  private next(): void {
    if (this.into < 0) {
      if (endianness() !== 'LE') throw new Error('search snapshot: big-endian platform');
      const sizes = new Uint32Array(this.head.buffer, 0, 4);
      this.arrays = [
        new Int32Array(sizes[0]!),
        new Int32Array(sizes[1]!),
        new Int32Array(sizes[2]!),
        new Uint16Array(sizes[3]!),
      ];
    }
    this.into++;
    this.filled = 0;
  }
}

/** The words index, able to give the words of its documents to a snapshot and take them back. */
export class SnapshotTermIndex extends TermIndex {
  /**
   * The words of the live documents, by group (a search source): `groupOf[n]` is document n's group
   * (-1: none), `localOf[n]` its number within it. Gives the event loop back every few milliseconds;
   * the caller keeps documents from being added or replaced meanwhile (a vacuum may run: it only
   * drops postings of discarded documents).
   */
  async exportDocs(groupOf: Int32Array, localOf: Int32Array, sizes: number[]): Promise<WordsPart[]> {
    const width = this.fields.length;
    const out = sizes.map((size) => ({
      terms: [] as string[],
      lastTerm: -1,
      keys: new Int32Buffer(),
      counts: new Int32Buffer(),
      postings: new Int32Buffer(),
      lengths: new Uint16Array(size * width),
    }));
    for (let n = 0; n < groupOf.length; n++) {
      const g = groupOf[n]!;
      if (g >= 0 && this.live[n])
        out[g]!.lengths.set(this.lengths.subarray(n * width, (n + 1) * width), localOf[n]! * width);
    }
    let started = performance.now();
    for (let id = 0; id < this.termNames.length; id++) {
      const name = this.termNames[id];
      if (name === undefined) continue;
      for (let f = 0; f < width; f++) {
        for (const p of this.postings[id * width + f] ?? []) {
          const n = (p / tfSlots) | 0;
          const g = n < groupOf.length && this.live[n] ? groupOf[n]! : -1;
          if (g < 0) continue;
          const o = out[g]!;
          if (o.lastTerm !== id) {
            o.lastTerm = id;
            o.terms.push(name);
          }
          const key = (o.terms.length - 1) * width + f;
          if (o.keys.last !== key) {
            o.keys.push(key);
            o.counts.push(0);
          }
          o.counts.bump();
          o.postings.push(localOf[n]! * tfSlots + (p % tfSlots));
        }
      }
      if (performance.now() - started > 4) {
        await nextTurn();
        started = performance.now();
      }
    }
    return out.map((o) => ({
      terms: o.terms,
      keys: o.keys.toArray(),
      counts: o.counts.toArray(),
      postings: o.postings.toArray(),
      lengths: o.lengths,
    }));
  }

  /**
   * Adds documents with their words as exportDocs gave them, document i of the part as number
   * `ns[i]` (none of them in the index yet). Checks the part whole before changing anything.
   */
  async importDocs(ns: Int32Array, part: WordsPart, sliceMs = 8): Promise<void> {
    const width = this.fields.length;
    await checkWordsGradually(part, ns.length, width, sliceMs);
    for (const n of ns)
      if (n < this.live.length && this.live[n]) throw new Error(`document ${n} is in the index already`);
    // A loop, not Math.max(...ns): spreading 130,000 numbers overflows the call stack.
    let highest = 0;
    for (const n of ns) if (n > highest) highest = n;
    this.grow(highest + 1);
    ns.forEach((n, i) => {
      this.live[n] = 1;
      this.documentCount++;
      for (let f = 0; f < width; f++) {
        const length = part.lengths[i * width + f]!;
        this.lengths[n * width + f] = length;
        this.totalLength[f]! += length;
      }
    });
    // Every step below gives the event loop back after `sliceMs`: a few hundred thousand terms and
    // millions of postings take far longer than a request may wait.
    let started = performance.now();
    const pause = async () => {
      if (performance.now() - started < sliceMs) return;
      await nextTurn();
      started = performance.now();
    };
    const ids = new Int32Array(part.terms.length);
    for (let t = 0; t < part.terms.length; t++) {
      ids[t] = this.termId(part.terms[t]!);
      if ((t & 255) === 255) await pause();
    }
    let at = 0;
    for (let k = 0; k < part.keys.length; k++) {
      const t = (part.keys[k]! / width) | 0;
      const i = ids[t]! * width + part.keys[k]! - t * width;
      const count = part.counts[k]!;
      // A long list, or one packed already, as a typed array at once (posting-lists.ts).
      if (count >= packedFrom || this.growing.isPacked(i)) {
        const packed = this.growing.lengthenPacked(i, count);
        for (let j = packed.length - count; j < packed.length; j++, at++) {
          const p = part.postings[at]!;
          packed[j] = ns[(p / tfSlots) | 0]! * tfSlots + (p % tfSlots);
        }
      } else {
        const list = this.growing.toGrow(i);
        for (let end = at + count; at < end; at++) {
          const p = part.postings[at]!;
          list.push(ns[(p / tfSlots) | 0]! * tfSlots + (p % tfSlots));
        }
      }
      if ((k & 255) === 0) await pause();
    }
  }
}
