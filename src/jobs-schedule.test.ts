import cronParser from 'cron-parser';
import { describe, expect, it } from 'vitest';
import type { Config } from './config.ts';
import type { DatabaseConnection } from './db/client.ts';
import { jobDefinitions } from './jobs.ts';
import { cronMatches, parseCron, startSchedule } from './jobs-schedule.ts';

// Every job's expression today, and a few shapes more.
const expressions = [
  '5 * * * *',
  '15 3 * * *',
  '25 * * * *',
  '*/5 * * * *',
  '0 7 * * *',
  '45 3 * * *',
  '15 6 * * *',
  '0 9 * * *',
  '*/15 8-18 * * 1-5',
  '0 0 1 * *',
  '30 4 * * 0',
  '30 4 * * 7',
  '0 12 13 * 5',
  '10,40 */2 * 1-6 *',
];

/** pg-boss's monitor: due when the last match in Brussels was less than a minute ago. */
function dueAsPgBoss(cron: string, at: Date): boolean {
  const previous = cronParser.parseExpression(cron, { tz: 'Europe/Brussels', currentDate: at }).prev();
  return at.getTime() - previous.getTime() < 60_000;
}

describe('job schedule', () => {
  it('is due at the same minutes as pg-boss’s cron monitor found', () => {
    let seed = 7;
    const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
    const instants: Date[] = [];
    // Random instants over two years, at the start of a minute and later in it. (Exactly on the
    // minute's first millisecond cron-parser's prev() gives the match before; pg-boss then sent the
    // job at its next check, 30 s later.)
    for (let i = 0; i < 20; i++) {
      const minute = Date.UTC(2026, 0, 1) + Math.floor(random() * 730 * 1440) * 60_000;
      instants.push(new Date(minute + 1), new Date(minute + 1 + Math.floor(random() * 59_000)));
    }
    // Every hour and a quarter of the days the clocks change (outside the repeated or missing hour).
    for (const day of [Date.UTC(2026, 2, 29), Date.UTC(2026, 9, 25)])
      for (let m = 0; m < 1440; m += 75) {
        const at = new Date(day + m * 60_000 + 20_000);
        const hour = Number(at.toLocaleString('en-GB', { timeZone: 'Europe/Brussels', hour: 'numeric' }));
        if (hour !== 2) instants.push(at);
      }
    let due = 0;
    for (const cron of expressions) {
      const fields = parseCron(cron);
      for (const at of instants) {
        const expected = dueAsPgBoss(cron, at);
        expect(cronMatches(fields, at), `${cron} at ${at.toISOString()}`).toBe(expected);
        if (expected) due++;
      }
    }
    // The comparison covers due minutes, not only minutes that are not.
    expect(due).toBeGreaterThan(15);
    // cron-parser's prev() is slow (the reason for this file): a minute on a busy machine.
  }, 120_000);

  it('reads Brussels time: 9:00 is 7:00 UTC in summer and 8:00 in winter', () => {
    const nine = parseCron('0 9 * * *');
    expect(cronMatches(nine, new Date('2026-07-01T07:00:30Z'))).toBe(true);
    expect(cronMatches(nine, new Date('2026-07-01T08:00:30Z'))).toBe(false);
    expect(cronMatches(nine, new Date('2026-12-01T08:00:30Z'))).toBe(true);
  });

  it('refuses what it does not understand', () => {
    expect(() => parseCron('0 9 * *')).toThrow();
    expect(() => parseCron('61 * * * *')).toThrow();
    expect(() => parseCron('0 9 * * MON')).toThrow();
  });

  it('reads every expression the modules register (startJobs refuses to start otherwise)', () => {
    const jobs = jobDefinitions({
      database: {} as DatabaseConnection,
      origin: 'http://127.0.0.1',
      config: {} as Config,
      mailQueued: () => {},
    });
    expect(jobs.length).toBeGreaterThan(5);
    for (const job of jobs) expect(() => parseCron(job.cron), job.name).not.toThrow();
  });

  it('goes on checking after a failed check whose report failed too', async () => {
    let claims = 0;
    const schedule = startSchedule({
      jobs: [{ name: 'often', cron: '*/5 * * * *' }],
      claim: async () => {
        claims++;
        throw new Error('database away');
      },
      send: async () => {},
      onError: () => {
        throw new Error('the log failed too');
      },
      intervalMs: 3_600_000,
    });
    await new Promise((resolve) => setImmediate(resolve));
    await schedule.check().catch(() => {});
    await schedule.check().catch(() => {});
    await schedule.stop().catch(() => {});
    expect(claims).toBe(3);
  });

  it('sends the jobs due this minute, only from the process that claimed the check', async () => {
    const sent: string[] = [];
    let claimed = true;
    const schedule = startSchedule({
      jobs: [
        { name: 'morning', cron: '0 9 * * *' },
        { name: 'often', cron: '*/5 * * * *' },
        { name: 'night', cron: '15 3 * * *' },
      ],
      claim: async () => (claimed ? new Date('2026-12-01T08:00:10Z') : null),
      send: async (name) => sent.push(name),
      onError: (error) => {
        throw error;
      },
      intervalMs: 3_600_000,
    });
    // The check at start, then one asked for: the same minute, the same jobs.
    await new Promise((resolve) => setImmediate(resolve));
    await schedule.check();
    expect(new Set(sent)).toEqual(new Set(['morning', 'often']));
    sent.length = 0;
    claimed = false;
    await schedule.check();
    expect(sent).toEqual([]);
    await schedule.stop();
    claimed = true;
    await schedule.check();
    expect(sent).toEqual([]);
  });

  it('reads what is due at the database’s time, not this process’s clock', async () => {
    // This process's clock half a second behind the database's: its 9:00:59.5 is the database's
    // 9:01:00.0, where pg-boss would put a second run of the 9:00 job in a new singleton minute.
    const sent: string[] = [];
    const options = {
      jobs: [{ name: 'morning', cron: '0 9 * * *' }],
      claim: async () => new Date('2026-12-01T08:01:00.000Z'),
      send: async (name: string) => sent.push(name),
      onError: (error: unknown) => {
        throw error;
      },
      intervalMs: 3_600_000,
      // This process's clock (the schedule once read what was due from it).
      now: () => new Date('2026-12-01T08:00:59.500Z'),
    };
    const schedule = startSchedule(options);
    await schedule.check();
    await schedule.stop();
    expect(sent).toEqual([]);
  });
});
