// The page picked by page-order.ts is the page of the full order the search used to sort: name
// tiers (tierOrder), then distance and score when sorting by distance, then services for the
// reader's commune first (competentFirst), on a generated corpus full of ties.
import { describe, expect, it } from 'vitest';
import { pageOrder } from './page-order.ts';
import { tierOrder } from './rank-tiers.ts';
import { competentFirst } from './residence.ts';
import type { SearchDoc } from './search-types.ts';

function random(seed: number) {
  let s = seed;
  return () => (s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
}

function corpus(seed: number, size: number) {
  const next = random(seed);
  const docs: SearchDoc[] = Array.from(
    { length: size },
    () =>
      ({
        type: next() < 0.3 ? 'organisation' : 'service',
        residentCommunes: next() < 0.2 ? [next() < 0.5 ? '21004' : '21001'] : undefined,
        trust: Math.floor(next() * 4),
      }) as SearchDoc,
  );
  const named = new Map<number, number>();
  for (let n = 0; n < size; n++) if (next() < 0.3) named.set(n, Math.floor(next() * 6));
  // Candidates: some documents, scores in descending order with many ties.
  const ns = Array.from({ length: size }, (_, n) => n).filter(() => next() < 0.8);
  for (let i = ns.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [ns[i], ns[j]] = [ns[j]!, ns[i]!];
  }
  const scores = ns.map(() => Math.floor(next() * 5)).sort((a, b) => b - a);
  const distance = ns.map(() => (next() < 0.2 ? Infinity : Math.floor(next() * 4)));
  return { docs, named, ns, scores, distance };
}

/** The order the search sorted every result into before page-order.ts. */
function fullOrder(c: ReturnType<typeof corpus>, byDistance: boolean, commune?: string, n = c.ns) {
  const score = n === c.ns ? c.scores : n.map((x) => c.docs[x]!.trust);
  let order = tierOrder(n.length, (i) => ({ n: n[i]!, doc: c.docs[n[i]!]! }), c.named);
  if (byDistance) order.sort((a, b) => c.distance[a]! - c.distance[b]! || score[b]! - score[a]!);
  order = competentFirst(order, (i) => c.docs[n[i]!]!, commune);
  return order;
}

describe('pageOrder', () => {
  for (const seed of [1, 2, 3, 4, 5]) {
    for (const byDistance of [false, true]) {
      for (const commune of [undefined, '21004']) {
        it(`gives the full order's pages (seed ${seed}, distance ${byDistance}, commune ${commune})`, () => {
          const c = corpus(seed, 400);
          const full = fullOrder(c, byDistance, commune);
          const keys = {
            n: Int32Array.from(c.ns),
            score: Float64Array.from(c.scores),
            distance: byDistance ? Float64Array.from(c.distance) : undefined,
            count: c.ns.length,
            byNumber: false,
          };
          for (const [offset, limit] of [
            [0, 20],
            [20, 20],
            [0, 1],
            [300, 20],
            [0, 10_000],
            [40, 7],
          ])
            expect(pageOrder(keys, c.docs, c.named, commune, offset!, limit!)).toEqual(
              full.slice(offset, offset! + limit!),
            );
        });
      }
    }
  }

  it('orders a search without words by trust, then number', () => {
    const c = corpus(9, 500);
    // Before: every document in trust order (then number), no name tiers.
    const byTrust = c.docs.map((_, n) => n).sort((a, b) => c.docs[b]!.trust - c.docs[a]!.trust || a - b);
    const before = fullOrder({ ...c, named: new Map() }, false, '21004', byTrust).map((i) => byTrust[i]);
    const keys = {
      n: Int32Array.from(c.docs, (_, n) => n),
      score: Float64Array.from(c.docs, (d) => d.trust),
      distance: undefined,
      count: c.docs.length,
      byNumber: true,
    };
    for (const [offset, limit] of [
      [0, 20],
      [60, 20],
      [0, 500],
    ]) {
      const page = pageOrder(keys, c.docs, null, '21004', offset!, limit!).map((i) => keys.n[i]);
      expect(page).toEqual(before.slice(offset, offset! + limit!));
    }
  });
});
