// Scheduled work, on pg-boss in the same PostgreSQL: with several app processes, each job runs
// once (pg-boss hands it to one worker). Times are Brussels times.
import PgBoss from 'pg-boss';
import type { DatabaseConnection } from './db/client.ts';
import { deleteExpiredSessions, deleteStaleDevices } from './modules/accounts/index.ts';
import { sendFreshnessReminders } from './modules/membership/index.ts';
import { purgeSentMail } from './modules/notifications/index.ts';
import { purgeClosedReferrals, runReferralDeadlines } from './modules/referrals/index.ts';
import type { Config } from './config.ts';

export interface JobsOptions {
  database: DatabaseConnection;
  /** Scheme and host for links in e-mails sent by jobs (there is no request to take it from). */
  origin: string;
  log: { info(details: object, message: string): void; error(details: object, message: string): void };
  mailQueued: () => void;
  referrals: Config['referrals'];
}

/** Job name, when it runs (cron, Europe/Brussels) and what it does. */
export function jobDefinitions(options: Omit<JobsOptions, 'log'>) {
  const { database, origin, mailQueued } = options;
  return [
    {
      // Hourly, so a reminder comes about three working days after sending, at the same hour.
      name: 'referral-deadlines',
      cron: '5 * * * *',
      run: async () => {
        const result = await runReferralDeadlines(database.db, {
          now: new Date(),
          origin,
          settings: options.referrals,
        });
        mailQueued();
        return result;
      },
    },
    {
      name: 'referral-retention',
      cron: '15 3 * * *',
      run: async () =>
        purgeClosedReferrals(database.db, {
          now: new Date(),
          retentionDays: options.referrals.retentionDays,
        }),
    },
    {
      name: 'freshness-reminders',
      cron: '0 9 * * *',
      run: async () => {
        const result = await sendFreshnessReminders(database.db, { origin, now: new Date() });
        mailQueued();
        return result;
      },
    },
    {
      name: 'purge-sent-mail',
      cron: '45 3 * * *',
      run: async () => ({ deleted: await purgeSentMail(database.db, new Date()) }),
    },
    {
      name: 'expired-sessions',
      cron: '30 3 * * *',
      run: async () => ({
        deleted: await deleteExpiredSessions(database.db, new Date()),
        browsers: await deleteStaleDevices(database.db, new Date()),
      }),
    },
  ];
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
