// npm run bench:knowledge [-- --services 5000 --practices 1000 --duration 5 --connections 20 --profile DIR]
// The knowledge part of the bench (knowledge.ts) on its own, at a size given here: the real server
// as a separate process on loopback, a seeded directory, then the library, practice, path list and
// card loads. Prints the figures; writes nothing to bench/results/.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { connectDatabase } from '../src/db/client.ts';
import { runningEmbeddedUrl } from '../src/db/embedded.ts';
import { generateKey } from '../src/shared/field-encryption.ts';
import { benchKnowledge, knowledgeMarkdown } from './knowledge.ts';
import { latencySummary, type Measured } from './measure.ts';
import { seedDirectory } from './seed-directory.ts';

const root = new URL('..', import.meta.url).pathname;
const { values } = parseArgs({
  options: {
    services: { type: 'string', default: '5000' },
    practices: { type: 'string', default: '1000' },
    paths: { type: 'string', default: '50' },
    duration: { type: 'string', default: '5' },
    connections: { type: 'string', default: '20' },
    /** A folder for the server's CPU profile (node --cpu-prof), written when it stops. */
    profile: { type: 'string' },
  },
});
const duration = Number(values.duration);
const connections = Number(values.connections);

function startServer(
  dataDir: string,
): Promise<{ proc: ChildProcess; url: string; exited: Promise<unknown> }> {
  const profile = values.profile ? ['--cpu-prof', `--cpu-prof-dir=${values.profile}`] : [];
  const proc = spawn(process.execPath, [...profile, '--import', 'tsx', 'src/server.ts', '--no-demo'], {
    cwd: root,
    env: {
      ...process.env,
      DATA_DIR: dataDir,
      PORT: '0',
      LOG_LEVEL: 'warn',
      TILE_URL: '',
      NODE_ENV: 'production',
      PUBLIC_URL: 'http://127.0.0.1',
      ENCRYPTION_KEYS: generateKey('bench'),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise((resolve) => proc.on('exit', resolve));
  let output = '';
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk;
      const match = /running at (http:\/\/\S+)/.exec(output);
      if (match) resolve({ proc, url: match[1]!.replace('localhost', '127.0.0.1'), exited });
    };
    proc.stdout!.on('data', onData);
    proc.stderr!.on('data', (chunk) => (output += chunk));
    proc.on('exit', () => reject(new Error(`server exited before it was ready:\n${output}`)));
  });
}

async function load(name: string, base: string, paths: string[]): Promise<Measured> {
  const run = (seconds: number) =>
    new Promise<{ latencies: number[]; result: autocannon.Result }>((resolve, reject) => {
      const latencies: number[] = [];
      let i = 0;
      const instance = autocannon(
        {
          url: base,
          connections,
          duration: seconds,
          requests: [{ setupRequest: (req) => ({ ...req, path: paths[i++ % paths.length]! }) }],
        },
        (error, result) => (error ? reject(error) : resolve({ latencies, result })),
      );
      instance.on('response', (_c, _s, _b, ms) => latencies.push(ms));
    });
  await run(2);
  const { latencies, result } = await run(duration);
  const measured = {
    name,
    example: paths[0]!,
    requestsPerSecond: Math.round(result.requests.total / duration),
    latencyMs: latencySummary(latencies),
    requests: result.requests.total,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
  console.log(`${name}: ${measured.requestsPerSecond} req/s, p50 ${measured.latencyMs.p50} ms`);
  return measured;
}

async function timeEach(base: string, paths: string[]) {
  const times: number[] = [];
  for (const path of paths) {
    const started = performance.now();
    await (await fetch(`${base}${path}`)).arrayBuffer();
    times.push(performance.now() - started);
  }
  return latencySummary(times);
}

const dataDir = mkdtempSync(join(tmpdir(), 'passerelle-bench-knowledge-'));
const server = await startServer(dataDir);
try {
  const url = runningEmbeddedUrl(dataDir)!;
  const db = connectDatabase(url, { max: 4 });
  const seeded = await seedDirectory(db.db, Number(values.services));
  await db.close();
  console.log(`seeded ${seeded.organisations} organisations and ${seeded.services} services`);
  const k = await benchKnowledge(
    server.url,
    url,
    { load, timeEach },
    { practices: Number(values.practices), paths: Number(values.paths) },
  );
  console.log(knowledgeMarkdown(k).join('\n'));
} finally {
  server.proc.kill('SIGINT');
  await server.exited;
  rmSync(dataDir, { recursive: true, force: true });
}
