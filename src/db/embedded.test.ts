// The data folder's lock: a live owner is respected, a lock left behind by an unclean stop is not,
// even when its pid has since been given to another process (after a reboot, in a container).
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { processStart, readLock, startEmbeddedDatabase, writeLock } from './embedded.ts';
import { allowSlowTests } from '../../test/helpers/slow-tests.ts';

allowSlowTests();

const dirs: string[] = [];
const children: ChildProcess[] = [];

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'passerelle-lock-'));
  dirs.push(dir);
  return dir;
}

function live(command: string, args: string[]): ChildProcess {
  const child = spawn(command, args, { stdio: 'ignore' });
  children.push(child);
  return child;
}

/** A lock as an unclean stop leaves it: nobody has touched it for a minute. */
function writeOldLock(dir: string, lock: Parameters<typeof writeLock>[1]): void {
  writeLock(dir, lock);
  const minuteAgo = new Date(Date.now() - 60_000);
  utimesSync(join(dir, 'passerelle.lock'), minuteAgo, minuteAgo);
}

afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
});
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('readLock', () => {
  it('respects a live Node process that started when the lock says', () => {
    const dir = tempDir();
    const owner = live(process.execPath, ['-e', 'setTimeout(() => {}, 60000)']);
    writeLock(dir, { pid: owner.pid!, started: processStart(owner.pid!)!, pgPort: 5432 });
    const stale = vi.fn();
    expect(readLock(dir, stale)?.pid).toBe(owner.pid);
    expect(stale).not.toHaveBeenCalled();
  });

  it('ignores, and says why, a lock whose pid now belongs to a process that started later', () => {
    const dir = tempDir();
    const other = live(process.execPath, ['-e', 'setTimeout(() => {}, 60000)']);
    writeOldLock(dir, { pid: other.pid!, started: 'another-boot:12', pgPort: 5432 });
    const stale = vi.fn();
    expect(readLock(dir, stale)).toBeNull();
    expect(stale).toHaveBeenCalledWith(`pid ${other.pid} now belongs to a process that started later`);
  });

  it('ignores an older lock (no start recorded) naming a live process that is not Node', () => {
    const dir = tempDir();
    const sleeper = live('sleep', ['60']);
    writeOldLock(dir, { pid: sleeper.pid!, pgPort: 5432 });
    const stale = vi.fn();
    expect(readLock(dir, stale)).toBeNull();
    expect(stale).toHaveBeenCalledWith(`pid ${sleeper.pid} is not a Node process`);
  });

  it('respects a lock touched lately whatever its pid says here: its owner may run in another container', () => {
    const dir = tempDir();
    // In a second container on the same volume, the owner's pid is ours, or nobody's.
    writeLock(dir, { pid: process.pid, started: 'another-container:7', pgPort: 5432 });
    expect(readLock(dir)?.started).toBe('another-container:7');
    writeOldLock(dir, { pid: process.pid, started: 'another-container:7', pgPort: 5432 });
    expect(readLock(dir)).toBeNull();
  });

  it('has no owner when the named process is gone or the file is unreadable', async () => {
    const dir = tempDir();
    const gone = live('true', []);
    await new Promise((resolve) => gone.on('exit', resolve));
    writeOldLock(dir, { pid: gone.pid!, pgPort: 5432 });
    expect(readLock(dir)).toBeNull();
    writeFileSync(join(dir, 'passerelle.lock'), '{not json');
    expect(readLock(dir)).toBeNull();
  });
});

describe('startEmbeddedDatabase', () => {
  it("starts over a lock naming a live unrelated process, with a log line, and keeps PostgreSQL's log in the folder", async () => {
    const dir = tempDir();
    const sleeper = live('sleep', ['120']);
    writeOldLock(dir, { pid: sleeper.pid!, started: 'another-boot:1', pgPort: 5432 });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const database = await startEmbeddedDatabase(dir);
    try {
      expect(warn).toHaveBeenCalledWith(expect.stringContaining('Ignoring the stale'));
      expect(warn).toHaveBeenCalledWith(expect.stringContaining(`pid ${sleeper.pid}`));
      const lock = JSON.parse(readFileSync(join(dir, 'passerelle.lock'), 'utf8'));
      expect(lock).toMatchObject({ pid: process.pid, started: processStart(process.pid) });
    } finally {
      warn.mockRestore();
      await database.stop();
    }
    expect(existsSync(join(dir, 'passerelle.lock'))).toBe(false);
    const log = readFileSync(join(dir, 'postgres.log'), 'utf8');
    expect(log).toContain('database system is ready to accept connections');
  });

  it('starts PostgreSQL again when it dies, keeping what was committed, and says so meanwhile', async () => {
    const dir = tempDir();
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const database = await startEmbeddedDatabase(dir);
    const client = () => new pg.Client({ connectionString: database.url });
    try {
      const before = client();
      await before.connect();
      await before.query('create table kept (n int); insert into kept values (42)');
      await before.end();
      const postmaster = Number(readFileSync(join(dir, 'postgres', 'postmaster.pid'), 'utf8').split('\n')[0]);
      process.kill(postmaster, 'SIGKILL');
      await expect.poll(() => database.problem(), { timeout: 10_000 }).toContain('being started again');
      await expect.poll(() => database.problem(), { timeout: 60_000, interval: 200 }).toBeNull();
      const after = client();
      await after.connect();
      expect((await after.query('select n from kept')).rows).toEqual([{ n: 42 }]);
      await after.end();
      expect(errors).toHaveBeenCalledWith(expect.stringContaining('runs again'));
    } finally {
      errors.mockRestore();
      await database.stop();
    }
  });

  it("runs PostgreSQL in a session of its own, out of reach of signals to the app's process group", async () => {
    const dir = tempDir();
    const database = await startEmbeddedDatabase(dir);
    try {
      const postmaster = Number(readFileSync(join(dir, 'postgres', 'postmaster.pid'), 'utf8').split('\n')[0]);
      const session = (pid: number) =>
        readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ')[3];
      expect(session(postmaster)).toBe(String(postmaster));
      expect(session(postmaster)).not.toBe(session(process.pid));
    } finally {
      await database.stop();
    }
  });
});
