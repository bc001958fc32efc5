// Long work in slices that give the event loop back, so that requests are answered meanwhile: the
// search suggestions and the directory's lists sort tens or hundreds of thousands of names, which in
// one go held the event loop for hundreds of milliseconds.

import { nextTurn } from './turns.ts';

/** Work between two pauses, in milliseconds. */
const sliceMs = 8;

/** Gives the event loop back once a slice's time is used. */
export class Slices {
  private started = performance.now();
  constructor(private readonly pause: () => Promise<void> = nextTurn) {}
  /** Whether the slice's time is used (then `next` must be awaited). */
  get due(): boolean {
    return performance.now() - this.started > sliceMs;
  }
  async next(): Promise<void> {
    await this.pause();
    this.started = performance.now();
  }
}

/**
 * Pairs 0..count-1 in `compare`'s order, ties in number order (as a stable sort): runs sorted, then
 * merged two by two, in slices. Sorting 300,000 words at once held the event loop for a second.
 */
export async function sortInSlices(
  count: number,
  compare: (a: number, b: number) => number,
  slices: Slices,
): Promise<Int32Array> {
  // Runs short enough that sorting one stays within a slice with a slow comparison (a collator:
  // runs of 2,048 names took 60–90 ms each).
  const run = 256;
  let from = new Int32Array(count);
  for (let i = 0; i < count; i++) from[i] = i;
  for (let start = 0; start < count; start += run) {
    const sorted = Array.from(from.subarray(start, Math.min(count, start + run))).sort(compare);
    from.set(sorted, start);
    if (slices.due) await slices.next();
  }
  let to = new Int32Array(count);
  for (let width = run; width < count; width *= 2) {
    for (let start = 0; start < count; start += 2 * width) {
      const middle = Math.min(count, start + width);
      const end = Math.min(count, start + 2 * width);
      let i = start;
      let j = middle;
      for (let k = start; k < end; k++) {
        // The left run's first on ties: stable.
        to[k] = j >= end || (i < middle && compare(from[i]!, from[j]!) <= 0) ? from[i++]! : from[j++]!;
        if ((k & 1023) === 0 && slices.due) await slices.next();
      }
    }
    [from, to] = [to, from];
  }
  return from;
}

/** A sorted copy of `items`, as a stable `[...items].sort(compare)` gives, made in slices. */
export async function sortedInSlices<T>(
  items: readonly T[],
  compare: (a: T, b: T) => number,
  slices: Slices,
): Promise<T[]> {
  const order = await sortInSlices(items.length, (a, b) => compare(items[a]!, items[b]!), slices);
  return Array.from(order, (i) => items[i]!);
}
