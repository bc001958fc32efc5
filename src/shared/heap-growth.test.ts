import { afterEach, describe, expect, it, vi } from 'vitest';
import { majorCollections } from '../../test/helpers/major-collections.ts';
import { collectGarbage } from './collect-garbage.ts';
import {
  boundSteadyHeapGrowth,
  heapGrowthBoundable,
  heapGrowingPercent,
  heapGrowthBounded,
  holdHeapGrowthBound,
} from './heap-growth.ts';

/** Full collections while `megabytes` of objects pass through the old generation. */
async function majorCollectionsWhileChurning(megabytes: number): Promise<number> {
  // The next limit set from what is live now, with the flag as it is now; its own entry comes
  // later, so it is waited for before counting.
  collectGarbage(1);
  await new Promise((resolve) => setTimeout(resolve, 20));
  return majorCollections(async () => {
    // Each block (1 MB) lives until 64 more are made: it reaches the old generation, and dies there.
    const ring: number[][] = new Array(64);
    for (let i = 0; i < megabytes; i++) {
      ring[i % ring.length] = new Array<number>(1 << 17).fill(i + 0.5);
      if (i % 32 === 0) await new Promise((resolve) => setImmediate(resolve));
    }
  });
}

/** The releases a test took: all called after it, so a failed assertion leaks no hold. */
const taken: (() => void)[] = [];
const hold = (holdMs: number) => {
  const release = holdHeapGrowthBound(holdMs);
  taken.push(release);
  return release;
};

// V8 grows the heap fourfold only with a heap limit of 2 GiB or more; below it the bound is not set.
describe.skipIf(!heapGrowthBoundable)('holdHeapGrowthBound', () => {
  afterEach(async () => {
    vi.useRealTimers();
    boundSteadyHeapGrowth(0);
    for (const release of taken.splice(0)) release();
    // What a test left holding goes now: a hold of 1 ms, on real timers.
    holdHeapGrowthBound(1)();
    await new Promise((resolve) => setTimeout(resolve, 20));
  });

  it('holds the bound while any intake runs, and a while after the last one is done', () => {
    vi.useFakeTimers();
    const first = hold(1_000);
    const second = hold(1_000);
    expect(heapGrowthBounded()).toBe(true);
    first();
    vi.advanceTimersByTime(5_000);
    expect(heapGrowthBounded()).toBe(true);
    second();
    // Released twice: counted once.
    second();
    vi.advanceTimersByTime(800);
    // A new intake meanwhile holds it on.
    const third = hold(1_000);
    vi.advanceTimersByTime(5_000);
    expect(heapGrowthBounded()).toBe(true);
    third();
    vi.advanceTimersByTime(999);
    expect(heapGrowthBounded()).toBe(true);
    vi.advanceTimersByTime(1);
    expect(heapGrowthBounded()).toBe(false);
  });

  it('makes V8 collect sooner while bounded, and gives the choice back after', async () => {
    const free = await majorCollectionsWhileChurning(600);
    const release = hold(1);
    const bounded = await majorCollectionsWhileChurning(600);
    release();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(heapGrowthBounded()).toBe(false);
    const freeAgain = await majorCollectionsWhileChurning(600);
    expect(bounded).toBeGreaterThan(1.5 * Math.max(free, freeAgain));
  }, 60_000);

  it('bounds the growth once serving, and an intake bound gives way to it after', () => {
    vi.useFakeTimers();
    expect(heapGrowingPercent()).toBe(0);
    boundSteadyHeapGrowth();
    expect(heapGrowingPercent()).toBe(100);
    const release = hold(1_000);
    expect(heapGrowingPercent()).toBe(50);
    release();
    vi.advanceTimersByTime(1_000);
    expect(heapGrowingPercent()).toBe(100);
    boundSteadyHeapGrowth(0);
    expect(heapGrowingPercent()).toBe(0);
  });
});
