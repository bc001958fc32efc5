// npx tsx bench/memory.ts [--services 50000 --other 50000 --dir DIR --requests N --node-args "..." --built]
// What the app process's memory is made of: seeds (or reuses, with --dir) a data dir, starts the
// server with a probe preloaded (bench/memory-probe.mjs) that logs process.memoryUsage() every 5 s
// and after a forced full GC, then reads RSS idle, after page and search loads over many distinct
// addresses, and the live heap after a GC at each point. Prints one line per point.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { connectDatabase } from '../src/db/client.ts';
import { runningEmbeddedUrl } from '../src/db/embedded.ts';
import { generateKey } from '../src/shared/field-encryption.ts';
import { searchQueries, searchSequence, suggestPrefixes } from './search-mix.ts';
import { seedDirectory } from './seed-directory.ts';
import { indexedByType, seedOtherKinds, waitUntilTypesIndexed } from './seed-others.ts';
import { type Server, startServer, stopServer, waitUntilReady } from './server-process.ts';

const { values } = parseArgs({
  options: {
    services: { type: 'string', default: '50000' },
    other: { type: 'string' },
    dir: { type: 'string' },
    seconds: { type: 'string', default: '10' },
    /** Each load sends this many requests instead of running --seconds: the same work on a busy machine. */
    requests: { type: 'string' },
    /** Node or V8 options for the server, space-separated (e.g. "--heap-growing-percent=50"). */
    'node-args': { type: 'string', default: '' },
    /** Start the production build (dist/server.js, after `npm run build`) as deployed, not tsx. */
    built: { type: 'boolean', default: false },
    /** After the loads, a heap snapshot next to the probe log (the probe's SIGPWR), to see what holds the heap. */
    'heap-snapshot': { type: 'boolean', default: false },
    /** MALLOC_ARENA_MAX for the server (glibc's malloc arenas); server-process.ts sets 2 as deployed. */
    'malloc-arenas': { type: 'string' },
  },
});
const services = Number(values.services);
const other = Number(values.other ?? values.services);
const seconds = Number(values.seconds);
const requests = values.requests ? Number(values.requests) : undefined;
const keys = generateKey('memory');
const probe = new URL('./memory-probe.mjs', import.meta.url).href;

const nodeArgs = values['node-args'].split(' ').filter(Boolean);
const arenas: Record<string, string> = values['malloc-arenas']
  ? { MALLOC_ARENA_MAX: values['malloc-arenas'] }
  : {};
const start = (dir: string, out: string) =>
  startServer(
    dir,
    ['--no-demo'],
    { ENCRYPTION_KEYS: keys, MEM_PROBE_OUT: out, ...arenas },
    ['--expose-gc', ...nodeArgs, '--import', probe],
    values.built,
  );

function status(pid: number): { rss: number; hwm: number } {
  const s = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (f: string) => Number(new RegExp(`${f}:\\s+(\\d+)`).exec(s)?.[1] ?? 0);
  return { rss: Math.round(kb('VmRSS') / 1024), hwm: Math.round(kb('VmHWM') / 1024) };
}

/** RSS now, then the probe's line after a full GC (live heap, external, array buffers). */
async function point(name: string, server: Server, out: string): Promise<void> {
  const before = status(server.proc.pid!);
  server.proc.kill('SIGWINCH');
  await new Promise((r) => setTimeout(r, 8_000));
  const gcLine = readFileSync(out, 'utf8')
    .trim()
    .split('\n')
    .reverse()
    .find((l) => l.includes(' gc '));
  const after = status(server.proc.pid!);
  console.log(
    `${name}: rss ${before.rss} MB (peak ${before.hwm}), after a full GC rss ${after.rss} MB; ${gcLine ?? ''}`,
  );
}

