// The search API's serialised answers (search.api.ts), kept by the search's parameters and the
// reader's language for as long as the search service hands out the same outcome for them.
// Before, they were kept by the outcome object itself: the cache then held its outcomes alive and
// counted each one's bytes (about 20 KB) beside the body's (about 37 KB) in its own budget, though
// the search service's cache holds and counts the same outcomes. Its 16 MB kept 269 answers of the
// bench's 2,015 queries, and an outcome the service had let go stayed in memory with its answer.
import { LRUCache } from 'lru-cache';
import type { KeptAnswer } from '../../../http/entity-tag.ts';

interface Entry {
  /** The stamp of the outcome the answer was made from: it holds while the service hands that one out. */
  stamp: object;
  answer: KeptAnswer;
}

export class KeptAnswers<Outcome extends object> {
  private readonly cache: LRUCache<string, Entry>;
  /**
   * A stamp per outcome, held no longer than the outcome (a WeakMap): an entry keeps its outcome's
   * stamp, not the outcome, so an outcome the service let go is not kept for its answer.
   */
  private readonly stamps = new WeakMap<Outcome, object>();

  constructor(maxBytes: number) {
    this.cache = new LRUCache({
      maxSize: maxBytes,
      // The body (outside V8's heap), the key, and the entry with its stamp.
      sizeCalculation: ({ answer }, key) => answer.body.length + 2 * key.length + 200,
    });
  }

  /**
   * The answer for a search `key` (its parameters and language) whose outcome is now `outcome`:
   * the kept one when it was made from that very outcome, else `make()`'s, kept instead.
   */
  answer(key: string, outcome: Outcome, make: () => KeptAnswer): KeptAnswer {
    let stamp = this.stamps.get(outcome);
    const entry = this.cache.get(key);
    if (stamp && entry?.stamp === stamp) return entry.answer;
    if (!stamp) this.stamps.set(outcome, (stamp = {}));
    const answer = make();
    this.cache.set(key, { stamp, answer });
    return answer;
  }

  /** The bytes held, as counted against the budget. */
  get bytes(): number {
    return this.cache.calculatedSize;
  }
}
