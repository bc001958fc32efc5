// One queue for all the work the process does in slices (searches spread over turns, the search
// suggestions and the directory's lists made in slices) and for the pages and searches that come in
// (http/request-turns.ts): each turn of the event loop runs the next slice of one of them only, in
// order of asking, with the other requests and the timers handled in between.
// Each waiting on setImmediate alone, every piece of work paused in the same turn resumed in that
// turn's check phase, one after the other: 50 searches under load each running their 5 ms slice
// held the event loop for 250 ms and more (issue 19's bench measured 541 ms).

// The real setImmediate, taken once: a test's fake timers replacing it (and dropping what they held)
// would otherwise leave `scheduled` set and every later slice of the process waiting for good.
const immediately = setImmediate;
const waiting: (() => void)[] = [];
let head = 0;
let scheduled = false;

function runNext(): void {
  scheduled = false;
  const resume = waiting[head++];
  if (head === waiting.length) {
    waiting.length = 0;
    head = 0;
  } else if (head > 1024) {
    waiting.splice(0, head);
    head = 0;
  }
  // One slice per turn: the next waits for the next turn (an immediate queued now runs in the next).
  if (waiting.length > head) schedule();
  resume?.();
}

function schedule(): void {
  if (scheduled) return;
  scheduled = true;
  immediately(runNext);
}

/**
 * Resolves in a later turn of the event loop, after the slices that asked before it: a slice of
 * work awaits it before running, so that one turn runs one slice, whatever the number of them.
 */
export function nextTurn(): Promise<void> {
  return new Promise<void>((resolve) => {
    waiting.push(resolve);
    schedule();
  });
}

/** How many slices wait for their turn (for tests). */
export function turnsWaiting(): number {
  return waiting.length - head;
}
