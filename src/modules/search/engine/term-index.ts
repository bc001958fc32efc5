// The words part of the search index: for each term and field, the documents holding it. It scores
// as MiniSearch did before it (BM25 with field boosts, prefix and typo matches weighted down, the
// same query trees), but keeps each posting as one small integer in a plain array instead of a Map
// entry: at 50,000 services MiniSearch took about 275 MB and 19 s to build, mostly in those Maps.
// The terms themselves sit in MiniSearch's radix tree (SearchableMap), which finds prefixes and
// words within some edits of a typo.
import SearchableMap from 'minisearch/SearchableMap';
import { scoreOrder } from './score-order.ts';
import { bitCount, empty, type Found, grown, push, Scratch, sized } from './term-scratch.ts';
import {
  type Options,
  type Run,
  type TermMatches,
  type TermQuery,
  type TermSearchOptions,
  type TermMatch,
} from './term-types.ts';

export type { TermMatch, TermMatches, TermQuery, TermSearchOptions } from './term-types.ts';

const bm25 = { k: 1.2, b: 0.7, d: 0.5 };
const weights = { fuzzy: 0.45, prefix: 0.375 };
/** A posting is the document's number times 256 plus the term's frequency (at most 255). */
export const tfSlots = 256;

function inverseFrequency(matching: number, total: number): number {
  return Math.log(1 + (total - matching + 0.5) / (matching + 0.5));
}

/** BM25 of one posting; the inverse frequency computed once per term and field. */
function score(tf: number, idf: number, length: number, average: number): number {
  return idf * (bm25.d + (tf * (bm25.k + 1)) / (tf + bm25.k * (1 - bm25.b + (bm25.b * length) / average)));
}

export class TermIndex {
  /** Term → term id. */
  private readonly ids = new Map<string, number>();
  /** The same terms in a radix tree, for prefixes and typos. */
  private readonly terms = new SearchableMap<number>();
  /** Per term id, the last document and field (n * fields + field + 1) that held it: repeats add up. */
  private seen = new Int32Array(1024);
  protected readonly termNames: (string | undefined)[] = [];
  private readonly freeTerms: number[] = [];
  /** Per term id and field (termId * fields + field): postings in the order documents came. */
  protected readonly postings: (number[] | undefined)[] = [];
  /** Per document and field: its number of distinct terms. */
  protected lengths: Uint16Array;
  protected readonly totalLength: number[];
  protected live = new Uint8Array(1024);
  protected documentCount = 0;
  /** Documents discarded whose postings are still in the lists. */
  private dead: number[] = [];
  private vacuuming = false;
  private readonly scratch = new Scratch();
  private readonly fieldIds: Map<string, number>;

  constructor(
    protected readonly fields: readonly string[],
    private readonly boosts: Readonly<Record<string, number>>,
    /** Told the numbers of discarded documents once no posting names them: they may be used again. */
    private readonly onReleased: (ns: number[]) => void = () => {},
  ) {
    this.fieldIds = new Map(fields.map((f, i) => [f, i]));
    this.totalLength = fields.map(() => 0);
    this.lengths = new Uint16Array(this.live.length * fields.length);
  }

  get size(): number {
    return this.documentCount;
  }

  /** Whether some document holds this term. */
  has(term: string): boolean {
    return this.ids.has(term);
  }

  /** Adds to `into` (one set per field) the live documents holding a term; the postings it read. */
  holders(term: string, into: Set<number>[]): number {
    const id = this.ids.get(term);
    if (id === undefined) return 0;
    const width = this.fields.length;
    let visited = 0;
    for (let f = 0; f < width; f++) {
      const list = this.postings[id * width + f] ?? [];
      visited += list.length;
      for (const p of list) {
        const n = (p / tfSlots) | 0;
        if (this.live[n]) into[f]!.add(n);
      }
    }
    return visited;
  }

  /** The terms starting with `prefix`. */
  termsStartingWith(prefix: string): string[] {
    return [...this.terms.atPrefix(prefix).keys()];
  }

  /** Adds document `n` with the terms of each field (in `fields` order, analysed already). */
  add(n: number, fieldTerms: readonly (readonly string[])[]): void {
    const width = this.fields.length;
    if (this.live[n]) throw new Error(`document ${n} is in the index already`);
    this.grow(n + 1);
    this.live[n] = 1;
    this.documentCount++;
    for (let f = 0; f < width; f++) {
      const stamp = n * width + f + 1;
      // As MiniSearch counted it: the distinct tokens, an empty one included.
      let length = 0;
      let empty = false;
      for (const token of fieldTerms[f] ?? []) {
        if (!token) {
          if (!empty) length++;
          empty = true;
          continue;
        }
        const id = this.termId(token);
        const list = (this.postings[id * width + f] ??= []);
        const last = list.length ? list[list.length - 1]! : -1;
        // The same term again in this field: its posting, the last one of the list, counts one more.
        // (The stamp alone is not enough: a number used again may meet the stamp its former document left.)
        if (this.seen[id] === stamp && last >= 0 && ((last / tfSlots) | 0) === n) {
          if (last % tfSlots < tfSlots - 1) list[list.length - 1]!++;
          continue;
        }
        this.seen[id] = stamp;
        length++;
        list.push(n * tfSlots + 1);
      }
      this.lengths[n * width + f] = Math.min(length, 0xffff);
      this.totalLength[f]! += length;
    }
  }

