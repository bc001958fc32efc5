import { describe, expect, it } from 'vitest';
import { TypedPool } from './typed-pool.ts';

describe('typed arrays reused between searches', () => {
  it('gives an array back out once given back, of a power-of-two length at least the one asked', () => {
    const pool = new TypedPool((n) => new Int32Array(n));
    const a = pool.take(1000);
    expect(a.length).toBe(1024);
    pool.give(a);
    expect(pool.take(600)).toBe(a);
    // Taken, it is not handed out twice.
    expect(pool.take(600)).not.toBe(a);
  });

  it('clears what is asked cleared, and keeps no array past its budget nor one it did not make', () => {
    const pool = new TypedPool((n) => new Float64Array(n));
    const a = pool.take(64);
    a.fill(7);
    pool.give(a);
    expect(Array.from(pool.takeZeroed(64))).toEqual(new Array(64).fill(0));
    const foreign = new Float64Array(100);
    pool.give(foreign);
    expect(pool.take(100)).not.toBe(foreign);
    // 4 MB of doubles at most: two 2 MB arrays fit, a third is let go.
    const big = [pool.take(2 ** 18), pool.take(2 ** 18), pool.take(2 ** 18)];
    for (const b of big) pool.give(b);
    const again = [pool.take(2 ** 18), pool.take(2 ** 18), pool.take(2 ** 18)];
    expect(again.filter((b) => big.includes(b))).toHaveLength(2);
  });
});
