// Where an uncached search's time goes: the app in this process on an existing data dir, every
// distinct query of the bench's mix once through /api/v1/search (app.inject, nothing cached), timed
// one by one, with the event loop's longest delay (1 ms resolution) and, with --profile FILE, a CPU
// profile of the query pass alone (not the start). Usage:
//   npx tsx bench/uncached-profile.ts DATA_DIR [--profile out.cpuprofile] [--settle ms] [--seed-others N]
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { openDatabase } from '../src/db/open-database.ts';
import { generateKey } from '../src/shared/field-encryption.ts';
import { searchQueries } from './search-mix.ts';
import { seedOtherKinds } from './seed-others.ts';

const [dataDir, ...rest] = process.argv.slice(2);
const option = (name: string) => {
  const i = rest.indexOf(name);
  return i >= 0 ? rest[i + 1] : undefined;
};
const profileFile = option('--profile');
Object.assign(process.env, {
  DATA_DIR: dataDir,
  NODE_ENV: 'production',
  LOG_LEVEL: 'warn',
  PUBLIC_URL: 'http://127.0.0.1',
  TILE_URL: '',
  ENCRYPTION_KEYS: process.env.ENCRYPTION_KEYS ?? generateKey('x'),
});
const config = loadConfig(process.env, ['--no-demo']);
const database = await openDatabase(config, { poolSize: 20 });
// Once per data dir: the other kinds next to the directory (bench/seed-others.ts).
const others = Number(option('--seed-others') ?? 0);
if (others) console.log(JSON.stringify(await seedOtherKinds(database.embedded!.url, others)));
const app = await buildApp(config, database);
const started = performance.now();
while ((await app.inject('/readyz')).statusCode !== 200) await new Promise((r) => setTimeout(r, 100));
console.log(`ready after ${((performance.now() - started) / 1000).toFixed(1)} s`);
const types = (await app.inject('/api/v1/search?per_page=1')).json().facets?.type;
console.log(`indexed by type: ${JSON.stringify(types)}`);
// Let what follows a start (a snapshot write, lists) pass.
await new Promise((r) => setTimeout(r, Number(option('--settle') ?? 15_000)));

const queries = searchQueries();
const session = new Session();
if (profileFile) {
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 200 });
  await session.post('Profiler.start');
}
const loop = monitorEventLoopDelay({ resolution: 1 });
loop.enable();
const times: { q: string; ms: number; cpu: number }[] = [];
for (const q of queries) {
  const t = performance.now();
  const cpu = process.cpuUsage();
  const res = await app.inject(`/api/v1/search?${q}`);
  const used = process.cpuUsage(cpu);
  times.push({ q, ms: performance.now() - t, cpu: (used.user + used.system) / 1000 });
  if (res.statusCode !== 200 && res.statusCode !== 400) console.log(res.statusCode, q);
  await new Promise((r) => setImmediate(r));
}
loop.disable();
if (profileFile) {
  const { profile } = await session.post('Profiler.stop');
  writeFileSync(profileFile, JSON.stringify(profile));
}
const summary = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!.toFixed(1);
  return `p50 ${at(0.5)} p95 ${at(0.95)} p99 ${at(0.99)} max ${at(1)} ms`;
};
// CPU time per query as well: on a shared machine wall time mostly measures the others.
console.log(
  `${queries.length} queries: wall ${summary(times.map((t) => t.ms))}; CPU ${summary(times.map((t) => t.cpu))}; ` +
    `longest event-loop delay ${(loop.max / 1e6).toFixed(1)} ms`,
);
for (const { q, ms, cpu } of times.sort((a, b) => b.cpu - a.cpu).slice(0, 25))
  console.log(`${ms.toFixed(1)} ms wall, ${cpu.toFixed(1)} ms CPU: ${q}`);
await app.close();
await database.close();
