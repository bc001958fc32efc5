// Runs a search's steps (term-match.ts) across turns of the event loop: a few milliseconds of work,
// then the other requests' turn. The index may change in between: the steps then start again, so
// the result is what running them in one turn at the end gives.
import { nextTurn } from '../../../shared/turns.ts';
import { drain, type Steps } from './term-match.ts';

/** How long steps run before the event loop gets a turn. */
export const stepSliceMs = 5;
/** Fresh starts allowed while the index keeps changing; the last start runs in one turn. */
const maxStarts = 4;

/**
 * Runs the steps `start` gives, giving the event loop a turn after every `sliceMs`; `state` tells
 * the index's state (its version): when it differs from the one the steps started at, they start
 * again.
 */
export async function runSoon<T>(
  start: () => { steps: Steps<T>; state: string },
  state: () => string,
  sliceMs = stepSliceMs,
): Promise<T> {
  // Even the first slice waits for its turn: searches come in many to a turn under load, and each
  // running its first slice at once held the event loop for all of them.
  await nextTurn();
  for (let starts = 1; ; starts++) {
    const { steps, state: began } = start();
    if (starts >= maxStarts) return drain(steps);
    const end = await runWhile(steps, () => state() === began, sliceMs);
    if (end.done) return end.value;
  }
}

/** Runs steps across turns while `same()` holds after each turn; abandoned (their `finally` run) when not. */
async function runWhile<T>(
  steps: Steps<T>,
  same: () => boolean,
  sliceMs: number,
): Promise<{ done: true; value: T } | { done: false }> {
  let since = performance.now();
  for (;;) {
    const step = steps.next();
    if (step.done) return { done: true, value: step.value };
    if (performance.now() - since < sliceMs) continue;
    await nextTurn();
    if (!same()) {
      steps.return(undefined as T);
      return { done: false };
    }
    since = performance.now();
  }
}
