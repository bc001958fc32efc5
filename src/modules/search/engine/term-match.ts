// How the words index (term-index.ts) runs a query tree: BM25 with field boosts, prefix and typo
// matches weighted down, combined as MiniSearch did. Written as generators that yield between the
// index terms they read, so that a broad query's matching can be spread over several turns of the
// event loop (runSteps in term-steps.ts) and still give exactly what one turn gives.
import type SearchableMap from 'minisearch/SearchableMap';
import { type Found, bitCount, empty, grown, push, release, sized, type Scratch } from './term-scratch.ts';
import { scoreOrder } from './score-order.ts';
import { matchedTerms } from './matched-terms.ts';
import { float64s, uint32s } from './typed-pool.ts';
import type { Options, Run, TermMatches, TermQuery } from './term-types.ts';
import type { PostingList } from './posting-lists.ts';

const bm25 = { k: 1.2, b: 0.7, d: 0.5 };
const weights = { fuzzy: 0.45, prefix: 0.375 };
/** A posting is the document's number times 256 plus the term's frequency (at most 255). */
export const tfSlots = 256;

/** What a query reads of the index; taken afresh for each query (arrays are replaced as it grows). */
export interface TermLists {
  fields: readonly string[];
  boosts: Readonly<Record<string, number>>;
  ids: Map<string, number>;
  terms: SearchableMap<number>;
  postings: readonly (PostingList | undefined)[];
  live: Uint8Array;
  lengths: Uint16Array;
  totalLength: readonly number[];
  documentCount: number;
  /** Whether every posting names a live document (none discarded since the last vacuum). */
  allLive: boolean;
}

/** An index term a query term stands for: itself, a longer word it starts, or a word a few edits away. */
export interface Expansion {
  term: string;
  id: number;
  weight: number;
}

/** A query's state: its run (fields, bits, terms) and its own working memory. */
export interface MatchRun extends Run {
  scratch: Scratch;
  /** Expansions by term and options: a query tree and its name-fields run often ask the same. */
  expansions: Map<string, Expansion[]>;
}

export type Steps<T> = Generator<void, T, void>;

function inverseFrequency(matching: number, total: number): number {
  return Math.log(1 + (total - matching + 0.5) / (matching + 0.5));
}

/** Documents matching the query, best first; the matched index terms of the first `termsOf`. */
export function* matchSteps(
  lists: TermLists,
  query: TermQuery,
  run: MatchRun,
  termsOf: number,
  /** False when only the numbers are read (no scores kept). */
  scored = true,
): Steps<TermMatches> {
  run.scratch.begin(lists.live.length);
  const found = yield* execute(lists, query, { combineWith: 'OR', fuzzy: false, prefix: false }, run);
  // Each matched query term multiplies the score: documents with more of the words come first.
  const count = found.length;
  const final = float64s.take(count);
  for (let i = 0; i < count; i++) final[i] = found.score[i]! * (bitCount(found.mask[i]!) || 1);
  yield;
  const order = scoreOrder(final.subarray(0, count));
  // What is kept (with the text's matches): one new buffer of the exact length. Each new typed
  // array's memory counts towards the 64 MB of memory outside V8's heap after which V8 starts a full
  // collection, and while it marks, every new one has the main thread mark for up to 5 ms: the
  // uncached search pass ran one every 3 s, and the searches meanwhile took 30-90 ms.
  const buffer = new ArrayBuffer((scored ? 8 : 4) * count);
  const ns = new Int32Array(buffer, 0, count);
  const scores = new Float32Array(buffer, 4 * count, scored ? count : 0);
  for (let k = 0; k < count; k++) ns[k] = found.ns[order[k]!]!;
  if (scored) for (let k = 0; k < count; k++) scores[k] = final[order[k]!]!;
  release(found);
  float64s.give(final);
  uint32s.give(new Uint32Array(order.buffer));
  const limit = Math.min(count, termsOf);
  return { n: ns, score: scores, terms: matchedTerms(run.scratch, ns, limit, run.derived) };
}

function* execute(
  lists: TermLists,
  query: string | TermQuery,
  inherited: Options,
  run: MatchRun,
): Steps<Found> {
  const parts: Found[] = [];
  if (typeof query === 'string') {
    for (const term of query.split(' ').filter(Boolean))
      parts.push(yield* executeTerm(lists, term, inherited, run));
    return yield* combine(parts, inherited.combineWith, run.scratch);
  }
  const own: Options = {
    combineWith: query.combineWith ?? inherited.combineWith,
    fuzzy: query.fuzzy ?? inherited.fuzzy,
    prefix: query.prefix ?? inherited.prefix,
  };
  for (const q of query.queries) parts.push(yield* execute(lists, q, own, run));
  return yield* combine(parts, own.combineWith, run.scratch);
}

/** As MiniSearch combined: OR keeps the first's order and adds the second's new ones; AND keeps the second's order. */
function* combine(results: Found[], combineWith: 'AND' | 'OR', scratch: Scratch): Steps<Found> {
  if (!results.length) return empty();
  let a = results[0]!;
  for (let r = 1; r < results.length; r++) {
    const b = results[r]!;
    const { pos } = scratch;
    const pass = scratch.nextPass();
    for (let i = 0; i < a.length; i++) scratch.markAt(a.ns[i]!, pass, i);
    const before = a;
    if (combineWith === 'OR') {
      const out = grown(a, a.length + b.length);
      for (let j = 0; j < b.length; j++) {
        const n = b.ns[j]!;
        if (scratch.marked(n, pass)) {
          out.score[pos[n]!]! += b.score[j]!;
          out.mask[pos[n]!]! |= b.mask[j]!;
        } else {
          scratch.markAt(n, pass, out.length);
          push(out, n, b.score[j]!, b.mask[j]!);
        }
      }
      a = out;
    } else {
      const out = sized(Math.min(a.length, b.length));
      for (let j = 0; j < b.length; j++) {
        const n = b.ns[j]!;
        if (!scratch.marked(n, pass)) continue;
        const i = pos[n]!;
        push(out, n, a.score[i]! + b.score[j]!, a.mask[i]! | b.mask[j]!);
      }
      a = out;
    }
    // Both parts are in `out` now.
    release(before);
    release(b);
    yield;
  }
  return a;
}

