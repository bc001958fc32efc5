import { describe, expect, it } from 'vitest';
import { noise, noiseBound, shownValue } from './perturbation.ts';

const keys = Array.from({ length: 256 }, (_, k) => k);

describe('the noise table', () => {
  it('has a mean of 0 for every count, over the 256 keys', () => {
    for (let count = 5; count <= 2_000; count++)
      expect(
        keys.reduce((sum, key) => sum + noise(count, key), 0),
        `count ${count}`,
      ).toBe(0);
  });

  it('moves a count by 2 at most, never under 5, and leaves 0 at 0', () => {
    const wrong: string[] = [];
    for (let count = 5; count <= 2_000; count++)
      for (const key of keys) {
        const shown = shownValue(count, key);
        if (Math.abs(shown - count) > noiseBound || shown < 5) wrong.push(`${count}, key ${key}: ${shown}`);
      }
    expect(wrong).toEqual([]);
    expect(keys.every((key) => shownValue(0, key) === 0)).toBe(true);
  });

  it('moves most counts: from 7 on, a count is shown as itself for fewer than half the keys', () => {
    for (const count of [7, 8, 50, 1_234]) {
      const moved = keys.filter((key) => noise(count, key) !== 0).length;
      expect(moved).toBeGreaterThan(128);
      expect(new Set(keys.map((key) => noise(count, key)))).toEqual(new Set([-2, -1, 0, 1, 2]));
    }
  });

  it('draws unrelated noises for one key and two counts', () => {
    // Else a cell and a total one record apart, whose key did not change (a record of key 0),
    // would differ by exactly that record.
    const same = keys.filter((key) => noise(40, key) === noise(41, key)).length;
    expect(same).toBeLessThan(200);
  });
});
