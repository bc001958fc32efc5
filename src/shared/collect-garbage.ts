// A full garbage collection on demand, without starting node with --expose-gc. For the moment a
// process has just finished a large piece of work that left hundreds of megabytes of garbage (the
// search index's first load: parsed rows and snapshot parts, analysed texts; then the search
// suggestions): V8 would otherwise keep that memory until its next full collection, which an idle
// process may not reach for a long time (measured at 50,000 services + 50,000 other documents:
// 744 MB RSS right after ready, 603 MB after one full collection).
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let gc: (() => void) | undefined;

/**
 * Runs two full collections now (each blocks for some tens to hundreds of milliseconds on a large
 * heap). After the first, the heap's freed pages were still held: at 50,000 services + 50,000 other
 * documents (session 22, bench/memory.ts) the process said ready with 893 MB of RSS and 546 MB of
 * heap, and a second collection a few seconds later brought them to 599 and 415 MB. `times`: 1
 * where the second's pause costs more than the pages it gives back are worth.
 */
export function collectGarbage(times = 2): void {
  if (!gc) {
    // A context made after the flag is set has gc() on its global; the flag changes nothing else.
    setFlagsFromString('--expose-gc');
    gc = runInNewContext('gc') as () => void;
  }
  for (let i = 0; i < times; i++) gc();
}
