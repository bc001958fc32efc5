// The warm search loads of `npm run bench` alone, on a data folder already seeded (50,000 services
// and 50,000 other documents): every distinct query of the mix once, then the query mix, suggest and
// the search page under load, with /healthz as the ceiling of the same run.
//   npx tsx bench/search-loads.ts --dir /some/data [--only mix,suggest,page,healthz] [--duration 10]
//   [--cpu-prof /some/dir] [--no-warm]
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { generateKey } from '../src/shared/field-encryption.ts';
import { searchQueries, searchSequence, suggestPrefixes } from './search-mix.ts';
import { startServer, stopServer, waitUntilReady } from './server-process.ts';

const { values } = parseArgs({
  options: {
    dir: { type: 'string' },
    only: { type: 'string' },
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '50' },
    'cpu-prof': { type: 'string' },
    /** Skips the pass over every distinct query before the loads. */
    'no-warm': { type: 'boolean', default: false },
  },
});
if (!values.dir) throw new Error('--dir DATA_DIR is required');
const duration = Number(values.duration);
const connections = Number(values.connections);

/** Requests per second over `duration` after 2 s of warm-up; paths rotate as bench/run.ts's load. */
async function load(base: string, paths: string[]): Promise<{ rps: number; bad: number }> {
  const run = (seconds: number) =>
    new Promise<autocannon.Result>((resolve, reject) => {
      let i = 0;
      autocannon(
        {
          url: base,
          connections,
          duration: seconds,
          requests: [{ setupRequest: (req) => ({ ...req, path: paths[i++ % paths.length]! }) }],
        },
        (error, result) => (error ? reject(error) : resolve(result)),
      );
    });
  await run(2);
  const result = await run(duration);
  return {
    rps: Math.round(result.requests.total / duration),
    bad: result.errors + result.timeouts + result.non2xx,
  };
}

const profile = values['cpu-prof'];
const server = await startServer(
  values.dir,
  ['--no-demo'],
  { ENCRYPTION_KEYS: generateKey('bench') },
  profile ? ['--cpu-prof', `--cpu-prof-dir=${profile}`] : [],
);
try {
  await waitUntilReady(server.url);
  const queries = searchQueries();
  // As the bench: each distinct query once, one at a time, before the loads.
  if (!values['no-warm'])
    for (const q of queries) await (await fetch(`${server.url}/api/v1/search?${q}`)).arrayBuffer();
  const sequence = searchSequence(queries, 20_000);
  const locales = ['nl', 'fr', 'en'];
  const loads: Record<string, string[]> = {
    healthz: ['/healthz'],
    mix: sequence.map((q) => `/api/v1/search?${q}`),
    suggest: suggestPrefixes(sequence).map(
      (p, i) => `/api/v1/search/suggest?locale=${locales[i % 3]}&q=${encodeURIComponent(p)}`,
    ),
    page: sequence.map((q, i) => `/${locales[i % 3]}/search?${q}`),
  };
  const only = values.only?.split(',') ?? Object.keys(loads);
  console.log(`${queries.length} distinct queries, ${new Set(sequence).size} in the sequence`);
  for (const name of only) {
    const { rps, bad } = await load(server.url, loads[name]!);
    console.log(`${name}: ${rps} req/s, ${bad} errors or non-2xx`);
  }
} finally {
  await stopServer(server);
}
