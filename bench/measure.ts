// Small numeric helpers shared by the benchmarks.

/** What one load on one route measured. */
export interface Measured {
  name: string;
  example: string;
  requestsPerSecond: number;
  latencyMs: { p50: number; p95: number; p99: number; max: number };
  requests: number;
  errors: number;
  non2xx: number;
}

/** The run's load and one-at-a-time timing, as the parts of the bench take them from run.ts. */
export interface LoadTools {
  load: (name: string, base: string, paths: string[]) => Promise<Measured & { ratioToHealthz?: number }>;
  timeEach: (
    base: string,
    paths: string[],
  ) => Promise<{ p50: number; p95: number; p99: number; max: number }>;
}

export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

export function round2(n: number): number {
  return Math.round(n * 100) / 100;
}

/** p50, p95, p99 and max of latencies in ms (sorted here). */
export function latencySummary(latencies: number[]): { p50: number; p95: number; p99: number; max: number } {
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    p50: round2(percentile(sorted, 50)),
    p95: round2(percentile(sorted, 95)),
    p99: round2(percentile(sorted, 99)),
    max: round2(sorted.at(-1) ?? 0),
  };
}
