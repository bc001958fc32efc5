import { describe, expect, it } from 'vitest';
import { majorCollections } from '../../test/helpers/major-collections.ts';
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

  it('runs two full collections: the pages the first one freed are given back by the second', async () => {
    expect(await majorCollections(() => collectGarbage())).toBeGreaterThanOrEqual(2);
  });

  it('runs one when asked for one (after the suggestions, where each costs a pause of some 200 ms)', async () => {
    expect(await majorCollections(() => collectGarbage(1))).toBe(1);
  });
});
