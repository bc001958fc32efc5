// Liveness, readiness and Prometheus metrics.

import { timingSafeEqual } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { FastifyPluginAsync } from 'fastify';
import { Histogram } from 'prom-client';
import type { DatabaseConnection } from '../db/client.ts';
import type { MetricSource } from '../shared/metrics.ts';
import { metricsRegistry, processMetrics } from './metrics.ts';

export const healthRoutes: FastifyPluginAsync<{
  database: DatabaseConnection;
  ready: () => boolean;
  /** What keeps this process from serving all its routes for good (a restart would not cure it), or null. */
  unservable?: () => string | null;
  /** What the modules and the jobs report on /metrics, besides the process and the pool. */
  metrics: readonly MetricSource[];
  /** What is wrong with this process that a restart may cure (its embedded database died), or null. */
  problem: () => string | null;
  /** Asked of scrapers when set (METRICS_TOKEN). */
  metricsToken?: string;
}> = async (app, { database, ready, unservable, problem, metrics, metricsToken }) => {
  const { db } = database;
  const registry = metricsRegistry([...processMetrics(database), ...metrics]);
  const duration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request duration by route',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [registry],
  });
  app.addHook('onResponse', async (request, reply) => {
    duration.observe(
      {
        method: request.method,
        route: request.routeOptions.url ?? 'unmatched',
        status: String(reply.statusCode),
      },
      reply.elapsedTime / 1000,
    );
  });

  const hidden = { schema: { hide: true } };
  // Liveness: fails only for what restarting this process can cure. An external database that is
  // down fails readiness instead (restarting the app would not bring it back).
  app.get('/healthz', hidden, async (_request, reply) => {
    const wrong = problem();
    return wrong ? reply.code(503).send({ status: 'unhealthy', reason: wrong }) : { status: 'ok' };
  });
  app.get('/readyz', hidden, async (_request, reply) => {
    try {
      await db.execute(sql`select 1`);
      // Told apart from 'starting': an operator waiting for it would wait forever.
      const broken = unservable?.() ?? null;
      if (broken) return reply.code(503).send({ status: 'unavailable', reason: broken });
      // A process serves traffic once its search index holds the directory.
      if (!ready()) return reply.code(503).send({ status: 'starting', reason: 'search index' });
      return { status: 'ready' };
    } catch {
      return reply.code(503).send({ status: 'unavailable', reason: 'database' });
    }
  });
  const expected = metricsToken ? Buffer.from(`Bearer ${metricsToken}`) : null;
  app.get('/metrics', hidden, async (request, reply) => {
    if (expected) {
      const given = Buffer.from(request.headers.authorization ?? '');
      // As if there were none: the figures are for the operator's scraper only.
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) return reply.callNotFound();
    }
    return reply.type(registry.contentType).send(await registry.metrics());
  });
};
