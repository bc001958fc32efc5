// The order of a search's results, for the returned page only. The full order is, by priority:
// services for the reader's commune before those for other communes' residents (residence.ts); by
// distance then score when sorting by distance; the name tier (rank-tiers.ts); then the order the
// documents were considered in (score order, or trust order for a search without words). Every
// result gets its keys in typed arrays, and the page's results are picked from them with a heap
// (top-k) rather than by sorting tens of thousands: the same page as the full sort
// (tierOrder, then the distance sort, then competentFirst), in less time.
import type { IndexedDoc } from './search-types.ts';
import { type NameTiers, tierKey, tierKeyOf } from './rank-tiers.ts';
import { docFlag } from './search-run.ts';
import { servesResidentsOf } from './residence.ts';

export interface OrderKeys {
  /** Results' document numbers, in the order they were considered. */
  n: Int32Array;
  score: Float64Array;
  /** Distances (Infinity for none) when sorting by distance. */
  distance: Float64Array | undefined;
  count: number;
  /**
   * True when the results were considered in document-number order, for a search without words:
   * their order is then trust (the score) descending, then number.
   */
  byNumber: boolean;
}

/** Per document number, its name tier plus one (0: none), filled for one search and emptied after. */
let namedScratch = new Int8Array(0);
/** Per position, its tier key: one search's, read while its page is ordered (not a new array each). */
let tiersScratch = new Uint8Array(0);

function tierKeys(
  keys: OrderKeys,
  docs: readonly (IndexedDoc | undefined)[],
  named: NameTiers | null,
  flags: Uint8Array | undefined,
): Uint8Array {
  if (tiersScratch.length < keys.count)
    tiersScratch = new Uint8Array(Math.max(keys.count, 2 * tiersScratch.length));
  const tiers = tiersScratch;
  if (named && namedScratch.length < docs.length)
    namedScratch = new Int8Array(Math.max(docs.length, 2 * namedScratch.length));
  const scratch = namedScratch;
  named?.forEach((tier, n) => {
    if (n < scratch.length) scratch[n] = tier + 1;
  });
  for (let i = 0; i < keys.count; i++) {
    const n = keys.n[i]!;
    const t = named ? namedScratch[n]! - 1 : -1;
    const tier = t < 0 ? undefined : t;
    tiers[i] = flags ? tierKeyOf(tier, (flags[n]! & docFlag.organisation) !== 0) : tierKey(tier, docs[n]!);
  }
  named?.forEach((_, n) => {
    if (n < scratch.length) scratch[n] = 0;
  });
  return tiers;
}

/**
 * Positions (in `keys`) of the results from `offset` to `offset + limit` in the search's order.
 */
export function pageOrder(
  keys: OrderKeys,
  docs: readonly (IndexedDoc | undefined)[],
  named: NameTiers | null,
  readerCommune: string | undefined,
  offset: number,
  limit: number,
  /** Per document number, its docFlag bits (search-run.ts): whether it is an organisation's, read faster. */
  flags?: Uint8Array,
): number[] {
  const { count, n, score, distance, byNumber } = keys;
  const tiers = tierKeys(keys, docs, named, flags);
  let elsewhere: Uint8Array | undefined;
  if (readerCommune) {
    elsewhere = new Uint8Array(count);
    for (let i = 0; i < count; i++) if (!servesResidentsOf(docs[n[i]!]!, readerCommune)) elsewhere[i] = 1;
  }
  const compare = (a: number, b: number): number => {
    if (elsewhere && elsewhere[a] !== elsewhere[b]) return elsewhere[a]! - elsewhere[b]!;
    if (distance) {
      const da = distance[a]!;
      const db = distance[b]!;
      if (da !== db) return da < db ? -1 : 1;
      const s = score[b]! - score[a]!;
      if (s) return s;
    }
    if (tiers[a] !== tiers[b]) return tiers[a]! - tiers[b]!;
    if (byNumber) return score[b]! - score[a]! || n[a]! - n[b]!;
    return a - b;
  };
  const wanted = Math.min(count, offset + limit);
  if (offset >= count || limit <= 0) return [];
  if (wanted * 4 >= count) {
    const all = Array.from({ length: count }, (_, i) => i);
    return all.sort(compare).slice(offset, wanted);
  }
  // A max-heap of the `wanted` first results seen so far: its top is the last of them.
  const heap: number[] = [];
  const down = (from: number) => {
    let i = from;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let top = i;
      if (l < heap.length && compare(heap[l]!, heap[top]!) > 0) top = l;
      if (r < heap.length && compare(heap[r]!, heap[top]!) > 0) top = r;
      if (top === i) return;
      [heap[i], heap[top]] = [heap[top]!, heap[i]!];
      i = top;
    }
  };
  for (let i = 0; i < count; i++) {
    if (heap.length < wanted) {
      heap.push(i);
      for (let c = heap.length - 1; c > 0;) {
        const p = (c - 1) >> 1;
        if (compare(heap[c]!, heap[p]!) <= 0) break;
        [heap[c], heap[p]] = [heap[p]!, heap[c]!];
        c = p;
      }
    } else if (compare(i, heap[0]!) < 0) {
      heap[0] = i;
      down(0);
    }
  }
  return heap.sort(compare).slice(offset, wanted);
}
