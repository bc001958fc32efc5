// What other modules start only once this process's search index is ready.

/**
 * Runs `start` once `search` (the search service, when the app has one) is ready, at once without
 * one. For work that would otherwise compete for the 2 cores with the index's start-up load (the
 * agenda's calendar, the evidence cube: about 0.5 s of CPU and their garbage on the bench's start)
 * and that has a slower way to answer meanwhile.
 */
export function afterSearchReady(
  search: { ready: Promise<unknown> } | undefined,
  start: () => void,
  onError: (error: unknown) => void,
): void {
  if (!search) {
    start();
    return;
  }
  search.ready.then(start).catch(onError);
}
