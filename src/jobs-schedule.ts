// When each job is due, in place of pg-boss's own cron monitor. Every 30 s that monitor looked up,
// for every schedule, the last time its cron expression matched in Brussels: cron-parser steps back
// from now minute by minute, converting each minute through the time zone, up to a day back for a
// daily job. For the 13 schedules that held one event-loop turn for 100–300 ms in whichever process
// took the turn (measured under the bench), stalling every request of that process meanwhile.
// A schedule is due in the same cases (the last match less than a minute ago is the current
// minute), so the current Brussels minute is compared with each expression's fields instead: one
// time zone conversion per check. What is due is sent to pg-boss's queues as before.
import { DateTime } from 'luxon';

/** The values each field of a five-field cron expression allows. */
export interface CronFields {
  minute: ReadonlySet<number>;
  hour: ReadonlySet<number>;
  dayOfMonth: ReadonlySet<number>;
  month: ReadonlySet<number>;
  /** 0 (Sunday) to 6; a 7 in the expression is Sunday too. */
  dayOfWeek: ReadonlySet<number>;
  /** Whether the day of the month or of the week allows every day: with both restricted, either matches. */
  anyDayOfMonth: boolean;
  anyDayOfWeek: boolean;
}

/** One field: `*`, `n`, `a-b`, each with an optional `/step`, separated by commas. */
function field(text: string, min: number, max: number): Set<number> {
  const values = new Set<number>();
  for (const part of text.split(',')) {
    const match = /^(\*|(\d+)(?:-(\d+))?)(?:\/(\d+))?$/.exec(part);
    if (!match) throw new Error(`cron field not understood: ${text}`);
    const from = match[1] === '*' ? min : Number(match[2]);
    const to = match[1] === '*' ? max : match[3] !== undefined ? Number(match[3]) : match[4] ? max : from;
    const step = match[4] ? Number(match[4]) : 1;
    if (from < min || to > max || from > to || step < 1) throw new Error(`cron field out of range: ${text}`);
    for (let v = from; v <= to; v += step) values.add(v);
  }
  return values;
}

/** The fields of "minute hour day-of-month month day-of-week" (numbers only, no names). */
export function parseCron(cron: string): CronFields {
  const parts = cron.trim().split(/\s+/);
  if (parts.length !== 5) throw new Error(`a cron expression has five fields: ${cron}`);
  const [minute, hour, dayOfMonth, month, dayOfWeek] = parts as [string, string, string, string, string];
  const days = field(dayOfWeek, 0, 7);
  if (days.delete(7)) days.add(0);
  const monthDays = field(dayOfMonth, 1, 31);
  return {
    minute: field(minute, 0, 59),
    hour: field(hour, 0, 23),
    dayOfMonth: monthDays,
    month: field(month, 1, 12),
    dayOfWeek: days,
    // As cron-parser: a field is unrestricted when it allows every value ("*/1" as "*").
    anyDayOfMonth: monthDays.size === 31,
    anyDayOfWeek: days.size === 7,
  };
}

/** Whether the minute `at` falls in, read in `zone`, matches the expression. */
export function cronMatches(fields: CronFields, at: Date, zone = 'Europe/Brussels'): boolean {
  const local = DateTime.fromJSDate(at, { zone });
  if (!fields.minute.has(local.minute) || !fields.hour.has(local.hour) || !fields.month.has(local.month))
    return false;
  const byMonth = fields.dayOfMonth.has(local.day);
  const byWeek = fields.dayOfWeek.has(local.weekday % 7);
  // As cron (and cron-parser): with both day fields restricted, a day matching either is taken.
  if (!fields.anyDayOfMonth && !fields.anyDayOfWeek) return byMonth || byWeek;
  return byMonth && byWeek;
}

export interface ScheduleOptions {
  jobs: readonly { name: string; cron: string }[];
  /**
   * Whether this process checks now: at most one process of the cluster per interval (the claim
   * pg-boss's monitor made), so that a job is sent once. Gives the database's time of the claim
   * (null: not claimed): what is due is read at that time, the clock pg-boss takes a run's
   * singleton minute from. This process's clock a second behind would send a job due at 9:00 again
   * from a check at 9:00:59.5 whose send falls in the database's 9:01 (pg-boss's monitor corrected
   * its clock by the database's the same way).
   */
  claim: () => Promise<Date | null>;
  /** Sends one run of the job (pg-boss keeps one per minute: singletonKey and singletonSeconds). */
  send: (name: string) => Promise<unknown>;
  onError: (error: unknown) => void;
  intervalMs?: number;
}

/**
 * Checks the schedules now and then every interval (30 s, as pg-boss did: every minute is seen at
 * least once). `check` runs one check at once (for tests); `stop` waits for a check under way.
 */
export function startSchedule(options: ScheduleOptions): { check(): Promise<void>; stop(): Promise<void> } {
  const jobs = options.jobs.map((job) => ({ name: job.name, fields: parseCron(job.cron) }));
  let stopped = false;
  let running: Promise<void> = Promise.resolve();
  const check = () => {
    running = running.then(async () => {
      try {
        if (stopped) return;
        const at = await options.claim();
        if (!at || stopped) return;
        for (const job of jobs) if (!stopped && cronMatches(job.fields, at)) await options.send(job.name);
      } catch (error) {
        // A report that fails must not leave the chain rejected: every later check would be skipped.
        try {
          options.onError(error);
        } catch {
          // Nothing more to tell it with.
        }
      }
    });
    return running;
  };
  const timer = setInterval(() => void check(), options.intervalMs ?? 30_000);
  timer.unref();
  setImmediate(() => void check());
  return {
    check,
    stop: async () => {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
