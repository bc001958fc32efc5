// The index terms each of a search's best matches matched, for highlighting (term-match.ts). Kept
// with the text's matches (text-matches.ts) for as long as they are, and read for the page's
// results only. They were an array of strings per match, 500 of them per search: about 8% of the
// bytes an uncached search pass allocated, and as they are kept, copied by every young-generation
// garbage collection they met. Now numbers in two typed arrays, made into strings when asked.
import type { Scratch } from './term-scratch.ts';
import { int32s } from './typed-pool.ts';

export class MatchedTerms {
  constructor(
    /** The matches' document numbers, best first (only the first `length` have their terms here). */
    private readonly ns: Int32Array,
    readonly length: number,
    /** Where each match's term numbers start in `ids` (one more entry than matches). */
    private readonly from: Int32Array,
    private readonly ids: Int32Array,
    /** The index terms by number. */
    private readonly names: readonly string[],
  ) {}

  /** The index terms the k-th match matched (k < length), each once. */
  at(k: number): string[] {
    const out: string[] = [];
    for (let i = this.from[k]!; i < this.from[k + 1]!; i++) {
      const term = this.names[this.ids[i]!]!;
      if (!out.includes(term)) out.push(term);
    }
    return out;
  }

  /** The same for document n, undefined when it is not among the first `length` matches. */
  of(n: number): string[] | undefined {
    for (let k = 0; k < this.length; k++) if (this.ns[k] === n) return this.at(k);
    return undefined;
  }

  /** What they hold, in bytes, roughly (the terms' strings are the index's). */
  get bytes(): number {
    return 100 + this.from.byteLength + this.ids.byteLength + 8 * this.names.length;
  }
}

/** The matched terms of the first `count` of `ns`, as a search's run noted them in its scratch. */
export function matchedTerms(scratch: Scratch, ns: Int32Array, count: number, names: string[]): MatchedTerms {
  // Worked out in arrays of the pool (typed-pool.ts), kept in one new array of the exact length: a
  // new typed array each counts towards V8's next full collection (term-match.ts, matchSteps).
  const from = int32s.take(count + 1);
  let ids = int32s.take(Math.max(16, 2 * count));
  let end = 0;
  for (let k = 0; k < count; k++) {
    from[k] = end;
    let next = scratch.termIdsInto(ns[k]!, ids, end);
    while (next < 0) {
      const more = int32s.take(2 * ids.length);
      more.set(ids);
      int32s.give(ids);
      ids = more;
      next = scratch.termIdsInto(ns[k]!, ids, end);
    }
    end = next;
  }
  from[count] = end;
  const kept = new Int32Array(count + 1 + end);
  kept.set(from.subarray(0, count + 1));
  kept.set(ids.subarray(0, end), count + 1);
  int32s.give(from);
  int32s.give(ids);
  return new MatchedTerms(ns, count, kept.subarray(0, count + 1), kept.subarray(count + 1), names);
}
