// Two app processes on one PostgreSQL, which is restarted under them (down for 3 s). Each process
// follows the directory's change notifications on a connection of its own (search/live-index.ts);
// after the restart both must listen again, so a change made through the database is found by a
// search in either process within 2 s again, as it was before, and not only at the 5 s poll.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startEmbeddedDatabase } from '../src/db/embedded.ts';
import { type PostgresProcess, startPostgres } from '../src/db/postgres-process.ts';
import { allowSlowTests } from './helpers/slow-tests.ts';

allowSlowTests();

const root = new URL('..', import.meta.url).pathname;
const freshnessLimitMs = 2_000;
const outageMs = 3_000;

let dataDir: string;
let databaseUrl: string;
let port: number;
let postgres: PostgresProcess | undefined;
const postgresLog: string[] = [];
const apps: App[] = [];

interface App {
  name: string;
  proc: ChildProcess;
  url: string;
  output: () => string;
  exited: Promise<number | null>;
}

/** A word no search has seen: letters only, so the engine keeps it whole. */
const newWord = (prefix: string) =>
  prefix + Array.from({ length: 8 }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join('');

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function startCluster(): Promise<PostgresProcess> {
  return startPostgres({
    clusterDir: join(dataDir, 'postgres'),
    port,
    log: (line) => void postgresLog.push(line),
  });
}

/** A server process on the shared database, without jobs; resolves once /readyz says 200. */
async function startApp(name: string, args: string[]): Promise<App> {
  const appDir = join(dataDir, name);
  mkdirSync(appDir);
  let output = '';
  const proc = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts', ...args], {
    cwd: root,
    env: {
      ...process.env,
      LOG_LEVEL: 'warn',
      TILE_URL: '',
      PORT: '0',
      DATA_DIR: appDir,
      DATABASE_URL: databaseUrl,
      JOBS: 'false',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  proc.stdout!.on('data', (chunk) => (output += chunk));
  proc.stderr!.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => proc.on('exit', (code) => resolve(code)));
  const app = { name, proc, output: () => output, exited, url: '' };
  apps.push(app);
  const deadline = Date.now() + 150_000;
  while (Date.now() < deadline && !app.url) {
    const match = /running at (http:\/\/\S+) /.exec(output);
    if (match) app.url = match[1]!;
    else if (proc.exitCode !== null) break;
    else await sleep(100);
  }
  if (!app.url) throw new Error(`${name} did not start:\n${output}`);
  await waitForReady(app, 120_000);
  return app;
}

async function status(url: string): Promise<number> {
  try {
    return (await fetch(url, { signal: AbortSignal.timeout(5_000) })).status;
  } catch {
    return 0;
  }
}

/** Asks every 100 ms until the answer is the one wanted; throws after `timeout` ms. */
async function until<T>(ask: () => Promise<T>, wanted: T, timeout: number, what: string): Promise<void> {
  const deadline = Date.now() + timeout;
  let last: T | undefined;
  while (Date.now() < deadline) {
    last = await ask();
    if (last === wanted) return;
    await sleep(100);
  }
  throw new Error(`${what}: still ${String(last)} after ${timeout} ms`);
}

function waitForReady(app: App, timeout: number): Promise<void> {
  return until(() => status(`${app.url}/readyz`), 200, timeout, `${app.name} /readyz`);
}

/** The passerelle_search_listening gauge of /metrics (1 while the process follows notifications), or -1. */
async function listening(app: App): Promise<number> {
  try {
    const body = await (await fetch(`${app.url}/metrics`, { signal: AbortSignal.timeout(5_000) })).text();
    const match = /^passerelle_search_listening (\d+)$/m.exec(body);
    return match ? Number(match[1]) : -1;
  } catch {
    return -1;
  }
}

async function found(app: App, word: string): Promise<boolean> {
  try {
    const res = await fetch(`${app.url}/api/v1/search?q=${word}`, {
      headers: { 'accept-language': 'nl' },
      signal: AbortSignal.timeout(5_000),
    });
    return res.status === 200 && (await res.json()).meta.total > 0;
  } catch {
    return false;
  }
}

/**
 * Adds an organisation with a new word in its name through the database (the change log's triggers
 * notify), and measures for each app how long after the commit a search there finds it: every 50 ms,
 * for at most 30 s (past the 5 s poll, so a slow figure is measured rather than a time-out).
 */
async function freshness(word: string): Promise<Record<string, number>> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    for (const app of apps) expect(await found(app, word)).toBe(false);
    await client.query(
      `insert into organisations (name, kind, description) values ($1, 'citizen_initiative', '{}')`,
      [{ nl: `${word} buurtwerking` }],
    );
  } finally {
    await client.end();
  }
  const committed = performance.now();
  const measured = await Promise.all(
    apps.map(async (app) => {
      while (performance.now() - committed < 30_000) {
        if (await found(app, word)) return [app.name, Math.round(performance.now() - committed)] as const;
        await sleep(50);
      }
      return [app.name, Infinity] as const;
    }),
  );
  return Object.fromEntries(measured);
}

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'passerelle-listen-'));
  // Made (initdb, password, database) the way `npm start` makes it, then run by this file itself on
  // the same port, so that no watcher starts it again while it is meant to be down.
  const embedded = await startEmbeddedDatabase(dataDir);
  databaseUrl = embedded.url;
  port = embedded.lock.pgPort;
  await embedded.stop();
  postgres = await startCluster();
  // The first loads the demo data; the second starts on it once it is there.
  await startApp('A', []);
  await startApp('B', ['--no-demo']);
});

afterAll(async () => {
  for (const app of apps) {
    if (app.proc.exitCode === null && app.proc.signalCode === null) app.proc.kill('SIGKILL');
    await Promise.race([app.exited, sleep(10_000)]);
  }
  await postgres?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

it('finds a change in both processes within 2 s, before and after PostgreSQL is restarted under them', async () => {
  const started = performance.now();
  for (const app of apps) expect(await listening(app)).toBe(1);
  const before = await freshness(newWord('Vooraf'));
  console.log(`freshness before the restart (ms): ${JSON.stringify(before)}`);

  // Fast shutdown ends every session, the listening ones included; nothing answers for 3 s.
  const down = performance.now();
  await postgres!.stop();
  postgres = undefined;
  await sleep(outageMs / 2);
  for (const app of apps) {
    expect(await status(`${app.url}/readyz`)).not.toBe(200);
    expect(await listening(app)).toBe(0);
  }
  await sleep(outageMs / 2);
  postgres = await startCluster();
  const up = performance.now();

  for (const app of apps) await waitForReady(app, 60_000);
  const ready = performance.now();
  // Each listens again within its back-off (at most 10 s between attempts).
  for (const app of apps)
    await until(() => listening(app), 1, 60_000, `${app.name} passerelle_search_listening`);
  const listeningAgain = performance.now();
  console.log(
    `restart: down ${Math.round(up - down)} ms; both ready ${Math.round(ready - up)} ms and ` +
      `both listening ${Math.round(listeningAgain - up)} ms after PostgreSQL was up`,
  );

  const after = await freshness(newWord('Nadien'));
  console.log(`freshness after the restart (ms): ${JSON.stringify(after)}`);
  console.log(`test body took ${Math.round(performance.now() - started)} ms`);

  for (const ms of [...Object.values(before), ...Object.values(after)])
    expect(ms, JSON.stringify({ before, after })).toBeLessThan(freshnessLimitMs);
  for (const app of apps) expect(app.proc.exitCode, app.output()).toBeNull();
});
