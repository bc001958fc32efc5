// The words part of the search index: for each term and field, the documents holding it. It scores
// as MiniSearch did before it (BM25 with field boosts, prefix and typo matches weighted down, the
// same query trees), but keeps each posting as one small integer in a plain array instead of a Map
// entry: at 50,000 services MiniSearch took about 275 MB and 19 s to build, mostly in those Maps.
// The terms themselves sit in MiniSearch's radix tree (SearchableMap), which finds prefixes and
// words within some edits of a typo.
import SearchableMap from 'minisearch/SearchableMap';
import { nextTurn } from '../../../shared/turns.ts';
import { type PostingList, PostingLists } from './posting-lists.ts';
import { Scratch } from './term-scratch.ts';
import { drain, type Expansion, matchSteps, type Steps, type TermLists, tfSlots } from './term-match.ts';
import { type TermMatches, type TermQuery, type TermSearchOptions, type TermMatch } from './term-types.ts';

export type { TermMatch, TermMatches, TermQuery, TermSearchOptions } from './term-types.ts';
export { tfSlots } from './term-match.ts';

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
  protected readonly postings: (PostingList | undefined)[] = [];
  /** The lists to push to: each is copied to its length after a while (posting-lists.ts). */
  protected readonly growing = new PostingLists(this.postings);
  /** Per document and field: its number of distinct terms. */
  protected lengths: Uint16Array;
  protected readonly totalLength: number[];
  protected live = new Uint8Array(1024);
  protected documentCount = 0;
  /** Documents discarded whose postings are still in the lists. */
  private dead: number[] = [];
  private vacuuming = false;
  /** Working memory of searches, one per search under way (most often one). */
  private readonly scratches: Scratch[] = [];
  private changeCount = 0;
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

  /** Packs the long posting lists now (posting-lists.ts), as after a load: else once changes stop. */
  packLongLists(): Promise<void> {
    return this.growing.pack();
  }

  /** Adds document `n` with the terms of each field (in `fields` order, analysed already). */
  add(n: number, fieldTerms: readonly (readonly string[])[]): void {
    const width = this.fields.length;
    if (this.live[n]) throw new Error(`document ${n} is in the index already`);
    this.grow(n + 1);
    this.live[n] = 1;
    this.documentCount++;
    this.changeCount++;
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
        const list = this.growing.toGrow(id * width + f);
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
    this.changeCount++;
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
          if (kept) left += kept;
          if (!kept) this.postings[id * width + f] = undefined;
          else if (Array.isArray(list)) list.length = kept;
          else if (kept < list.length) this.postings[id * width + f] = list.slice(0, kept);
        }
        if (!left) this.forgetTerm(id, name);
        if (performance.now() - started > 4) {
          await nextTurn();
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
    return Array.from(found.n, (n, i) => ({ n, score: found.score[i]!, terms: found.terms.at(i) }));
  }

  /**
   * Documents matching the query, best first, in typed arrays; the matched index terms of the first
   * `termsOf` only (for highlighting), as a broad query matches tens of thousands.
   */
  match(query: TermQuery, options: TermSearchOptions & { termsOf?: number } = {}): TermMatches {
    return drain(this.matchSteps(query, options));
  }

  /**
   * The same as steps that yield between the index terms read (term-match.ts): run them to their
   * end while `changes` stays as it was when they started. Each run has its own working memory.
   */
  *matchSteps(
    query: TermQuery,
    options: TermSearchOptions & {
      termsOf?: number;
      expansions?: Map<string, Expansion[]>;
      /** False when only the numbers are read (TermMatches.score empty). */
      scored?: boolean;
    } = {},
  ): Steps<TermMatches> {
    const lists: TermLists = {
      fields: this.fields,
      boosts: this.boosts,
      ids: this.ids,
      terms: this.terms,
      postings: this.postings,
      live: this.live,
      lengths: this.lengths,
      totalLength: this.totalLength,
      documentCount: this.documentCount,
      allLive: !this.dead.length && !this.vacuuming,
    };
    const scratch = this.scratches.pop() ?? new Scratch();
    try {
      const run = {
        fields: (options.fields ?? this.fields).map((f) => this.fieldIds.get(f)!),
        boostDocument: options.boostDocument,
        queryTerms: new Map(),
        derived: [],
        scratch,
        expansions: options.expansions ?? new Map(),
      };
      return yield* matchSteps(lists, query, run, options.termsOf ?? 0, options.scored);
    } finally {
      // Searches paused together each hold one (2 MB and more at 100,000 documents): keep two.
      if (this.scratches.length < 2) this.scratches.push(scratch);
    }
  }

  /** Bumped by every change of the documents or terms: steps run across turns compare it. */
  get changes(): number {
    return this.changeCount;
  }

  protected termId(term: string): number {
    let id = this.ids.get(term);
    if (id === undefined) {
      id = this.freeTerms.pop() ?? this.termNames.length;
      this.changeCount++;
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

  // No change counted: a forgotten term holds no live posting, so a paused search reading its list
  // finds what it would have found; reusing its id counts (termId).
  private forgetTerm(id: number, name: string): void {
    this.ids.delete(name);
    this.terms.delete(name);
    this.termNames[id] = undefined;
    this.freeTerms.push(id);
  }

  protected grow(size: number): void {
    this.changeCount++;
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
