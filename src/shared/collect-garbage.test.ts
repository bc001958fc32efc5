import { describe, expect, it } from 'vitest';
import { collectGarbage } from './collect-garbage.ts';

describe('collectGarbage', () => {
  it('lets go of what nothing holds any more', async () => {
    let garbage: object | undefined = { big: Array.from({ length: 10_000 }, (_, i) => ({ i })) };
    const held = new WeakRef(garbage);
    garbage = undefined;
    // A WeakRef keeps its object until the end of the turn it was made or read in.
    await new Promise((resolve) => setImmediate(resolve));
    collectGarbage();
    expect(held.deref()).toBeUndefined();
  });
});
