// Scheduled work, on pg-boss in the same PostgreSQL: with several app processes, each job runs
// once (pg-boss hands it to one worker). Times are Brussels times.
import PgBoss from 'pg-boss';
import type { JobDeps } from './http/module-manifest.ts';
import { modules } from './modules/index.ts';

export interface JobsOptions extends JobDeps {
  log: { info(details: object, message: string): void; error(details: object, message: string): void };
}

/** Every module's jobs: name, when it runs (cron, Europe/Brussels) and what it does. */
export function jobDefinitions(deps: JobDeps) {
  return modules.flatMap((module) => module.jobs?.(deps) ?? []);
}

export async function startJobs(options: JobsOptions): Promise<{ stop(): Promise<void> }> {
  const boss = new PgBoss({
    schema: 'pgboss',
    db: { executeSql: (text, values) => options.database.pool.query(text, values) },
  });
  boss.on('error', (error) => options.log.error({ err: error }, 'jobs'));
  await boss.start();
  for (const job of jobDefinitions(options)) {
    await boss.createQueue(job.name);
    await boss.schedule(job.name, job.cron, {}, { tz: 'Europe/Brussels' });
    await boss.work(job.name, async () => {
      const result = await job.run();
      options.log.info({ job: job.name, result }, 'job done');
    });
  }
  return { stop: () => boss.stop({ graceful: true, wait: true }) };
}
