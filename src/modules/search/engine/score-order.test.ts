import { describe, expect, it } from 'vitest';
import { scoreOrder } from './score-order.ts';

function random(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1_103_515_245 + 12_345) % 2 ** 31;
    return s / 2 ** 31;
  };
}

/** The order match() had: a stable sort by score descending. */
function reference(score: Float64Array): number[] {
  const order = Array.from({ length: score.length }, (_, i) => i);
  return order.sort((a, b) => score[b]! - score[a]!);
}

describe('scoreOrder', () => {
  for (const size of [0, 1, 7, 255, 256, 1_000, 30_000]) {
    it(`orders ${size} scores as the stable comparator sort does, ties in position order`, () => {
      const next = random(size + 1);
      // Few distinct values (many ties), BM25-like products, and a few zeros and negatives.
      const pool = Array.from({ length: 40 }, () => next() * 20);
      const score = Float64Array.from({ length: size }, () => {
        const r = next();
        if (r < 0.4) return pool[Math.floor(next() * pool.length)]!;
        if (r < 0.45) return next() < 0.5 ? 0 : -0;
        if (r < 0.5) return -next() * 5;
        if (r < 0.52) return next() * 1e-300;
        return next() * 3 * (1 + Math.floor(next() * 4));
      });
      expect([...scoreOrder(score)]).toEqual(reference(score));
    });
  }

  it('orders equal high bytes by their low bytes', () => {
    const base = 1.2345;
    const score = Float64Array.from({ length: 600 }, (_, i) => base + ((i * 7919) % 600) * Number.EPSILON);
    expect([...scoreOrder(score)]).toEqual(reference(score));
  });
});