/** The index terms a query term stands for, in the order MiniSearch read them. */
function expand(lists: TermLists, term: string, prefix: boolean, distance: number): Expansion[] {
  const out: Expansion[] = [];
  const exact = lists.ids.get(term);
  if (exact !== undefined) out.push({ term, id: exact, weight: 1 });
  const fuzzy = distance
    ? (lists.terms.fuzzyGet(term, distance) as Map<string, [number, number]>)
    : undefined;
  if (prefix) {
    for (const [longer, id] of lists.terms.atPrefix(term)) {
      const extra = longer.length - term.length;
      if (!extra) continue;
      // A word that is also a prefix match counts as one.
      fuzzy?.delete(longer);
      out.push({
        term: longer,
        id,
        weight: (weights.prefix * longer.length) / (longer.length + 0.3 * extra),
      });
    }
  }
  if (fuzzy) {
    for (const [near, [id, edits]] of fuzzy) {
      if (edits) out.push({ term: near, id, weight: (weights.fuzzy * near.length) / (near.length + edits) });
    }
  }
  return out;
}

/**
 * Postings read between two yields of a term's expansions, about a tenth of a millisecond. A yield
 * after each expansion made a short prefix or typo-tolerant word (hundreds of index terms, most with
 * a few postings) yield thousands of times per search: measured at 50,000 services, the yields'
 * results were 342 of 2,086 MB allocated over 10 s of the bench's search page (session 31).
 */
const postingsPerYield = 16_384;
/** What an expansion counts for besides its postings: its lists looked up, its idf computed. */
const expansionCost = 32;

function* executeTerm(lists: TermLists, term: string, options: Options, run: MatchRun): Steps<Found> {
  const bit = run.queryTerms.get(term) ?? 2 ** Math.min(run.queryTerms.size, 30);
  run.queryTerms.set(term, bit);
  const out = sized(0);
  const pass = run.scratch.nextPass();
  let distance = 0;
  const allowed = typeof options.fuzzy === 'function' ? options.fuzzy(term) : options.fuzzy;
  if (allowed) {
    const rate = allowed === true ? 0.2 : allowed;
    distance = rate < 1 ? Math.min(6, Math.round(term.length * rate)) : rate;
  }
  const key = `${options.prefix ? 'p' : ''}${distance}\u0000${term}`;
  let expansions = run.expansions.get(key);
  if (!expansions) run.expansions.set(key, (expansions = expand(lists, term, options.prefix, distance)));
  let read = 0;
  for (const { term: indexTerm, id, weight } of expansions) {
    read += expansionCost + termResults(lists, indexTerm, id, weight, bit, run, out, pass);
    if (read < postingsPerYield) continue;
    read = 0;
    yield;
  }
  return out;
}

/** BM25 of one posting; the inverse frequency computed once per term and field. */
function score(tf: number, idf: number, length: number, average: number): number {
  return idf * (bm25.d + (tf * (bm25.k + 1)) / (tf + bm25.k * (1 - bm25.b + (bm25.b * length) / average)));
}

/** Adds one index term's postings (in the run's fields) to a term's results; returns how many it read. */
function termResults(
  lists: TermLists,
  term: string,
  id: number,
  weight: number,
  bit: number,
  run: MatchRun,
  out: Found,
  pass: number,
): number {
  const { fields, live, lengths, documentCount } = lists;
  const { scratch, boostDocument } = run;
  const width = fields.length;
  const derived = run.derived.push(term) - 1;
  let read = 0;
  // Indexed loops: `for…of` over a list that is an array here and an Int32Array there made an
  // iterator result per posting (session 31's heap profile: 400 MB in 10 s of search pages).
  for (let i = 0; i < run.fields.length; i++) {
    const f = run.fields[i]!;
    const list = lists.postings[id * width + f];
    if (!list) continue;
    read += list.length;
    let matching = list.length;
    // Postings of discarded documents stay until the next vacuum: they do not count.
    if (!lists.allLive) {
      matching = 0;
      for (let k = 0; k < list.length; k++) if (live[(list[k]! / tfSlots) | 0]) matching++;
    }
    if (!matching) continue;
    const boost = weight * (lists.boosts[fields[f]!] ?? 1);
    const average = lists.totalLength[f]! / documentCount;
    const idf = inverseFrequency(matching, documentCount);
    for (let k = 0; k < list.length; k++) {
      const p = list[k]!;
      const n = (p / tfSlots) | 0;
      if (!live[n]) continue;
      const docBoost = boostDocument ? boostDocument(n) : 1;
      if (!docBoost) continue;
      const weighted = boost * docBoost * score(p % tfSlots, idf, lengths[n * width + f]!, average);
      if (scratch.marked(n, pass)) {
        out.score[scratch.pos[n]!]! += weighted;
      } else {
        scratch.markAt(n, pass, out.length);
        push(out, n, weighted, bit);
      }
      scratch.noteTerm(n, derived);
    }
  }
  return read;
}

/** Runs steps to their end in this turn. */
export function drain<T>(steps: Steps<T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}
