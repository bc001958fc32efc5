// The glossary phase of the bench alone, on an existing data folder of the bench's size:
//   npx tsx bench/glossary-alone.ts DATA_DIR [--processes 2] [--concepts 3000] [--cpu-prof] [--seconds 10]
// Removes the bench concepts a previous run left, starts the app process(es), seeds the concepts,
// times how long until each process understands the last one, then loads the glossary's list, its
// search and a concept's page (autocannon, 50 connections), each `seconds` long.
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { connectDatabase } from '../src/db/client.ts';
import { runningEmbeddedUrl } from '../src/db/embedded.ts';
import { generateKey } from '../src/shared/field-encryption.ts';
import { seedConcepts, understoodAfter } from './glossary.ts';
import { latencySummary } from './measure.ts';
import { startServer, stopServer, waitUntilReady } from './server-process.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    processes: { type: 'string', default: '2' },
    concepts: { type: 'string', default: '3000' },
    seconds: { type: 'string', default: '10' },
    'cpu-prof': { type: 'boolean', default: false },
  },
});
const dataDir = positionals[0]!;
const keys = generateKey('bench');
const seconds = Number(values.seconds);

async function load(name: string, base: string, paths: string[]) {
  let i = 0;
  const latencies: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: base,
        connections: 50,
        duration: seconds,
        requests: [{ setupRequest: (req) => ({ ...req, path: paths[i++ % paths.length]! }) }],
      },
      (error, r) => (error ? reject(error) : resolve(r)),
    );
    instance.on('response', (_c, _s, _b, ms) => latencies.push(ms));
  });
  const l = latencySummary(latencies);
  console.log(
    `${name}: ${Math.round(result.requests.total / seconds)} req/s, p50 ${l.p50} p95 ${l.p95} p99 ${l.p99} ms, ` +
      `errors ${result.errors} timeouts ${result.timeouts} non2xx ${result.non2xx}; load ${(
        await import('node:os')
      )
        .loadavg()
        .map((x) => x.toFixed(2))
        .join(' ')}`,
  );
}

const nodeArgs = values['cpu-prof'] ? ['--cpu-prof', '--cpu-prof-dir=/tmp/gloss21-prof'] : [];
const first = await startServer(dataDir, ['--no-demo'], { ENCRYPTION_KEYS: keys }, nodeArgs);
const url = runningEmbeddedUrl(dataDir)!;
const db = connectDatabase(url, { max: 4 });
const servers = [first];
try {
  console.log(`first ready after ${(await waitUntilReady(first.url)).toFixed(1)} s (pid ${first.proc.pid})`);
  for (let p = 1; p < Number(values.processes); p++) {
    const s = await startServer(`/tmp/gloss21-extra-${p}`, ['--no-demo'], {
      ENCRYPTION_KEYS: keys,
      DATABASE_URL: url,
    });
    servers.push(s);
    console.log(
      `process ${p + 1} ready after ${(await waitUntilReady(s.url)).toFixed(1)} s (pid ${s.proc.pid})`,
    );
  }
  // The snapshot written after a start that built the index (its glossary edition had changed).
  for (let t = 0; t < 300; t++) {
    const { rows } = await db.pool.query<{ n: number }>(
      `select count(*)::int as n from search_snapshots where made_at > now() - interval '10 minutes'`,
    );
    if (rows[0]!.n > 0) break;
    await new Promise((r) => setTimeout(r, 1_000));
  }
  console.log('snapshot written');
  const started = performance.now();
  const { concepts, lastWord } = await seedConcepts(db, Number(values.concepts));
  console.log(`${concepts} concepts, seeded in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  const since = performance.now();
  const understood = await Promise.all(servers.map((s) => understoodAfter(s.url, lastWord!, since)));
  console.log(`last concept understood after ${understood.map((ms) => Math.round(ms)).join(', ')} ms`);
  await new Promise((r) => setTimeout(r, 15_000));
  const slugs = (
    await db.pool.query<{ slug: string }>('select slug from glossary_concepts order by random() limit 300')
  ).rows.map((r) => r.slug);
  const locales = ['nl', 'fr', 'en'];
  const base = first.url;
  await load(
    'list',
    base,
    Array.from({ length: 60 }, (_, i) => `/${locales[i % 3]}/glossary?page=${1 + (i % 60)}`),
  );
  await load(
    'search',
    base,
    ['ocmw', 'cpas', 'leef', 'schuld', 'proefbegrip 12', 'notion d', 'huis', 'asile'].map(
      (q, i) => `/${locales[i % 3]}/glossary?q=${encodeURIComponent(q)}`,
    ),
  );
  await load(
    'concept',
    base,
    slugs.map((s, i) => `/${locales[i % 3]}/glossary/${s}`),
  );
  // A new word through the database (as the moderator's form would save it), understood by each process.
  for (let i = 1; i <= 3; i++) {
    const word = `benchsynoniem${Date.now() % 100000} ${i}`;
    await db.pool.query(
      `insert into glossary_labels (concept_id, language, kind, text, folded, position)
       select id, 'nl', 'synonym', $1, $2, 9 from glossary_concepts where slug = 'schuldbemiddeling'`,
      [word, word.toLowerCase()],
    );
    await db.pool.query(
      `insert into glossary_versions (concept_id, version, note, state)
       select id, (select max(version) + 1 from glossary_versions v where v.concept_id = c.id), 'gloss21 bench change', '{}'::jsonb
       from glossary_concepts c where slug = 'schuldbemiddeling'`,
    );
    await db.pool.query(`select pg_notify('glossary_changed', '')`);
    const t = performance.now();
    const ms = await Promise.all(servers.map((s) => understoodAfter(s.url, word, t)));
    console.log(`change ${i} understood after ${ms.map((x) => Math.round(x)).join(', ')} ms`);
  }
} finally {
  await db.pool.query(
    `with c as (select id from glossary_concepts where slug like 'bench-concept-%'),
     l as (delete from glossary_labels where concept_id in (select id from c)),
     v as (delete from glossary_versions where concept_id in (select id from c))
     select 1`,
  );
  await db.pool.query(`delete from glossary_concepts where slug like 'bench-concept-%'`);
  await db.pool.query(`delete from glossary_labels where text like 'benchsynoniem%'`);
  await db.pool.query(`delete from glossary_versions where note = 'gloss21 bench change'`);
  await db.close();
  for (const s of servers.reverse()) await stopServer(s);
}