  /**
   * Takes document `n` out of every result at once; its postings go at the next vacuum. False when it
   * was never taken in (no posting names it: its number is free at once).
   */
  discard(n: number): boolean {
    if (!this.live[n]) return false;
    const width = this.fields.length;
    this.live[n] = 0;
    this.documentCount--;
    for (let f = 0; f < width; f++) this.totalLength[f]! -= this.lengths[n * width + f]!;
    this.dead.push(n);
    if (this.dead.length >= 200 && this.dead.length >= 0.1 * this.documentCount) void this.vacuum();
    return true;
  }

  /**
   * Removes the discarded documents' postings, a slice of terms at a time so that searches go on
   * meanwhile, then hands their numbers back.
   */
  async vacuum(): Promise<void> {
    if (this.vacuuming || !this.dead.length) return;
    this.vacuuming = true;
    const gone = new Uint8Array(this.live.length);
    const released = this.dead;
    this.dead = [];
    for (const n of released) gone[n] = 1;
    const width = this.fields.length;
    try {
      let started = performance.now();
      for (let id = 0; id < this.termNames.length; id++) {
        const name = this.termNames[id];
        if (name === undefined) continue;
        let left = 0;
        for (let f = 0; f < width; f++) {
          const list = this.postings[id * width + f];
          if (!list) continue;
          let kept = 0;
          for (const p of list) {
            const n = (p / tfSlots) | 0;
            // A number re-used while this runs cannot be among these: they are released at the end.
            if (!(n < gone.length && gone[n])) list[kept++] = p;
          }
          list.length = kept;
          if (kept) left += kept;
          else this.postings[id * width + f] = undefined;
        }
        if (!left) this.forgetTerm(id, name);
        if (performance.now() - started > 4) {
          await new Promise((resolve) => setImmediate(resolve));
          started = performance.now();
        }
      }
    } finally {
      this.vacuuming = false;
    }
    this.onReleased(released);
    if (this.dead.length >= 200 && this.dead.length >= 0.1 * this.documentCount) void this.vacuum();
  }

  /** Documents matching the query, best first, with the index terms each matched. */
  search(query: TermQuery, options: TermSearchOptions = {}): TermMatch[] {
    const found = this.match(query, { ...options, termsOf: Infinity });
    return Array.from(found.n, (n, i) => ({ n, score: found.score[i]!, terms: found.terms[i]! }));
  }

  /**
   * Documents matching the query, best first, in typed arrays; the matched index terms of the first
   * `termsOf` only (for highlighting), as a broad query matches tens of thousands.
   */
  match(query: TermQuery, options: TermSearchOptions & { termsOf?: number } = {}): TermMatches {
    const run: Run = {
      fields: (options.fields ?? this.fields).map((f) => this.fieldIds.get(f)!),
      boostDocument: options.boostDocument,
      queryTerms: new Map(),
      derived: [],
    };
    this.scratch.begin(this.live.length);
    const found = this.execute(query, { combineWith: 'OR', fuzzy: false, prefix: false }, run);
    // Each matched query term multiplies the score: documents with more of the words come first.
    const final = new Float64Array(found.length);
    for (let i = 0; i < found.length; i++) final[i] = found.score[i]! * (bitCount(found.mask[i]!) || 1);
    const order = scoreOrder(final);
    const ns = new Int32Array(order.length);
    const scores = new Float64Array(order.length);
    for (let k = 0; k < order.length; k++) {
      ns[k] = found.ns[order[k]!]!;
      scores[k] = final[order[k]!]!;
    }
    const limit = Math.min(order.length, options.termsOf ?? 0);
    return {
      n: ns,
      score: scores,
      terms: Array.from({ length: limit }, (_, k) => this.scratch.termsOf(ns[k]!, run.derived)),
    };
  }

  private execute(query: string | TermQuery, inherited: Options, run: Run): Found {
    if (typeof query === 'string') {
      const terms = query.split(' ').filter(Boolean);
      return this.combine(
        terms.map((term) => this.executeTerm(term, inherited, run)),
        inherited.combineWith,
      );
    }
    const own: Options = {
      combineWith: query.combineWith ?? inherited.combineWith,
      fuzzy: query.fuzzy ?? inherited.fuzzy,
      prefix: query.prefix ?? inherited.prefix,
    };
    return this.combine(
      query.queries.map((q) => this.execute(q, own, run)),
      own.combineWith,
    );
  }

