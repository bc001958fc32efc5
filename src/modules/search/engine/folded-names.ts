// The folded words of many names, packed: each name as " word word" in one buffer of code units
// (a byte each while every one fits, as most names' do), each (kind, name) once, and each distinct
// word numbered. What the suggestions are made of
// (suggest-index.ts) without a string, an array of words and a set key per name: made that way,
// they left some 180 MB of garbage at 100,000 documents, which an idle process kept until its next
// full collection.
import { Buffer } from 'node:buffer';
import { fold, words } from './text.ts';

const space = 32;

/** Code units: a byte each until one does not fit. */
export type Units = Uint8Array | Uint16Array;

/** `array`, or a longer copy of it (twice as long at least) when it holds fewer than `need`. */
function grownTo<T extends Units | Int32Array>(array: T, need: number): T {
  if (need <= array.length) return array;
  const out = new (array.constructor as new (length: number) => T)(Math.max(need, 2 * array.length));
  out.set(array);
  return out;
}

/** FNV-1a over code units, the kind mixed in first. */
function hashOf(chars: Units, from: number, to: number, kind: number): number {
  let hash = Math.imul(2_166_136_261 ^ kind, 16_777_619);
  for (let i = from; i < to; i++) hash = Math.imul(hash ^ chars[i]!, 16_777_619);
  return hash >>> 0;
}

/** Code units as a string: one byte per character when all fit (as a join of such strings gives). */
function decoded(chars: Units, length: number): string {
  return chars instanceof Uint8Array
    ? Buffer.from(chars.buffer, chars.byteOffset, length).toString('latin1')
    : Buffer.from(chars.buffer, chars.byteOffset, 2 * length).toString('utf16le');
}

/** Whether `chars[from..to)` holds `part` (code units). */
export function unitsInclude(chars: Units, from: number, to: number, part: string): boolean {
  const last = to - part.length;
  const first = part.charCodeAt(0);
  for (let at = from; at <= last; at++) {
    if (chars[at] !== first) continue;
    let i = 1;
    while (i < part.length && chars[at + i] === part.charCodeAt(i)) i++;
    if (i === part.length) return true;
  }
  return false;
}

export class FoldedNames {
  private chars: Units;
  private end = 0;
  /** Name n is chars[starts[n]..starts[n + 1]). */
  private readonly starts: Int32Array;
  readonly kinds: Uint8Array;
  /** Names added. */
  count = 0;
  /** Over (kind, text): a name's number + 1, or 0 where free. */
  private readonly slots: Int32Array;
  /** Words in the names added, repeats included. */
  private wordsAdded = 0;

  // Filled by numberWords.
  /** Distinct words: word w is the `wordLength[w]` code units from chars[wordAt[w]]. */
  wordCount = 0;
  private wordAt = new Int32Array(1024);
  private wordLength = new Int32Array(1024);
  /** The last name that had word w: a name's repeated word counts once. */
  private lastName = new Int32Array(1024);
  private wordSlots = new Int32Array(2048);
  /** Name n's distinct words' numbers are pairWords[pairStart[n]..pairStart[n + 1]), first seen first. */
  pairWords = new Int32Array(0);
  readonly pairStart: Int32Array;

  /** `names`: how many may be added at most; `chars`: about how many code units they take. */
  constructor(names: number, chars: number) {
    this.chars = new Uint8Array(Math.max(16, chars));
    this.starts = new Int32Array(names + 1);
    this.kinds = new Uint8Array(names);
    this.slots = new Int32Array(2 ** Math.ceil(Math.log2(2 * names + 2)));
    this.pairStart = new Int32Array(names + 1);
  }

  /** Adds `text`'s folded words as a name of `kind`: its number, or -1 when it has none or the kind has them already. */
  add(text: string, kind: number): number {
    const from = this.end;
    let added = 0;
    for (const word of words(text)) {
      const folded = fold(word);
      this.chars = grownTo(this.chars, this.end + 1 + folded.length);
      this.chars[this.end++] = space;
      for (let i = 0; i < folded.length; i++) {
        const c = folded.charCodeAt(i);
        // The first that does not fit in a byte: two bytes each from now on.
        if (c > 255 && this.chars instanceof Uint8Array) this.chars = Uint16Array.from(this.chars);
        this.chars[this.end++] = c;
      }
      added++;
    }
    if (!added) return -1;
    const mask = this.slots.length - 1;
    let slot = hashOf(this.chars, from, this.end, kind) & mask;
    for (let held = this.slots[slot]! - 1; held >= 0; held = this.slots[slot]! - 1) {
      if (this.kinds[held] === kind && this.sameText(held, from)) {
        this.end = from;
        return -1;
      }
      slot = (slot + 1) & mask;
    }
    this.slots[slot] = this.count + 1;
    this.kinds[this.count] = kind;
    this.starts[++this.count] = this.end;
    this.wordsAdded += added;
    return this.count - 1;
  }

