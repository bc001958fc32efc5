// Working memory of the words index's searches (term-index.ts): the documents a part of a query
// found, in growable typed arrays (reused between searches: typed-pool.ts), and per document number whether a pass saw it, where, and which
// index terms it matched. Kept between searches, so a broad query allocates little.
import { float64s, int32s } from './typed-pool.ts';

/** Documents found by a part of a query, in the order MiniSearch gave them, with growable arrays. */
export interface Found {
  length: number;
  ns: Int32Array;
  score: Float64Array;
  /** The query terms matched, a bit each: the final score is multiplied by their number. */
  mask: Int32Array;
}

/** A Found with room for `capacity`, its arrays from the pools (typed-pool.ts): give it back with `release`. */
export const sized = (capacity: number): Found => ({
  length: 0,
  ns: int32s.take(capacity),
  score: float64s.take(capacity),
  mask: int32s.take(capacity),
});
export const empty = () => sized(0);

/** Gives a Found's arrays back to the pools: it must not be read again. */
export function release(found: Found): void {
  int32s.give(found.ns);
  float64s.give(found.score);
  int32s.give(found.mask);
}

/** A copy of `found` with room for `capacity`. */
export function grown(found: Found, capacity: number): Found {
  const out = sized(capacity);
  out.ns.set(found.ns.subarray(0, found.length));
  out.score.set(found.score.subarray(0, found.length));
  out.mask.set(found.mask.subarray(0, found.length));
  out.length = found.length;
  return out;
}

export function push(found: Found, n: number, score: number, mask: number): void {
  if (found.length === found.ns.length) {
    const bigger = grown(found, found.length * 2);
    release(found);
    found.ns = bigger.ns;
    found.score = bigger.score;
    found.mask = bigger.mask;
  }
  found.ns[found.length] = n;
  found.score[found.length] = score;
  found.mask[found.length] = mask;
  found.length++;
}

export function bitCount(mask: number): number {
  let v = mask - ((mask >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/**
 * Working memory of a search, per document number, kept between searches: whether a document was
 * seen in this pass and where, and the index terms it matched (a linked list in an arena).
 */
export class Scratch {
  pos = new Int32Array(0);
  private seen = new Int32Array(0);
  private pass = 0;
  private head = new Int32Array(0);
  private headRun = new Int32Array(0);
  private run = 0;
  private nodeTerm = new Int32Array(1024);
  private nodeNext = new Int32Array(1024);
  private nodes = 0;

  begin(capacity: number): void {
    if (this.seen.length < capacity) {
      this.pos = new Int32Array(capacity);
      this.seen = new Int32Array(capacity);
      this.head = new Int32Array(capacity);
      this.headRun = new Int32Array(capacity);
      this.pass = 0;
      this.run = 0;
    }
    if (this.run === 0x7fffffff) {
      this.headRun.fill(0);
      this.run = 0;
    }
    this.run++;
    this.nodes = 0;
  }

  nextPass(): number {
    if (this.pass === 0x7fffffff) {
      this.seen.fill(0);
      this.pass = 0;
    }
    return ++this.pass;
  }

  marked(n: number, pass: number): boolean {
    return this.seen[n] === pass;
  }

  markAt(n: number, pass: number, i: number): void {
    this.seen[n] = pass;
    this.pos[n] = i;
  }

  noteTerm(n: number, term: number): void {
    if (this.headRun[n] !== this.run) {
      this.headRun[n] = this.run;
      this.head[n] = -1;
    }
    const first = this.head[n]!;
    if (first !== -1 && this.nodeTerm[first] === term) return;
    if (this.nodes === this.nodeTerm.length) {
      const terms = new Int32Array(this.nodes * 2);
      terms.set(this.nodeTerm);
      this.nodeTerm = terms;
      const next = new Int32Array(this.nodes * 2);
      next.set(this.nodeNext);
      this.nodeNext = next;
    }
    this.nodeTerm[this.nodes] = term;
    this.nodeNext[this.nodes] = first;
    this.head[n] = this.nodes++;
  }

  /**
   * Writes the numbers (in the run's derived terms) of the index terms document n matched into
   * `into` from `at`, the latest first, repeats included (matched-terms.ts); returns where they end,
   * or -1 when `into` is too short.
   */
  termIdsInto(n: number, into: Int32Array, at: number): number {
    if (this.headRun[n] !== this.run) return at;
    let end = at;
    for (let node = this.head[n]!; node !== -1; node = this.nodeNext[node]!) {
      if (end === into.length) return -1;
      into[end++] = this.nodeTerm[node]!;
    }
    return end;
  }
}
