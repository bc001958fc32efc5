// Scheduled work, on pg-boss in the same PostgreSQL: with several app processes, each job runs
// once (pg-boss hands it to one worker). Times are Brussels times.
import { setTimeout as sleep } from 'node:timers/promises';
import PgBoss from 'pg-boss';
import type { JobDeps } from './http/module-manifest.ts';
import { parseCron, startSchedule } from './jobs-schedule.ts';
import { modules } from './modules/index.ts';
import type { MetricSource } from './shared/metrics.ts';

export interface JobsOptions extends JobDeps {
  log: { info(details: object, message: string): void; error(details: object, message: string): void };
  /** Where the runs are counted for /metrics. */
  metrics?: JobMetrics;
}

/** Every module's jobs: name, when it runs (cron, Europe/Brussels) and what it does. */
export function jobDefinitions(deps: JobDeps) {
  return modules.flatMap((module) => module.jobs?.(deps) ?? []);
}

/**
 * What the jobs of this process report on /metrics: each queue's waiting jobs (read from pg-boss at
 * each scrape) and the runs this process finished or saw fail. Made before the jobs start; a process
 * without jobs (JOBS=false) reports none of these figures.
 */
export class JobMetrics {
  private boss: PgBoss | undefined;
  private readonly failed = new Map<string, number>();
  private readonly completed = new Map<string, number>();
  private readonly lastSuccess = new Map<string, number>();

  /** Follows a started pg-boss and its queues; every queue's counters start at 0. */
  follow(boss: PgBoss | undefined, queues: readonly string[] = []): void {
    this.boss = boss;
    for (const queue of queues) {
      this.failed.set(queue, this.failed.get(queue) ?? 0);
      this.completed.set(queue, this.completed.get(queue) ?? 0);
    }
  }

  /** Runs one job, counting how it ended. */
  async count<T>(queue: string, run: () => Promise<T>): Promise<T> {
    try {
      const result = await run();
      this.completed.set(queue, (this.completed.get(queue) ?? 0) + 1);
      this.lastSuccess.set(queue, Date.now() / 1000);
      return result;
    } catch (error) {
      this.failed.set(queue, (this.failed.get(queue) ?? 0) + 1);
      throw error;
    }
  }

  readonly sources: readonly MetricSource[] = [
    {
      name: 'passerelle_jobs_queued',
      help: 'Jobs waiting to run (created or to be retried), by queue; read from pg-boss',
      type: 'gauge',
      labelNames: ['queue'],
      read: async () => {
        const boss = this.boss;
        if (!boss) return [];
        // One grouped query (what getQueueSize counts, for every queue): a scrape costs one
        // connection of the pool, not one per queue.
        const queues = [...this.completed.keys()];
        const { rows } = (await boss
          .getDb()
          .executeSql(
            "select name, count(*)::int as count from pgboss.job where name = any($1) and state < 'active' group by name",
            [queues],
          )) as { rows: { name: string; count: number }[] };
        const sizes = new Map(rows.map((r) => [r.name, r.count]));
        return queues.map((queue) => ({ labels: { queue }, value: sizes.get(queue) ?? 0 }));
      },
    },
    {
      name: 'passerelle_jobs_failed_total',
      help: 'Runs of a job that failed in this process, by queue (each try of a retried job counts)',
      type: 'counter',
      labelNames: ['queue'],
      read: () => valuesOf(this.failed),
    },
    {
      name: 'passerelle_jobs_completed_total',
      help: 'Runs of a job that succeeded in this process, by queue',
      type: 'counter',
      labelNames: ['queue'],
      read: () => valuesOf(this.completed),
    },
    {
      name: 'passerelle_jobs_last_success_timestamp_seconds',
      help: 'When a run of the job last succeeded in this process (Unix time), by queue',
      type: 'gauge',
      labelNames: ['queue'],
      read: () => valuesOf(this.lastSuccess),
    },
  ];
}

