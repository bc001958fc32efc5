// The heap's growth between full collections. V8 sets the heap's size for its next full collection
// at 1.1 to four times what the last one left (up to four only where the old generation may reach
// 2 GiB; below that at most 1.3 to 2 times), faster the faster the process allocates.
//
// While the search index takes in a bulk import (about 110,000 documents in a minute), nearly
// everything made is garbage soon, and the heap reached 1.36 GB for 340-420 MB live: 1,616-1,749 MB
// of RSS. With `--heap-growing-percent=50` (the next collection once the heap grew by half of what
// the last one left), 968-1,000 MB. Set for good, though, searches nobody asked before ran about 40 %
// slower, as full collections came more often (sessions 27 and 28, with a live heap then half again
// as large); so 50 is set only while an intake runs, and for a while after.
//
// Once the process is serving, the growth is twofold (`boundSteadyHeapGrowth`): the most V8 allows
// itself where the heap limit is under 2 GiB. The flag replaces V8's factor rather than capping it,
// so an idle or slowly allocating process, which V8 would let grow 1.1 to 1.3 times, grows twofold
// too; the memory reducer still collects an idle heap. Under the bench's page loads at 50,000
// services and 50,000 other documents, V8's own choice let the old generation fill up to 560-660 MB
// of about 300 MB live with no full collection (RSS 850-950 MB); twofold held RSS at 709-724 MB,
// with the same pages per second within the machine's noise (session 31, runs alternated).
import { getHeapStatistics, setFlagsFromString } from 'node:v8';

/** The growth while bounded, in per cent of what the last full collection left. */
const boundedPercent = 50;
/** The growth once serving, in per cent. */
const steadyPercent = 100;
/** The growth when no intake holds the bound: 0 is V8's own choice, until the process serves. */
let restingPercent = 0;
/** How long the bound holds once the last intake is done: the next slice of an import comes sooner. */
const boundHoldsMs = 15_000;
/** V8 grows the heap up to fourfold only with this much room (and the deployment files give 2.5 GiB). */
const fourfoldFrom = 2 * 2 ** 30;

/**
 * Left alone when the operator chose a growth (`node --heap-growing-percent=…`, or with
 * underscores), and where V8 keeps the growth at twice or less already (a heap limit under about
 * 2 GiB: the young generation is counted in it too): there, 1.5 would save little. While set, the
 * flag also stands for V8's own slower growth (1.1 to 1.3 times) when memory runs short; V8 still
 * keeps each limit at most halfway to the heap's maximum.
 */
export const heapGrowthBoundable =
  operatorsGrowth() === undefined && getHeapStatistics().heap_size_limit >= fourfoldFrom;

/** The growth the operator gave node (`--heap-growing-percent=N` or `… N`), which this module leaves alone. */
function operatorsGrowth(): number | undefined {
  const args = process.execArgv;
  const at = args.findIndex((arg) => arg.replaceAll('_', '-').startsWith('--heap-growing-percent'));
  if (at < 0) return undefined;
  const arg = args[at]!;
  return Number(arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : args[at + 1]);
}

let intakes = 0;
let timer: NodeJS.Timeout | undefined;
/** What the flag says now (0: V8's own choice). */
let inForce = 0;

function setGrowingPercent(percent: number): void {
  if (percent === inForce) return;
  setFlagsFromString(`--heap-growing-percent=${percent}`);
  inForce = percent;
}

/** The heap's growth between full collections in force, in per cent (0: V8's own choice). */
export function heapGrowingPercent(): number {
  return operatorsGrowth() ?? inForce;
}

/**
 * Bounds the heap's growth until the returned release is called, and `holdMs` after the last
 * release, then sets the resting growth again. V8 reads the flag at each full collection, so the
 * bound applies from the next one; 0 gives the choice back to V8. Setting a V8 flag on a running process is safe for this one: V8 reads
 * it where it computes a limit, and caches nothing of it.
 */
export function holdHeapGrowthBound(holdMs = boundHoldsMs): () => void {
  if (!heapGrowthBoundable) return () => {};
  setGrowingPercent(boundedPercent);
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

/**
 * From now on, outside intakes, the heap grows by `percent` of what the last full collection left
 * (0: V8's own choice again). Called once the process serves, before the collections of its start's
 * garbage (whose limit it then sets): the start itself (the index's load) is left to V8, for the
 * time to ready.
 */
export function boundSteadyHeapGrowth(percent = steadyPercent): void {
  if (!heapGrowthBoundable) return;
  restingPercent = percent;
  if (!heapGrowthBounded()) setGrowingPercent(percent);
}

/** Whether the heap's growth is bounded now (for /metrics). */
export function heapGrowthBounded(): boolean {
  return intakes > 0 || timer !== undefined;
}

function releaseHeapGrowth(): void {
  timer = undefined;
  setGrowingPercent(restingPercent);
}