  /** As MiniSearch combined: OR keeps the first's order and adds the second's new ones; AND keeps the second's order. */
  private combine(results: Found[], combineWith: 'AND' | 'OR'): Found {
    if (!results.length) return empty();
    return results.reduce((a, b) => {
      const { pos } = this.scratch;
      const pass = this.scratch.nextPass();
      for (let i = 0; i < a.length; i++) this.scratch.markAt(a.ns[i]!, pass, i);
      if (combineWith === 'OR') {
        const out = grown(a, a.length + b.length);
        for (let j = 0; j < b.length; j++) {
          const n = b.ns[j]!;
          if (this.scratch.marked(n, pass)) {
            out.score[pos[n]!]! += b.score[j]!;
            out.mask[pos[n]!]! |= b.mask[j]!;
          } else {
            this.scratch.markAt(n, pass, out.length);
            push(out, n, b.score[j]!, b.mask[j]!);
          }
        }
        return out;
      }
      const out = sized(Math.min(a.length, b.length));
      for (let j = 0; j < b.length; j++) {
        const n = b.ns[j]!;
        if (!this.scratch.marked(n, pass)) continue;
        const i = pos[n]!;
        push(out, n, a.score[i]! + b.score[j]!, a.mask[i]! | b.mask[j]!);
      }
      return out;
    });
  }

  private executeTerm(term: string, options: Options, run: Run): Found {
    const bit = run.queryTerms.get(term) ?? 2 ** Math.min(run.queryTerms.size, 30);
    run.queryTerms.set(term, bit);
    const out = sized(0);
    const pass = this.scratch.nextPass();
    const exact = this.ids.get(term);
    if (exact !== undefined) this.termResults(term, exact, 1, bit, run, out, pass);
    const prefixed = options.prefix ? this.terms.atPrefix(term) : undefined;
    let fuzzy: Map<string, [number, number]> | undefined;
    const allowed = typeof options.fuzzy === 'function' ? options.fuzzy(term) : options.fuzzy;
    if (allowed) {
      const rate = allowed === true ? 0.2 : allowed;
      const distance = rate < 1 ? Math.min(6, Math.round(term.length * rate)) : rate;
      if (distance) fuzzy = this.terms.fuzzyGet(term, distance) as Map<string, [number, number]>;
    }
    if (prefixed) {
      for (const [longer, id] of prefixed) {
        const distance = longer.length - term.length;
        if (!distance) continue;
        // A word that is also a prefix match counts as one.
        fuzzy?.delete(longer);
        const weight = (weights.prefix * longer.length) / (longer.length + 0.3 * distance);
        this.termResults(longer, id, weight, bit, run, out, pass);
      }
    }
    if (fuzzy) {
      for (const [near, [id, distance]] of fuzzy) {
        if (!distance) continue;
        const weight = (weights.fuzzy * near.length) / (near.length + distance);
        this.termResults(near, id, weight, bit, run, out, pass);
      }
    }
    return out;
  }

  /** Adds one index term's postings (in the run's fields) to a term's results. */
  private termResults(
    term: string,
    id: number,
    weight: number,
    bit: number,
    run: Run,
    out: Found,
    pass: number,
  ): void {
    const width = this.fields.length;
    const { live, scratch } = this;
    const derived = run.derived.push(term) - 1;
    for (const f of run.fields) {
      const list = this.postings[id * width + f];
      if (!list) continue;
      let matching = 0;
      for (const p of list) if (live[(p / tfSlots) | 0]) matching++;
      if (!matching) continue;
      const boost = weight * (this.boosts[this.fields[f]!] ?? 1);
      const average = this.totalLength[f]! / this.documentCount;
      const idf = inverseFrequency(matching, this.documentCount);
      const { lengths } = this;
      const boostDocument = run.boostDocument;
      for (let k = 0; k < list.length; k++) {
        const p = list[k]!;
        const n = (p / tfSlots) | 0;
        if (!live[n]) continue;
        const docBoost = boostDocument ? boostDocument(n) : 1;
        if (!docBoost) continue;
        const weighted = boost * docBoost * score(p % tfSlots, idf, lengths[n * width + f]!, average);
        if (scratch.marked(n, pass)) {
          const i = scratch.pos[n]!;
          out.score[i]! += weighted;
        } else {
          scratch.markAt(n, pass, out.length);
          push(out, n, weighted, bit);
        }
        scratch.noteTerm(n, derived);
      }
    }
  }

  protected termId(term: string): number {
    let id = this.ids.get(term);
    if (id === undefined) {
      id = this.freeTerms.pop() ?? this.termNames.length;
      this.termNames[id] = term;
      this.ids.set(term, id);
      this.terms.set(term, id);
      if (id >= this.seen.length) {
        const seen = new Int32Array(this.seen.length * 2);
        seen.set(this.seen);
        this.seen = seen;
      }
      this.seen[id] = 0;
    }
    return id;
  }

  private forgetTerm(id: number, name: string): void {
    this.ids.delete(name);
    this.terms.delete(name);
    this.termNames[id] = undefined;
    this.freeTerms.push(id);
  }

  protected grow(size: number): void {
    if (size <= this.live.length) return;
    const capacity = Math.max(size, this.live.length * 2);
    const live = new Uint8Array(capacity);
    live.set(this.live);
    this.live = live;
    const lengths = new Uint16Array(capacity * this.fields.length);
    lengths.set(this.lengths);
    this.lengths = lengths;
  }
}
