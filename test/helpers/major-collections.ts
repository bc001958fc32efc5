import { constants, PerformanceObserver } from 'node:perf_hooks';

/** The full garbage collections V8 reports while `run` runs (their entries come a moment after). */
export async function majorCollections(run: () => void | Promise<void>): Promise<number> {
  let major = 0;
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries())
      if ((entry as { detail?: { kind?: number } }).detail?.kind === constants.NODE_PERFORMANCE_GC_MAJOR)
        major++;
  });
  observer.observe({ entryTypes: ['gc'] });
  await run();
  await new Promise((resolve) => setTimeout(resolve, 50));
  observer.disconnect();
  return major;
}
