import { describe, expect, it } from 'vitest';
import { type JobsOptions, startJobsInBackground } from './jobs.ts';

const quiet = { info: () => {}, error: () => {} };

describe('startJobsInBackground', () => {
  it('tries again after a failure, a little later each time, until the jobs start; stops them', async () => {
    const tries: number[] = [];
    const errors: object[] = [];
    let stopped = 0;
    const jobs = startJobsInBackground(
      { log: { ...quiet, error: (details: object) => errors.push(details) } } as unknown as JobsOptions,
      {
        firstRetryMs: 20,
        start: async () => {
          tries.push(Date.now());
          if (tries.length < 3) throw new Error('database starting');
          return { stop: async () => void stopped++ };
        },
      },
    );
    await new Promise((r) => setTimeout(r, 200));
    expect(tries).toHaveLength(3);
    expect(tries[2]! - tries[1]!).toBeGreaterThanOrEqual(tries[1]! - tries[0]!);
    expect(errors).toEqual([
      expect.objectContaining({ retryMs: 20 }),
      expect.objectContaining({ retryMs: 40 }),
    ]);
    await jobs.stop();
    expect(stopped).toBe(1);
  });

  it('a stop during the wait between tries ends it at once, starting nothing', async () => {
    let tries = 0;
    const jobs = startJobsInBackground({ log: quiet } as unknown as JobsOptions, {
      firstRetryMs: 60_000,
      start: async () => {
        tries++;
        throw new Error('no database');
      },
    });
    await new Promise((r) => setTimeout(r, 20));
    const started = Date.now();
    await jobs.stop();
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(tries).toBe(1);
  });
});
