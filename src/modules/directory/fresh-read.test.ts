// A shared read never answers a caller with a value read before it asked, and callers that wait
// together share one read.
import { describe, expect, it } from 'vitest';
import { freshRead } from './fresh-read.ts';

function controlledSource() {
  let value = 0;
  const reads: { at: number; resolve: () => void; reject: (e: Error) => void }[] = [];
  const read = () =>
    new Promise<number>((resolve, reject) => {
      // What the read will see is what holds when it starts.
      const at = value;
      reads.push({ at, resolve: () => resolve(at), reject });
    });
  return { read, reads, change: () => value++ };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('freshRead', () => {
  it('gives callers that come during a read the next read, which sees a change made before they asked', async () => {
    const source = controlledSource();
    const edition = freshRead(source.read);
    const first = edition();
    source.change();
    // Asked after the change while the first read (begun before it) is under way.
    const second = edition();
    const third = edition();
    expect(source.reads).toHaveLength(1);
    source.reads[0]!.resolve();
    expect(await first).toBe(0);
    await tick();
    expect(source.reads).toHaveLength(2);
    source.reads[1]!.resolve();
    expect(await second).toBe(1);
    expect(await third).toBe(1);
    // Nothing under way: a caller starts its own read.
    const fourth = edition();
    expect(source.reads).toHaveLength(3);
    source.reads[2]!.resolve();
    expect(await fourth).toBe(1);
  });

  it('passes a failed read to its callers only, and reads again for the next', async () => {
    const source = controlledSource();
    const edition = freshRead(source.read);
    const failing = edition();
    const waiting = edition();
    source.reads[0]!.reject(new Error('connection lost'));
    await expect(failing).rejects.toThrow('connection lost');
    await tick();
    source.reads[1]!.resolve();
    expect(await waiting).toBe(0);
    const after = edition();
    source.reads[2]!.resolve();
    expect(await after).toBe(0);
  });
});
