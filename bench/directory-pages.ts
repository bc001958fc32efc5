// The directory's busiest public pages at scale (issue 19), next to their targets: the organisation
// and service pages (2,000 requests/s), the directory page and /api/v1/services?page=N (1,000
// requests/s at any page depth), with /healthz as the ceiling of the same run.
//   npx tsx bench/directory-pages.ts -- --services 50000 --duration 10 [--keep bench/tmp/dir50k]
//   [--only organisation,directory] [--distinct 50] [--cpu-prof /some/dir]
// With --keep, the seeded database stays in that folder and a later run with the same folder starts
// on it without seeding again (migrations of the checkout still apply at start).
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { connectDatabase } from '../src/db/client.ts';
import { runningEmbeddedUrl } from '../src/db/embedded.ts';
import { generateKey } from '../src/shared/field-encryption.ts';
import { latencySummary, type Measured } from './measure.ts';
import { seedDirectory } from './seed-directory.ts';
import { startServer, stopServer } from './server-process.ts';

const { values } = parseArgs({
  options: {
    services: { type: 'string', default: '50000' },
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '50' },
    keep: { type: 'string' },
    only: { type: 'string' },
    /** Distinct addresses per route (default: 500 pages, 600 list addresses); fewer shows pages kept warm. */
    distinct: { type: 'string' },
    /** Writes the server's CPU profile into this folder when it stops (node --cpu-prof). */
    'cpu-prof': { type: 'string' },
  },
});
const duration = Number(values.duration);
const connections = Number(values.connections);

async function load(name: string, base: string, paths: string[]): Promise<Measured> {
  const run = (seconds: number, record: boolean) =>
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
      if (record)
        instance.on('response', (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
    });
  await run(2, false);
  const { latencies, result } = await run(duration, true);
  return {
    name,
    example: paths[0]!,
    requestsPerSecond: Math.round(result.requests.total / duration),
    latencyMs: latencySummary(latencies),
    requests: result.requests.total,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}

async function waitUntilIndexed(base: string, services: number): Promise<void> {
  for (;;) {
    const res = await fetch(`${base}/api/v1/search?q=&per_page=1`).catch(() => undefined);
    if (res?.ok && ((await res.json()) as { meta: { total: number } }).meta.total >= services) return;
    await new Promise((r) => setTimeout(r, 500));
  }
}

async function main(): Promise<void> {
  const keep = values.keep;
  const dataDir = keep ?? mkdtempSync(join(tmpdir(), 'passerelle-bench-pages-'));
  const seeded = keep !== undefined && existsSync(join(dataDir, 'postgres'));
  if (keep) mkdirSync(dataDir, { recursive: true });
  const profile = values['cpu-prof'];
  const server = await startServer(
    dataDir,
    ['--no-demo'],
    { ENCRYPTION_KEYS: generateKey('bench') },
    profile ? ['--cpu-prof', `--cpu-prof-dir=${profile}`] : [],
  );
  try {
    const db = connectDatabase(runningEmbeddedUrl(dataDir)!, { max: 4 });
    if (!seeded) {
      const started = performance.now();
      const done = await seedDirectory(db.db, Number(values.services));
      console.log(
        `seeded ${done.organisations} organisations and ${done.services} services in ${((performance.now() - started) / 1000).toFixed(1)} s`,
      );
    }
    const ids = async (table: string) =>
      (await db.pool.query<{ id: string }>(`select id from ${table} order by random() limit 500`)).rows.map(
        (r) => r.id,
      );
    const [orgIds, serviceIds] = [await ids('organisations'), await ids('services')];
    const themes = (await db.pool.query<{ code: string }>('select code from taxonomy_terms')).rows;
    const counts = (
      await db.pool.query<{ o: number; s: number }>(
        `select (select count(*)::int from organisations) as o, (select count(*)::int from services where status = 'active') as s`,
      )
    ).rows[0]!;
    await db.close();
    await waitUntilIndexed(server.url, counts.s);
    console.log(`${counts.o} organisations, ${counts.s} services, index ready`);

    const locales = ['nl', 'fr', 'en'];
    const spread = (n: number, f: (i: number) => string) => Array.from({ length: n }, (_, i) => f(i));
    const orgPages = Math.max(1, Math.floor(counts.o / 20));
    const servicePages = Math.max(1, Math.floor(counts.s / 20));
    const routes: { name: string; target?: number; paths: string[] }[] = [
      { name: '/healthz (ceiling)', paths: ['/healthz'] },
      {
        name: 'organisation page',
        target: 2000,
        paths: orgIds.map((id, i) => `/${locales[i % 3]}/organisations/${id}`),
      },
      {
        name: 'service page',
        target: 2000,
        paths: serviceIds.map((id, i) => `/${locales[i % 3]}/services/${id}`),
      },
      {
        // Every depth: pages spread over the whole list, a theme, a commune with pages.
        name: 'directory page (any depth)',
        target: 1000,
        paths: spread(600, (i) => {
          const locale = locales[i % 3];
          if (i % 3 === 0) return `/${locale}/directory?page=${1 + ((i * 97) % orgPages)}`;
          if (i % 3 === 1) return `/${locale}/directory?theme=${themes[i % themes.length]!.code}`;
          return `/${locale}/directory?commune=210${String(1 + (i % 19)).padStart(2, '0')}&page=${1 + (i % 30)}`;
        }),
      },
      {
        name: '/api/v1/services?page=N (any depth)',
        target: 1000,
        paths: spread(600, (i) => `/api/v1/services?page=${1 + ((i * 37) % servicePages)}&per_page=20`),
      },
    ];
    const only = values.only?.split(',');
    const distinct = values.distinct ? Number(values.distinct) : undefined;
    if (distinct) for (const route of routes) route.paths = route.paths.slice(0, distinct);
    const results: (Measured & { target?: number })[] = [];
    for (const route of routes) {
      if (only && route.target && !only.some((o) => route.name.includes(o))) continue;
      const measured = await load(route.name, server.url, route.paths);
      console.log(`${route.name}: ${measured.requestsPerSecond} req/s, p95 ${measured.latencyMs.p95} ms`);
      results.push({ ...measured, target: route.target });
    }
    const ceiling = results[0]!.requestsPerSecond;
    console.log(
      `\n${counts.o} organisations, ${counts.s} services, ${connections} connections, ${duration} s per route\n`,
    );
    console.log(
      '| route | req/s | target | p50 ms | p95 ms | p99 ms | ratio to /healthz | errors, non-2xx |',
    );
    console.log('|---|---:|---:|---:|---:|---:|---:|---:|');
    for (const r of results) {
      const met = r.target ? (r.requestsPerSecond >= r.target ? ' ✓' : ' ✗') : '';
      console.log(
        `| ${r.name} | ${r.requestsPerSecond} | ${r.target ? `≥ ${r.target}${met}` : '—'} | ${r.latencyMs.p50} | ${r.latencyMs.p95} | ${r.latencyMs.p99} | ${Math.round((r.requestsPerSecond / ceiling) * 1000) / 1000} | ${r.errors}, ${r.non2xx} |`,
      );
    }
  } finally {
    await stopServer(server);
    if (!keep) rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