  /** Whether name n's text is the one being added from `from` to the end. */
  private sameText(n: number, from: number): boolean {
    const start = this.starts[n]!;
    if (this.starts[n + 1]! - start !== this.end - from) return false;
    for (let i = 0; i < this.end - from; i++)
      if (this.chars[start + i] !== this.chars[from + i]) return false;
    return true;
  }

  /** Numbers the words of names `from` to `to` (each once, in order, after every name is added). */
  numberWords(from: number, to: number): void {
    if (this.pairWords.length < this.wordsAdded) this.pairWords = new Int32Array(this.wordsAdded);
    const { chars } = this;
    let pair = this.pairStart[from]!;
    for (let n = from; n < to; n++) {
      const end = this.starts[n + 1]!;
      for (let at = this.starts[n]! + 1; at < end;) {
        let after = at;
        while (after < end && chars[after] !== space) after++;
        const word = this.wordNumber(at, after - at);
        if (this.lastName[word] !== n + 1) {
          this.lastName[word] = n + 1;
          this.pairWords[pair++] = word;
        }
        at = after + 1;
      }
      this.pairStart[n + 1] = pair;
    }
  }

  private wordNumber(at: number, length: number): number {
    if (2 * this.wordCount >= this.wordSlots.length) this.rehashWords();
    const mask = this.wordSlots.length - 1;
    let slot = hashOf(this.chars, at, at + length, 0) & mask;
    for (let held = this.wordSlots[slot]! - 1; held >= 0; held = this.wordSlots[slot]! - 1) {
      if (this.wordLength[held] === length && this.sameWord(held, at, length)) return held;
      slot = (slot + 1) & mask;
    }
    const word = this.wordCount++;
    this.wordSlots[slot] = word + 1;
    this.wordAt = grownTo(this.wordAt, this.wordCount);
    this.wordLength = grownTo(this.wordLength, this.wordCount);
    this.lastName = grownTo(this.lastName, this.wordCount);
    this.wordAt[word] = at;
    this.wordLength[word] = length;
    return word;
  }

  private sameWord(w: number, at: number, length: number): boolean {
    const start = this.wordAt[w]!;
    for (let i = 0; i < length; i++) if (this.chars[start + i] !== this.chars[at + i]) return false;
    return true;
  }

  private rehashWords(): void {
    this.wordSlots = new Int32Array(2 * this.wordSlots.length);
    const mask = this.wordSlots.length - 1;
    for (let w = 0; w < this.wordCount; w++) {
      const at = this.wordAt[w]!;
      let slot = hashOf(this.chars, at, at + this.wordLength[w]!, 0) & mask;
      while (this.wordSlots[slot]) slot = (slot + 1) & mask;
      this.wordSlots[slot] = w + 1;
    }
  }

  /** Words a and b compared as strings are (by code units). */
  compareWords(a: number, b: number): number {
    const { chars } = this;
    const at = this.wordAt[a]!;
    const bt = this.wordAt[b]!;
    const la = this.wordLength[a]!;
    const lb = this.wordLength[b]!;
    for (let i = 0, n = Math.min(la, lb); i < n; i++) {
      const d = chars[at + i]! - chars[bt + i]!;
      if (d) return d;
    }
    return la - lb;
  }

  /**
   * Every name as " word word", one after the other, and where each starts (one more: the end).
   * Copies of their length: the buffers were sized for every name, repeats included, and grown
   * twice over; a view would keep all of that for as long as the suggestions live.
   */
  namesText(): [Units, Int32Array] {
    return [this.chars.slice(0, this.end), this.starts.slice(0, this.count + 1)];
  }

  /** The words in `order`, one after the other, and where each starts (one more: the end). */
  wordsText(order: Int32Array): [string, Int32Array] {
    const start = new Int32Array(order.length + 1);
    for (let k = 0; k < order.length; k++) start[k + 1] = start[k]! + this.wordLength[order[k]!]!;
    const out = new (this.chars.constructor as new (length: number) => Units)(start[order.length]!);
    for (let k = 0; k < order.length; k++) {
      const at = this.wordAt[order[k]!]!;
      out.set(this.chars.subarray(at, at + this.wordLength[order[k]!]!), start[k]);
    }
    return [decoded(out, out.length), start];
  }
}
