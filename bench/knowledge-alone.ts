// npm run bench:knowledge [-- --services 5000 --practices 1000 --duration 5 --connections 20 --profile DIR]
// The knowledge part of the bench (knowledge.ts) on its own, at a size given here: the real server
// as a separate process on loopback, a seeded directory, then the library, practice, path list and
// card loads. Prints the figures; writes nothing to bench/results/.
import { startServer, stopServer } from './server-process.ts';
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
const server = await startServer(
  dataDir,
  ['--no-demo'],
  { ENCRYPTION_KEYS: generateKey('bench') },
  values.profile ? ['--cpu-prof', `--cpu-prof-dir=${values.profile}`] : [],
);
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
  await stopServer(server);
  rmSync(dataDir, { recursive: true, force: true });
}
