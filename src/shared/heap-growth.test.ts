import { constants, PerformanceObserver } from 'node:perf_hooks';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { collectGarbage } from './collect-garbage.ts';
import { boundHeapGrowthForIntake, heapGrowthBounded } from './heap-growth.ts';

/** Full collections while `megabytes` of objects pass through the old generation. */
async function majorCollectionsWhileChurning(megabytes: number): Promise<number> {
  let major = 0;
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries())
      if ((entry as { detail?: { kind?: number } }).detail?.kind === constants.NODE_PERFORMANCE_GC_MAJOR)
        major++;
  });
  observer.observe({ entryTypes: ['gc'] });
  // The next limit set from what is live now, with the flag as it is now.
  collectGarbage(1);
  major = 0;
  // Each block lives long enough to be promoted (a ring of 64 blocks of 1 MB), then dies there.
  const ring: number[][] = new Array(64);
  for (let i = 0; i < megabytes; i++) {
    ring[i % ring.length] = new Array<number>(1 << 17).fill(i + 0.5);
    if (i % 32 === 0) await new Promise((resolve) => setImmediate(resolve));
  }
  await new Promise((resolve) => setTimeout(resolve, 50));
  observer.disconnect();
  return major;
}

describe('boundHeapGrowthForIntake', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('holds the bound until a while after the last intake asked for it', () => {
    vi.useFakeTimers();
    boundHeapGrowthForIntake(1_000);
    expect(heapGrowthBounded()).toBe(true);
    vi.advanceTimersByTime(800);
    // A second slice of the intake holds it longer.
    boundHeapGrowthForIntake(1_000);
    vi.advanceTimersByTime(800);
    expect(heapGrowthBounded()).toBe(true);
    vi.advanceTimersByTime(300);
    expect(heapGrowthBounded()).toBe(false);
  });

  it('makes V8 collect sooner while bounded, and gives the choice back after', async () => {
    const free = await majorCollectionsWhileChurning(600);
    boundHeapGrowthForIntake(60_000);
    const bounded = await majorCollectionsWhileChurning(600);
    // Released at once: a hold of 1 ms from now.
    boundHeapGrowthForIntake(1);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(heapGrowthBounded()).toBe(false);
    const freeAgain = await majorCollectionsWhileChurning(600);
    expect(bounded).toBeGreaterThan(1.5 * Math.max(free, freeAgain));
  }, 60_000);
});
