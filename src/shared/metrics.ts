// What a part of the application reports on /metrics. The parts declare their figures as plain
// readers (no Prometheus client, no Fastify); src/http/metrics.ts turns them into Prometheus text.

/** One value of a figure, for one set of labels. */
export interface MetricValue {
  labels: Record<string, string>;
  value: number;
}

/** A figure, read at each scrape. */
export interface MetricSource {
  /** Prometheus name: snake_case, starting with `passerelle_`; a counter's ends in `_total`. */
  name: string;
  help: string;
  /** A gauge goes up and down; a counter only grows while the process lives. */
  type: 'gauge' | 'counter';
  labelNames?: readonly string[];
  /**
   * The value now: one number, or one per label set (none: the figure is left out of this scrape).
   * A reader that throws leaves its figure out; the other figures are still served.
   */
  read(): number | MetricValue[] | Promise<number | MetricValue[]>;
}
