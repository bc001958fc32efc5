// The Prometheus registry behind /metrics: Node's and the process's figures (prom-client's default
// metrics, event-loop delay included), the connection pool, the configured limits, and whatever
// the modules and the jobs declare (MetricSource). Every figure is documented in docs/operations.md.
import { getHeapStatistics } from 'node:v8';
import { collectDefaultMetrics, Counter, Gauge, Registry } from 'prom-client';
import type { DatabaseConnection } from '../db/client.ts';
import type { MetricSource, MetricValue } from '../shared/metrics.ts';
import { heapGrowingPercent } from '../shared/heap-growth.ts';

export function metricsRegistry(sources: readonly MetricSource[]): Registry {
  const registry = new Registry();
  // nodejs_eventloop_lag_{min,max,mean,stddev,p50,p90,p99}_seconds come from perf_hooks'
  // monitorEventLoopDelay (10 ms resolution), reset at each scrape: they describe the time since
  // the previous one.
  collectDefaultMetrics({ register: registry });
  for (const source of sources) {
    const labelNames = [...(source.labelNames ?? [])];
    const values = async (): Promise<MetricValue[]> => {
      try {
        const value = await source.read();
        return typeof value === 'number' ? [{ labels: {}, value }] : value;
      } catch {
        return [];
      }
    };
    if (source.type === 'counter') {
      new Counter({
        name: source.name,
        help: source.help,
        labelNames,
        registers: [registry],
        async collect() {
          const now = await values();
          this.reset();
          for (const { labels, value } of now) this.inc(labels, value);
        },
      });
    } else {
      new Gauge({
        name: source.name,
        help: source.help,
        labelNames,
        registers: [registry],
        async collect() {
          const now = await values();
          this.reset();
          for (const { labels, value } of now) this.set(labels, value);
        },
      });
    }
  }
  return registry;
}

/** The connection pool, the database limits this process was given and its heap limit. */
export function processMetrics(database: DatabaseConnection): MetricSource[] {
  const { pool } = database;
  const gauge = (name: string, help: string, read: MetricSource['read']): MetricSource => ({
    name,
    help,
    type: 'gauge',
    read,
  });
  return [
    gauge(
      'passerelle_db_pool_max_connections',
      'Connections this process may open to PostgreSQL (DB_POOL_SIZE)',
      () => pool.options.max,
    ),
    gauge('passerelle_db_pool_connections', 'Connections open now, busy or idle', () => pool.totalCount),
    gauge('passerelle_db_pool_idle_connections', 'Open connections not lent out', () => pool.idleCount),
    gauge(
      'passerelle_db_pool_waiting_requests',
      'Queries waiting for a connection because every one is busy',
      () => pool.waitingCount,
    ),
    gauge(
      'passerelle_db_query_timeout_seconds',
      'The longest a query may run before PostgreSQL stops it (DB_QUERY_TIMEOUT_MS)',
      () => {
        const limit = pool.options.statement_timeout;
        return typeof limit === 'number' ? limit / 1000 : [];
      },
    ),
    gauge(
      'passerelle_heap_size_limit_bytes',
      "V8's heap limit (NODE_OPTIONS=--max-old-space-size, or Node's default)",
      () => getHeapStatistics().heap_size_limit,
    ),
    gauge(
      'passerelle_heap_growing_percent',
      'How much the heap grows between full collections, in per cent of what the last one left (0: V8 chooses)',
      heapGrowingPercent,
    ),
  ];
}
