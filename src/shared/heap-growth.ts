// A bounded heap growth while a large intake runs. V8 sets the heap's size for its next full
// collection at 1.1 to four times what the last one left (up to four only where the old generation
// may reach 2 GiB; below that at most 1.3 to 2 times). While the search index takes in a bulk import
// (about 110,000 documents in a minute), nearly everything made is garbage soon, and the heap reached
// 1.36 GB for 340-420 MB live: 1,616-1,749 MB of RSS. With `--heap-growing-percent=50` (the next
// collection once the heap grew by half of what the last one left), 968-1,000 MB. Set for good,
// though, searches nobody asked before ran about 40 % slower, as full collections came more often
// (sessions 27 and 28); so it is set only while an intake runs, and for a while after.
import { getHeapStatistics, setFlagsFromString } from 'node:v8';

/** The growth while bounded, in per cent of what the last full collection left. */
const boundedPercent = 50;
/** How long the bound holds once the last intake is done: the next slice of an import comes sooner. */
const boundHoldsMs = 15_000;
/** V8 grows the heap up to fourfold only with this much room (and the deployment files give 2.5 GiB). */
const fourfoldFrom = 2 * 2 ** 30;

/**
 * Left alone when the operator chose a growth (`node --heap-growing-percent=…`, or with
 * underscores), and where V8 keeps the growth at twice or less already (a heap limit under about
 * 2 GiB: the young generation is counted in it too): there, 1.5 would save little. While bounded,
 * 1.5 also stands for V8's own slower growth (1.1 to 1.3 times) when memory runs short; V8 still
 * keeps each limit at most halfway to the heap's maximum.
 */
export const heapGrowthBoundable =
  !process.execArgv.some((arg) => arg.replaceAll('_', '-').startsWith('--heap-growing-percent')) &&
  getHeapStatistics().heap_size_limit >= fourfoldFrom;

let intakes = 0;
let timer: NodeJS.Timeout | undefined;

/**
 * Bounds the heap's growth until the returned release is called, and `holdMs` after the last
 * release. V8 reads the flag at each full collection, so the bound applies from the next one; 0
 * gives the choice back to V8. Setting a V8 flag on a running process is safe for this one: V8 reads
 * it where it computes a limit, and caches nothing of it.
 */
export function holdHeapGrowthBound(holdMs = boundHoldsMs): () => void {
  if (!heapGrowthBoundable) return () => {};
  if (!heapGrowthBounded()) setFlagsFromString(`--heap-growing-percent=${boundedPercent}`);
  intakes++;
  clearTimeout(timer);
  timer = undefined;
  let released = false;
  return () => {
    if (released) return;
    released = true;
    if (--intakes > 0) return;
    timer = setTimeout(releaseHeapGrowth, holdMs);
    // A bound left holding must not keep a stopping process alive.
    timer.unref();
  };
}

/** Whether the heap's growth is bounded now (for /metrics). */
export function heapGrowthBounded(): boolean {
  return intakes > 0 || timer !== undefined;
}

function releaseHeapGrowth(): void {
  timer = undefined;
  setFlagsFromString('--heap-growing-percent=0');
}
