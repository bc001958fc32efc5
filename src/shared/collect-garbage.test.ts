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
});
