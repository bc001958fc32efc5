// The real server as a separate process on loopback, as the benches start and stop it: resolved
// once it prints the address it listens on.
import { type ChildProcess, spawn } from 'node:child_process';

const root = new URL('..', import.meta.url).pathname;

export interface Server {
  proc: ChildProcess;
  url: string;
  readySeconds: number;
  exited: Promise<number | null>;
}

export async function startServer(
  dataDir: string,
  args: string[] = [],
  env: Record<string, string> = {},
  /** Node's own options, e.g. --cpu-prof to see where a page's time goes. */
  nodeArgs: string[] = [],
  /** Start the production build (`npm run build`, dist/server.js) as a deployment does, not tsx. */
  built = false,
): Promise<Server> {
  const started = performance.now();
  const entry = built ? ['dist/server.js'] : ['--import', 'tsx', 'src/server.ts'];
  const proc = spawn(process.execPath, [...nodeArgs, ...entry, ...args], {
    cwd: root,
    env: {
      ...process.env,
      DATA_DIR: dataDir,
      PORT: '0',
      LOG_LEVEL: 'warn',
      TILE_URL: '',
      NODE_ENV: 'production',
      PUBLIC_URL: 'http://127.0.0.1',
      // As the deployment files set it (Dockerfile, deploy/passerelle.service, compose.yaml).
      MALLOC_ARENA_MAX: '2',
      MALLOC_MMAP_THRESHOLD_: '131072',
      MALLOC_TRIM_THRESHOLD_: '131072',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<number | null>((resolve) => proc.on('exit', resolve));
  let output = '';
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk;
      const match = /running at (http:\/\/\S+)/.exec(output);
      if (match) {
        proc.stdout!.off('data', onData);
        resolve({
          proc,
          url: match[1]!.replace('localhost', '127.0.0.1'),
          readySeconds: (performance.now() - started) / 1000,
          exited,
        });
      }
    };
    proc.stdout!.on('data', onData);
    proc.stderr!.on('data', (chunk) => (output += chunk));
    proc.on('exit', () => reject(new Error(`server exited before it was ready:\n${output}`)));
  });
}

export async function stopServer(server: Server): Promise<number> {
  const started = performance.now();
  server.proc.kill('SIGINT');
  await server.exited;
  return (performance.now() - started) / 1000;
}

/** Waits until the server's /readyz says ready (its search index built); the seconds it took. */
export async function waitUntilReady(url: string, timeoutMs = 600_000): Promise<number> {
  const started = performance.now();
  while (performance.now() - started < timeoutMs) {
    const res = await fetch(`${url}/readyz`, { signal: AbortSignal.timeout(2_000) }).catch(() => null);
    if (res?.ok) return (performance.now() - started) / 1000;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} was not ready after ${timeoutMs / 1000} s`);
}
