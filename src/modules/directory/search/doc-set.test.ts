import { describe, expect, it } from 'vitest';
import { docNumbers, docSet, docSetBytes } from './doc-set.ts';

describe('the documents a kept outcome holds', () => {
  it('keeps a few numbers as they are', () => {
    const ns = Int32Array.from([900, 3, 77]);
    const set = docSet(ns);
    expect(docNumbers(set)).toEqual(ns);
    expect(docSetBytes(set)).toBe(12);
  });

  it('keeps many as bits, far smaller, and gives back the same numbers', () => {
    const ns = Int32Array.from({ length: 50_000 }, (_, i) => (i * 7919) % 100_000);
    const set = docSet(ns);
    expect(docSetBytes(set)).toBeLessThan(ns.byteLength / 10);
    expect([...docNumbers(set)]).toEqual([...ns].sort((a, b) => a - b));
  });

  it('holds the highest number 31 of a word and none', () => {
    expect([...docNumbers(docSet(Int32Array.from([31, 0, 32, 63, 1, 2, 3, 4])))]).toEqual([
      0, 1, 2, 3, 4, 31, 32, 63,
    ]);
    expect([...docNumbers(docSet(new Int32Array(0)))]).toEqual([]);
  });
});