/** Asks the probe for a heap snapshot and waits (a few minutes at most) for the file it wrote. */
async function heapSnapshot(server: Server, out: string): Promise<string> {
  const lines = () => readFileSync(out, 'utf8').trim().split('\n');
  const before = lines().length;
  server.proc.kill('SIGPWR');
  for (let waited = 0; waited < 300_000; waited += 2_000) {
    await new Promise((r) => setTimeout(r, 2_000));
    const line = lines()
      .slice(before)
      .find((l) => l.includes(' snapshot '));
    if (line) return / snapshot (\S+)/.exec(line)![1]!;
  }
  throw new Error('no heap snapshot after 5 minutes');
}

async function load(base: string, paths: string[]): Promise<number> {
  let i = 0;
  const result = await autocannon({
    url: base,
    connections: 20,
    ...(requests ? { amount: requests } : { duration: seconds }),
    requests: [{ setupRequest: (req) => ({ ...req, path: paths[i++ % paths.length]! }) }],
  });
  return Math.round(result.requests.total / (requests ? result.duration : seconds));
}

async function main(): Promise<void> {
  const dir = values.dir ?? mkdtempSync(join(tmpdir(), 'mem20-'));
  const out = join(dir, 'memory-probe.log');
  let server = await start(dir, out);
  if (!values.dir) {
    const db = connectDatabase(runningEmbeddedUrl(dir)!, { max: 4 });
    const seeded = await seedDirectory(db.db, services);
    const before = await indexedByType(server.url);
    const others = await seedOtherKinds(runningEmbeddedUrl(dir)!, other);
    await db.close();
    await waitUntilTypesIndexed(server.url, {
      service: seeded.services,
      ...Object.fromEntries(Object.entries(others.documents).map(([k, n]) => [k, (before[k] ?? 0) + n])),
    });
    console.log(`seeded ${seeded.services} services and ${JSON.stringify(others.documents)} in ${dir}`);
    await point('first process, index built', server, out);
    // As the bench: a later start reads the snapshot; give the writer its 10 s.
    await new Promise((r) => setTimeout(r, 40_000));
    await stopServer(server);
    server = await start(dir, out);
  }
  try {
    console.log(`ready after ${(await waitUntilReady(server.url)).toFixed(1)} s`);
    await point('idle', server, out);
    const db = connectDatabase(runningEmbeddedUrl(dir)!, { max: 2 });
    const ids = async (table: string) =>
      (await db.pool.query<{ id: string }>(`select id from ${table} order by random() limit 2000`)).rows.map(
        (r) => r.id,
      );
    const orgIds = await ids('organisations');
    const serviceIds = await ids('services');
    await db.close();
    const locales = ['nl', 'fr', 'en'];
    const pages = [
      ...orgIds.map((id, i) => `/${locales[i % 3]}/organisations/${id}`),
      ...serviceIds.map((id, i) => `/${locales[i % 3]}/services/${id}`),
      ...Array.from({ length: 3000 }, (_, i) => `/${locales[i % 3]}/directory?page=${1 + (i % 1000)}`),
      ...Array.from({ length: 2000 }, (_, i) => `/api/v1/services?page=${1 + ((i * 37) % 2500)}&per_page=20`),
    ];
    console.log(`pages at ${pages.length} addresses: ${await load(server.url, pages)} req/s`);
    await point('after pages', server, out);
    const sequence = searchSequence(searchQueries(), 20_000);
    console.log(
      `search API: ${await load(
        server.url,
        sequence.map((q) => `/api/v1/search?${q}`),
      )} req/s`,
    );
    const prefixes = suggestPrefixes(sequence);
    await load(
      server.url,
      prefixes.map((p, i) => `/api/v1/search/suggest?locale=${locales[i % 3]}&q=${encodeURIComponent(p)}`),
    );
    console.log(
      `search page: ${await load(
        server.url,
        sequence.map((q, i) => `/${locales[i % 3]}/search?${q}`),
      )} req/s`,
    );
    await point('after search', server, out);
    if (values['heap-snapshot']) console.log(`heap snapshot: ${await heapSnapshot(server, out)}`);
  } finally {
    await stopServer(server);
  }
  console.log(`data dir kept: ${dir} (probe log ${out})`);
}

await main();
