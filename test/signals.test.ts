// How `npm start` stops, as processes: Ctrl-C in a terminal (SIGINT to the whole process group),
// a service manager's SIGTERM to the group, and a SIGTERM to npm alone. Each time, while requests
// are being served: every request gets its whole answer, the app stops its PostgreSQL (which runs
// in a session of its own, out of reach of a group signal), removes its lock and exits 0, and no
// process of the group is left behind. And a Ctrl-C during the very first start (initdb, migrations)
// stops the PostgreSQL it started and removes the lock.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { allowSlowTests } from './helpers/slow-tests.ts';

allowSlowTests();

const root = fileURLToPath(new URL('..', import.meta.url));
const dirs: string[] = [];
/** The npm processes this file started: their groups are killed in afterAll if still there. */
const started: ChildProcess[] = [];

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** A signal to a process or group that may have ended meanwhile (then there is nothing to do). */
function signal(pid: number, name: NodeJS.Signals): void {
  try {
    process.kill(pid, name);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
  }
}

/** The PostgreSQL serving a data folder of this file, if one still runs (its pid checked against the folder). */
function postgresOf(dataDir: string): number | null {
  const file = join(dataDir, 'postgres', 'postmaster.pid');
  if (!existsSync(file)) return null;
  const pid = Number(readFileSync(file, 'utf8').split('\n')[0]);
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(dataDir) ? pid : null;
  } catch {
    return null;
  }
}

afterAll(() => {
  for (const npm of started)
    if (npm.exitCode === null && npm.signalCode === null) signal(-npm.pid!, 'SIGKILL');
  for (const dir of dirs) {
    const postgres = postgresOf(dir);
    if (postgres) signal(postgres, 'SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  }
});

async function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: nothing after ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, late]);
  } finally {
    clearTimeout(timer);
  }
}

interface Started {
  npm: ChildProcess;
  url: string;
  dataDir: string;
  output: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** `npm start` on a new data folder, in a process group of its own, as a terminal or a service manager runs it. */
function spawnNpmStart() {
  const dataDir = mkdtempSync(join(tmpdir(), 'passerelle-signals-'));
  dirs.push(dataDir);
  let output = '';
  const npm = spawn('npm', ['start'], {
    cwd: root,
    env: { ...process.env, LOG_LEVEL: 'warn', TILE_URL: '', PORT: '0', DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  started.push(npm);
  npm.stdout!.on('data', (chunk) => (output += chunk));
  npm.stderr!.on('data', (chunk) => (output += chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    npm.on('exit', (code, signal) => resolve({ code, signal })),
  );
  return { npm, dataDir, output: () => output, exited };
}

/** `npm start`, once it serves with its search index built. */
async function npmStart(): Promise<Started> {
  const { npm, dataDir, output: outputOf, exited } = spawnNpmStart();
  const deadline = Date.now() + 150_000;
  while (Date.now() < deadline) {
    const output = outputOf();
    const match = /running at (http:\/\/\S+) /.exec(output);
    if (match) {
      const url = match[1]!;
      // Ready once the search index is built, so that the pages below are served at full cost.
      await expect
        .poll(async () => (await fetch(`${url}/readyz`)).status, { timeout: 120_000, interval: 250 })
        .toBe(200);
      return { npm, url, dataDir, output: outputOf, exited };
    }
    if (npm.exitCode !== null) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  signal(-npm.pid!, 'SIGKILL');
  throw new Error(`npm start did not start:\n${outputOf()}`);
}

const stops = [
  { what: 'Ctrl-C: SIGINT to the process group', signal: 'SIGINT', toGroup: true },
  { what: 'a service manager: SIGTERM to the process group', signal: 'SIGTERM', toGroup: true },
  { what: 'SIGTERM to npm alone', signal: 'SIGTERM', toGroup: false },
  // An impatient second Ctrl-C, after the app has begun draining: it must not kill it half-way.
  { what: 'Ctrl-C twice', signal: 'SIGINT', toGroup: true, again: true },
] as const;

describe('npm start, stopped under load', () => {
  it.each(stops)(
    '$what: every request in flight is answered, PostgreSQL stops, nothing is left',
    async (stop) => {
      const server = await npmStart();
      const postmaster = join(server.dataDir, 'postgres', 'postmaster.pid');
      const postgresPid = postgresOf(server.dataDir)!;
      expect(postgresPid).toBeGreaterThan(0);

      // A request counts as answered once its whole body has arrived; a reset, on the headers or in
      // the middle of the body, counts as status 0.
      let firstHeaders: () => void = () => {};
      const answering = new Promise<void>((resolve) => (firstHeaders = resolve));
      const answers = Array.from({ length: 20 }, async () => {
        try {
          const res = await fetch(`${server.url}/fr/directory`);
          firstHeaders();
          return { status: res.status, body: (await res.text()).length, at: Date.now() };
        } catch (error) {
          return { status: 0, body: 0, at: Date.now(), error: String((error as Error).cause ?? error) };
        }
      });
      // Signalled once the first answer has begun: the others are being served or queued.
      await within(answering, 30_000, 'the first answer');
      const signalledAt = Date.now();
      signal(stop.toGroup ? -server.npm.pid! : server.npm.pid!, stop.signal);
      if ('again' in stop) {
        await new Promise((resolve) => setTimeout(resolve, 300));
        signal(-server.npm.pid!, stop.signal);
      }

      const done = await within(Promise.all(answers), 30_000, 'the requests in flight');
      expect(
        done.map((a) => a.status),
        server.output(),
      ).toEqual(done.map(() => 200));
      expect(done.every((a) => a.body > 1000)).toBe(true);
      // Some were still being served when the signal came, or the test would prove nothing.
      expect(done.some((a) => a.at > signalledAt)).toBe(true);

      // npm exits with its script's code: 0 when the app stopped cleanly (its forced exit is 1).
      expect(await within(server.exited, 30_000, 'npm exiting'), server.output()).toEqual({
        code: 0,
        signal: null,
      });
      // Nothing of the group serves on as an orphan, and PostgreSQL (in a session of its own) is gone.
      await expect.poll(() => alive(-server.npm.pid!), { timeout: 5_000 }).toBe(false);
      expect(alive(postgresPid)).toBe(false);
      expect(existsSync(postmaster)).toBe(false);
      expect(existsSync(join(server.dataDir, 'passerelle.lock'))).toBe(false);
      await expect(fetch(`${server.url}/healthz`)).rejects.toThrow();
    },
  );

  it('Ctrl-C during the very first start stops the PostgreSQL it started and removes the lock', async () => {
    const { npm, dataDir, output, exited } = spawnNpmStart();
    // PostgreSQL is up (initdb done); the migrations and the demo data are still to come.
    await expect.poll(() => postgresOf(dataDir), { timeout: 120_000, interval: 50 }).toBeGreaterThan(0);
    const postgresPid = postgresOf(dataDir)!;
    signal(-npm.pid!, 'SIGINT');
    const exit = await within(exited, 30_000, 'npm exiting');
    expect(exit.code, output()).toBe(1);
    expect(output()).toContain('while starting: stopping');
    await expect.poll(() => alive(postgresPid), { timeout: 10_000 }).toBe(false);
    expect(existsSync(join(dataDir, 'postgres', 'postmaster.pid'))).toBe(false);
    expect(existsSync(join(dataDir, 'passerelle.lock'))).toBe(false);
    expect(alive(-npm.pid!)).toBe(false);
  });
});
