// A bounded heap growth while a large intake runs. V8 sets the heap's size for its next full
// collection at 1.1 to about four times what the last one left. While the search index takes in a
// bulk import (about 110,000 documents in a minute), nearly everything made is garbage soon, and the
// heap reached 1.36 GB for 340-420 MB live: 1,749 MB of RSS (session 27). With the growth bounded
// to half of what the last collection left, 988-1,000 MB. Bounded for good, though, searches nobody
// asked before ran about 40 % slower, as full collections came more often; so the bound holds only
// while an intake runs, and a little after.
import { setFlagsFromString } from 'node:v8';

/** The growth allowed while bounded: the next collection once the heap grew by half. */
const boundedPercent = 50;
/** How long the bound holds after the last intake asked for it. */
export const boundHoldsMs = 15_000;

let timer: NodeJS.Timeout | undefined;

/**
 * Bounds the heap's growth from now until `holdMs` after the last call. V8 reads the flag at each
 * full collection (the bound applies from the next), and 0 gives the choice back to V8. Setting a
 * V8 flag on a running process is allowed for this one: it is read, never cached.
 */
export function boundHeapGrowthForIntake(holdMs = boundHoldsMs): void {
  if (!timer) setFlagsFromString(`--heap-growing-percent=${boundedPercent}`);
  clearTimeout(timer);
  timer = setTimeout(releaseHeapGrowth, holdMs);
  // A bound left holding must not keep a stopping process alive.
  timer.unref();
}

/** Whether the heap's growth is bounded now. */
export function heapGrowthBounded(): boolean {
  return timer !== undefined;
}

function releaseHeapGrowth(): void {
  timer = undefined;
  setFlagsFromString('--heap-growing-percent=0');
}
