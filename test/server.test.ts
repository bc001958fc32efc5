// The newcomer's experience, as processes: `npm start` on an empty folder, a second instance refused,
// Ctrl-C, a restart that reuses the data, `--no-demo`, and `npm run import` with and without a
// running server.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { allowSlowTests } from './helpers/slow-tests.ts';

allowSlowTests();

const root = new URL('..', import.meta.url).pathname;
const fixture = join(root, 'test/fixtures/city-of-brussels-subsidy-beneficiaries-2022.json');
const dirs: string[] = [];

function tempDataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'passerelle-start-'));
  dirs.push(dir);
  return dir;
}

afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

interface Running {
  proc: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

function run(script: string, args: string[], env: Record<string, string>, detached = false): Running {
  let output = '';
  const proc = spawn(process.execPath, ['--import', 'tsx', script, ...args], {
    cwd: root,
    env: { ...process.env, LOG_LEVEL: 'warn', TILE_URL: '', PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    // A process group of its own, as a terminal or a service manager gives it.
    detached,
  });
  proc.stdout!.on('data', (chunk) => (output += chunk));
  proc.stderr!.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => proc.on('exit', (code) => resolve(code)));
  return { proc, output: () => output, exited };
}

async function startServer(
  env: Record<string, string>,
  args: string[] = [],
  detached = false,
): Promise<Running & { url: string; seconds: number }> {
  const server = run('src/server.ts', args, env, detached);
  const deadline = Date.now() + 150_000;
  while (Date.now() < deadline) {
    const match = /running at (http:\/\/\S+) .*ready in ([\d.]+) s/.exec(server.output());
    if (match) return { ...server, url: match[1]!, seconds: Number(match[2]) };
    if (server.proc.exitCode !== null) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  server.proc.kill('SIGKILL');
  throw new Error(`server did not start:\n${server.output()}`);
}

async function total(url: string, path = '/api/v1/organisations?per_page=1'): Promise<number> {
  const res = await fetch(`${url}${path}`);
  return (await res.json()).meta.total;
}

describe('npm start', () => {
  it('starts on an empty folder with demo data, refuses a second instance, stops cleanly and restarts on the same data', async () => {
    const dataDir = tempDataDir();
    const first = await startServer({ DATA_DIR: dataDir });
    const organisations = await total(first.url);
    expect(organisations).toBeGreaterThanOrEqual(40);
    expect(first.output()).toContain(`embedded PostgreSQL in ${dataDir}`);
    // Ready once the search index is built: seconds, more when the machine is busy.
    await expect
      .poll(async () => (await fetch(`${first.url}/readyz`)).status, { timeout: 120_000, interval: 250 })
      .toBe(200);

    const second = run('src/server.ts', [], { DATA_DIR: dataDir });
    expect(await second.exited).toBe(1);
    expect(second.output()).toContain('already using the data folder');
    expect(second.output()).toContain(first.url);
    expect(second.output()).not.toMatch(/\n\s+at /);

    first.proc.kill('SIGINT');
    expect(await first.exited).toBe(0);
    expect(existsSync(join(dataDir, 'postgres', 'postmaster.pid'))).toBe(false);
    expect(existsSync(join(dataDir, 'passerelle.lock'))).toBe(false);

    const again = await startServer({ DATA_DIR: dataDir });
    expect(await total(again.url)).toBe(organisations);
    expect(again.seconds).toBeLessThan(10);
    again.proc.kill('SIGTERM');
    expect(await again.exited).toBe(0);
  });

  it('drains requests in flight when Ctrl-C reaches the whole process group, PostgreSQL included', async () => {
    const dataDir = tempDataDir();
    const server = await startServer({ DATA_DIR: dataDir }, [], true);
    await expect
      .poll(async () => (await fetch(`${server.url}/readyz`)).status, { timeout: 120_000, interval: 250 })
      .toBe(200);
    let signalledAt = Infinity;
    const answers = Array.from({ length: 20 }, () =>
      fetch(`${server.url}/fr/directory`).then(
        async (res) => ({ status: res.status, body: (await res.text()).length, at: Date.now() }),
        (error: Error) => ({ status: 0, body: 0, at: Date.now(), error: String(error.cause ?? error) }),
      ),
    );
    await new Promise((resolve) => setTimeout(resolve, 100));
    signalledAt = Date.now();
    // What Ctrl-C in a terminal does: SIGINT to every process of the foreground group.
    process.kill(-server.proc.pid!, 'SIGINT');
    const done = await Promise.all(answers);
    expect(done.map((a) => a.status)).toEqual(done.map(() => 200));
    // Some were still being served when the signal came, or the test would prove nothing.
    expect(done.some((a) => a.at > signalledAt)).toBe(true);
    expect(await server.exited).toBe(0);
    expect(existsSync(join(dataDir, 'passerelle.lock'))).toBe(false);
    expect(existsSync(join(dataDir, 'postgres', 'postmaster.pid'))).toBe(false);
  });

  it('starts empty with --no-demo', async () => {
    const server = await startServer({ DATA_DIR: tempDataDir() }, ['--no-demo']);
    try {
      expect(await total(server.url)).toBe(0);
      const home = await (await fetch(`${server.url}/en/`)).text();
      expect(home).not.toContain('class="demo-banner"');
    } finally {
      server.proc.kill('SIGINT');
      await server.exited;
    }
  });

  it('explains a bad configuration in one line', async () => {
    const bad = run('src/server.ts', [], { DATA_DIR: tempDataDir(), PORT: 'eighty' });
    expect(await bad.exited).toBe(1);
    expect(bad.output()).toContain('Invalid configuration: PORT must be integer');
  });
});

describe('npm run import', () => {
  it('imports into the database of a running server, and on its own when none runs', async () => {
    const dataDir = tempDataDir();
    const server = await startServer({ DATA_DIR: dataDir }, ['--no-demo']);
    const withServer = run('src/cli/import.ts', [fixture], { DATA_DIR: dataDir });
    expect(await withServer.exited).toBe(0);
    expect(withServer.output()).toMatch(/created\s+671/);
    expect(withServer.output()).toContain('record 345 (Action pour le développement global)');
    expect(await total(server.url)).toBe(671);
    server.proc.kill('SIGINT');
    expect(await server.exited).toBe(0);

    const alone = run('src/cli/import.ts', [fixture, '--report', join(dataDir, 'report.json')], {
      DATA_DIR: dataDir,
    });
    expect(await alone.exited).toBe(0);
    expect(alone.output()).toMatch(/unchanged\s+671/);
    expect(existsSync(join(dataDir, 'report.json'))).toBe(true);
    expect(existsSync(join(dataDir, 'passerelle.lock'))).toBe(false);
  });

  it('explains a missing or malformed file', async () => {
    const missing = run('src/cli/import.ts', ['/nonexistent.json'], { DATA_DIR: tempDataDir() });
    expect(await missing.exited).toBe(1);
    expect(missing.output()).toContain('Cannot read /nonexistent.json');
    const usage = run('src/cli/import.ts', [], { DATA_DIR: tempDataDir() });
    expect(await usage.exited).toBe(2);
    expect(usage.output()).toContain('Usage: npm run import');
  });
});

describe('npm run user:role', () => {
  it('gives a signed-up person a platform role on a running server’s database, and explains mistakes', async () => {
    const dataDir = tempDataDir();
    const server = await startServer({ DATA_DIR: dataDir }, ['--no-demo']);
    try {
      const email = `moderator.${Date.now()}@example.org`;
      const signup = await fetch(`${server.url}/en/signup`);
      const cookie = signup.headers
        .getSetCookie()
        .map((c) => c.split(';')[0])
        .join('; ');
      const csrf = /name="_csrf" value="([^"]+)"/.exec(await signup.text())![1]!;
      const created = await fetch(`${server.url}/en/signup`, {
        method: 'POST',
        headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          _csrf: csrf,
          name: 'Mod',
          email,
          password: 'groene fiets onder de brug',
        }),
      });
      expect(created.status).toBe(200);

      const given = run('src/cli/set-role.ts', [email, 'moderator'], { DATA_DIR: dataDir });
      expect(await given.exited).toBe(0);
      expect(given.output()).toContain(`${email}: member → moderator`);
      const unknown = run('src/cli/set-role.ts', ['nobody@example.org', 'admin'], { DATA_DIR: dataDir });
      expect(await unknown.exited).toBe(1);
      expect(unknown.output()).toContain('No account for nobody@example.org');
      const badRole = run('src/cli/set-role.ts', [email, 'king'], { DATA_DIR: dataDir });
      expect(await badRole.exited).toBe(2);
      expect(badRole.output()).toContain('Usage: npm run user:role');
    } finally {
      server.proc.kill('SIGINT');
      await server.exited;
    }
  });
});
