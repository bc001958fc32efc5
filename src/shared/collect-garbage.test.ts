import { constants, PerformanceObserver } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import { collectGarbage } from './collect-garbage.ts';

/** A weak reference to an object nothing else holds. */
const garbage = () => new WeakRef({ big: Array.from({ length: 10_000 }, (_, i) => ({ i })) });

describe('collectGarbage', () => {
  it('lets go of what nothing holds any more', async () => {
    const held = garbage();
    // A WeakRef keeps its object until the end of the turn it was made or read in.
    await new Promise((resolve) => setImmediate(resolve));
    collectGarbage();
    expect(held.deref()).toBeUndefined();
  });

  const majorCollections = async (run: () => void) => {
    let major = 0;
    const observer = new PerformanceObserver((list) => {
      for (const entry of list.getEntries())
        if ((entry as { detail?: { kind?: number } }).detail?.kind === constants.NODE_PERFORMANCE_GC_MAJOR)
          major++;
    });
    observer.observe({ entryTypes: ['gc'] });
    run();
    await new Promise((resolve) => setTimeout(resolve, 50));
    observer.disconnect();
    return major;
  };

  it('runs two full collections: the pages the first one freed are given back by the second', async () => {
    expect(await majorCollections(() => collectGarbage())).toBeGreaterThanOrEqual(2);
  });

  it('runs one when asked for one (after the suggestions, where each costs a pause of some 200 ms)', async () => {
    expect(await majorCollections(() => collectGarbage(1))).toBe(1);
  });
});