function valuesOf(counts: ReadonlyMap<string, number>) {
  return [...counts].map(([queue, value]) => ({ labels: { queue }, value }));
}

export async function startJobs(options: JobsOptions): Promise<{ stop(): Promise<void> }> {
  const boss = new PgBoss({
    schema: 'pgboss',
    db: { executeSql: (text, values) => options.database.pool.query(text, values) },
    // Its cron monitor held the event loop for 100–300 ms every 30 s: jobs-schedule.ts instead.
    schedule: false,
  });
  boss.on('error', (error) => options.log.error({ err: error }, 'jobs'));
  const metrics = options.metrics ?? new JobMetrics();
  const definitions = jobDefinitions(options);
  // An expression jobs-schedule.ts cannot read stops the start here, before pg-boss runs.
  for (const job of definitions) parseCron(job.cron);
  try {
    await boss.start();
    for (const job of definitions) {
      await boss.createQueue(job.name);
      // Kept in pg-boss's table, where operators look, though jobs-schedule.ts sends the runs.
      await boss.schedule(job.name, job.cron, {}, { tz: 'Europe/Brussels' });
      await boss.work(job.name, async () => {
        try {
          const result = await metrics.count(job.name, () => job.run());
          options.log.info({ job: job.name, result }, 'job done');
        } catch (error) {
          // pg-boss keeps the error with the job and retries it; the log says so at once.
          options.log.error({ err: error, job: job.name }, 'job failed');
          throw error;
        }
      });
    }
  } catch (error) {
    // Half started (a queue not made): stopped, so that a second try starts afresh.
    await boss.stop({ graceful: false }).catch(() => {});
    throw error;
  }
  const schedule = startSchedule({
    jobs: definitions,
    // pg-boss's own claim, on its table: one process of the cluster checks per 30 s, at the
    // database's time.
    claim: async () =>
      (
        await options.database.pool.query<{ at: Date }>(
          `UPDATE pgboss.version SET cron_on = now()
           WHERE EXTRACT(EPOCH FROM (now() - COALESCE(cron_on, now() - interval '1 week'))) > 30
           RETURNING now() AS at`,
        )
      ).rows[0]?.at ?? null,
    send: (name) => boss.send(name, {}, { singletonKey: name, singletonSeconds: 60 }),
    onError: (error) => options.log.error({ err: error }, 'jobs schedule'),
  });
  metrics.follow(
    boss,
    definitions.map((job) => job.name),
  );
  return {
    stop: async () => {
      await schedule.stop();
      metrics.follow(undefined);
      // Within the app's 20 s forced exit: a job still running then is left to its next run.
      await boss.stop({ graceful: true, wait: true, timeout: 15_000 });
    },
  };
}

/**
 * Starts the jobs without holding up the caller, trying again after a failure (5 s, 10 s, … at most
 * a minute apart) until it works or `stop` is called. The app starts them once it is ready: awaited
 * there, pg-boss's start competed with the search index build of a large directory and passed
 * Fastify's ten-second plugin timeout, and the process exited.
 */
export function startJobsInBackground(
  options: JobsOptions,
  { start = startJobs, firstRetryMs = 5_000 } = {},
): { stop(): Promise<void> } {
  const stopping = new AbortController();
  const started = (async () => {
    for (let attempt = 0; !stopping.signal.aborted; attempt++) {
      try {
        const began = performance.now();
        const jobs = await start(options);
        options.log.info({ attempt: attempt + 1, ms: Math.round(performance.now() - began) }, 'jobs started');
        return jobs;
      } catch (error) {
        const retryMs = Math.min(60_000, firstRetryMs * 2 ** attempt);
        options.log.error({ err: error, retryMs }, 'jobs did not start');
        await sleep(retryMs, undefined, { signal: stopping.signal }).catch(() => {});
      }
    }
    return undefined;
  })();
  return {
    stop: async () => {
      stopping.abort();
      await (await started)?.stop();
    },
  };
}
