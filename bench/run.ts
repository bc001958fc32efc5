// npm run bench [-- --services 50000 --other 50000 --duration 10 --connections 50 --signals 1000000 --answers 200000]
// Starts the real server as a separate process on loopback, measures cold and warm start, seeds a
// large multilingual directory and as many documents of the other searchable kinds (--other, 0 for
// none; seed-others.ts), loads each route with autocannon and writes the figures to
// bench/results/, then does the same for the evidence cube over a million need signals. Targets
// are in the issues; nothing here asserts them.
import { execSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import type { Pool } from 'pg';
import { connectDatabase } from '../src/db/client.ts';
import { runningEmbeddedUrl } from '../src/db/embedded.ts';
import { LiveSearchIndex } from '../src/modules/search/live-index.ts';
import type { RelevanceReport } from '../src/modules/directory/search/relevance.ts';
import {
  importRealOrganisations,
  measureRelevance as runRelevanceSet,
} from '../src/modules/directory/search/relevance-run.ts';
import { searchQueries, searchSequence, suggestPrefixes } from './search-mix.ts';
import { compareSearchTechniques, type SearchTechniques } from './search-techniques.ts';
import { seedDirectory } from './seed-directory.ts';
import {
  indexedByType,
  otherKindsMarkdown,
  type OtherSeed,
  seedOtherKinds,
  waitUntilTypesIndexed,
} from './seed-others.ts';
import { latencySummary, type Measured, round2 } from './measure.ts';
import { benchReferrals, type WriteResult } from './referrals.ts';
import { benchSpaces, type SpacesBench, spacesMarkdown } from './spaces.ts';
import { benchNetwork, type NetworkBench, networkMarkdown } from './network.ts';
import { generateKey } from '../src/shared/field-encryption.ts';
import { directorySearchSource } from '../src/modules/directory/search/directory-source.ts';
import { benchEvidence, type EvidenceBench } from './evidence.ts';
import { benchGlossary, type GlossaryBench, glossaryMarkdown } from './glossary.ts';
import { benchKnowledge, type KnowledgeBench, knowledgeMarkdown } from './knowledge.ts';
import { benchExchangePages, type ExchangeBench, exchangeMarkdown } from './exchange-pages.ts';
import { measureRestarts, type Restart, restartsMarkdown } from './restarts.ts';
import { startServer as startProcess, stopServer, waitUntilReady } from './server-process.ts';
import { type Freshness, measureFreshness } from './freshness.ts';
import {
  indexedDocuments,
  longestEventLoopDelayMs,
  resetEventLoop,
  type Target,
  targetsMarkdown,
} from './targets.ts';
import { type MemoryWatch, type PhaseMemory, watchMemory } from './memory-watch.ts';

const root = new URL('..', import.meta.url).pathname;
const { values } = parseArgs({
  options: {
    services: { type: 'string', default: '50000' },
    /** Documents of the other searchable kinds; as many as the services unless given. */
    other: { type: 'string' },
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '50' },
    signals: { type: 'string', default: '1000000' },
    answers: { type: 'string', default: '200000' },
  },
});
const targetServices = Number(values.services);
const targetOther = Number(values.other ?? values.services);
const sum = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);
const duration = Number(values.duration);
const connections = Number(values.connections);

/** One key for every server of this run, as production has one. */
const benchKeys = generateKey('bench');
const startServer = (dataDir: string, args: string[] = [], env: Record<string, string> = {}) =>
  startProcess(dataDir, args, { ENCRYPTION_KEYS: benchKeys, ...env });
/** The production build (node dist/server.js), as a deployment runs it: every figure at scale comes from it. */
const startBuilt = (dataDir: string, args: string[] = [], env: Record<string, string> = {}) =>
  startProcess(dataDir, args, { ENCRYPTION_KEYS: benchKeys, ...env }, [], true);

function memoryOf(pid: number): { rssMb: number; peakRssMb: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return { rssMb: Math.round(kb('VmRSS') / 1024), peakRssMb: Math.round(kb('VmHWM') / 1024) };
}

/** The idle RSS is taken this long after the suggestions are made, and again `idleLaterMs` after. */
const idleSettleMs = 5_000;
const idleLaterMs = 40_000;

/** Waits until the server says its search suggestions are made (/metrics), made after /readyz. */
async function waitUntilSuggestionsReady(url: string, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const text = await (await fetch(`${url}/metrics`)).text();
    if (/^passerelle_search_suggestions_ready 1$/m.test(text)) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`the server's suggestions were not made after ${timeoutMs / 1000} s`);
}

/** Waits until the search snapshot in PostgreSQL holds at least `documents` documents. */
async function waitForSnapshot(pool: Pool, documents: number, timeoutMs = 300_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const { rows } = await pool.query<{ n: string | null }>(
      'select sum(documents) as n from search_snapshots',
    );
    if (Number(rows[0]?.n ?? 0) >= documents) return;
    await new Promise((r) => setTimeout(r, 1_000));
  }
  throw new Error(`the search snapshot did not reach ${documents} documents`);
}

interface LoadResult extends Measured {
  ratioToHealthz?: number;
  /** The served process's highest RSS during this load. */
  maxRssMb?: number;
}

/** The served process's RSS per phase, while the loads run against it. */
let memoryWatch: MemoryWatch | undefined;

/** Loads one route for `duration` seconds after a short warm-up; paths rotate through `paths`. */
async function load(name: string, base: string, paths: string[]): Promise<LoadResult> {
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
  memoryWatch?.enter(name);
  await run(2, false);
  const { latencies, result } = await run(duration, true);
  const requestsPerSecond = Math.round(result.requests.total / duration);
  const maxRssMb = memoryWatch?.phaseMaxMb();
  memoryWatch?.enter(`after ${name}`);
  // As it comes: a run that stops later still shows what it measured.
  console.log(
    `${name}: ${requestsPerSecond} req/s, ${result.errors + result.timeouts + result.non2xx} errors` +
      (maxRssMb ? `, RSS at most ${maxRssMb} MB` : ''),
  );
  return {
    name,
    example: paths[0]!,
    requestsPerSecond,
    latencyMs: latencySummary(latencies),
    requests: result.requests.total,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    maxRssMb,
  };
}

async function main(): Promise<void> {
  const dirs: string[] = [];
  const temp = () => {
    const dir = mkdtempSync(join(tmpdir(), 'passerelle-bench-'));
    dirs.push(dir);
    return dir;
  };
  try {
    // Start-up as a newcomer sees it: an empty folder, then the same folder again.
    const startDir = temp();
    const cold = await startServer(startDir);
    const relevance = await measureRelevance(startDir);
    console.log(
      `relevance: MRR ${relevance.mrr}, P@5 ${relevance.precisionAt5} over ${relevance.queries} queries`,
    );
    const coldStop = await stopServer(cold);
    const warm = await startServer(startDir);
    // The real organisations of the City of Brussels list next to the demo data, once the warm
    // start is measured.
    const realRelevance = await measureRelevance(startDir, 'real-relevance-set.json');
    console.log(
      `real relevance: MRR ${realRelevance.mrr}, P@5 ${realRelevance.precisionAt5} over ${realRelevance.queries} queries`,
    );
    await stopServer(warm);
    console.log(`cold start ${cold.readySeconds.toFixed(2)} s, warm start ${warm.readySeconds.toFixed(2)} s`);

    // A large directory for the load tests, served by the production build as deployed (`npm start`,
    // tsx, is the newcomer's path measured above).
    execSync('npm run build', { cwd: root, stdio: 'ignore' });
    const dataDir = temp();
    let server = await startBuilt(dataDir, ['--no-demo']);
    const db = connectDatabase(runningEmbeddedUrl(dataDir)!, { max: 4 });
    const seedStarted = performance.now();
    const seeded = await seedDirectory(db.db, targetServices);
    const seedSeconds = (performance.now() - seedStarted) / 1000;
    console.log(
      `seeded ${seeded.organisations} organisations and ${seeded.services} services in ${seedSeconds.toFixed(1)} s`,
    );
    // The other kinds next to them, before every search, memory and restart figure.
    const before = await indexedByType(server.url);
    const others = await seedOtherKinds(runningEmbeddedUrl(dataDir)!, targetOther);
    console.log(
      `seeded ${Object.entries(others.documents)
        .map(([kind, n]) => `${n} ${kind}s`)
        .join(', ')} (${others.answers} answers) in ${others.seconds} s`,
    );
    const orgIds = (
      await db.pool.query<{ id: string }>('select id from organisations order by random() limit 500')
    ).rows.map((r) => r.id);
    const serviceIds = (
      await db.pool.query<{ id: string }>('select id from services order by random() limit 500')
    ).rows.map((r) => r.id);
    const themes = (await db.pool.query<{ code: string }>('select code from taxonomy_terms')).rows.map(
      (r) => r.code,
    );

    const indexStarted = performance.now();
    const indexed = await waitUntilTypesIndexed(server.url, {
      service: seeded.services,
      ...Object.fromEntries(Object.entries(others.documents).map(([k, n]) => [k, (before[k] ?? 0) + n])),
    });
    const indexSeconds = (performance.now() - indexStarted) / 1000;
    console.log(
      `the server's search index caught up with the seeded documents in ${indexSeconds.toFixed(1)} s: ${JSON.stringify(indexed)}`,
    );
    // Restarts on exactly the seeded network (the issue's scale), once the search snapshot a later
    // start loads holds every seeded document. The first process's peak (its full build) counts.
    await waitForSnapshot(db.pool, seeded.services + sum(others.documents));
    await db.close();
    const builtPeakMb = memoryOf(server.proc.pid!).peakRssMb;
    await stopServer(server);
    const restarts = await measureRestarts(() => startBuilt(dataDir, ['--no-demo']), stopServer);
    console.log(restartsMarkdown(seeded.services, restarts, sum(others.documents), true));
    server = await startBuilt(dataDir, ['--no-demo']);
    await waitUntilReady(server.url);
    // Idle as it stays: once the suggestions made after ready are there (their making's garbage
    // included), then 5 s more, and 40 s later again (V8's memory reducer may run meanwhile).
    await waitUntilSuggestionsReady(server.url);
    await new Promise((r) => setTimeout(r, idleSettleMs));
    const idle = memoryOf(server.proc.pid!);
    await new Promise((r) => setTimeout(r, idleLaterMs));
    const idleLater = memoryOf(server.proc.pid!);
    memoryWatch = watchMemory(server.proc.pid!);
    const pages = (n: number, f: (i: number) => string) => Array.from({ length: n }, (_, i) => f(i));
    const locales = ['nl', 'fr', 'en'];
    const results: LoadResult[] = [];
    // The longest event-loop delay of each phase below (the index build before is not counted).
    await resetEventLoop(server.url);
    results.push(await load('/healthz (ceiling)', server.url, ['/healthz']));
    results.push(
      await load(
        '/api/v1/services?page=N',
        server.url,
        pages(200, (i) => `/api/v1/services?page=${1 + ((i * 37) % 2000)}&per_page=20`),
      ),
    );
    results.push(
      await load(
        '/api/v1/services/:id',
        server.url,
        serviceIds.map((id) => `/api/v1/services/${id}`),
      ),
    );
    results.push(
      await load(
        'organisation page',
        server.url,
        orgIds.map((id, i) => `/${locales[i % 3]}/organisations/${id}`),
      ),
    );
    results.push(
      await load(
        'service page',
        server.url,
        serviceIds.map((id, i) => `/${locales[i % 3]}/services/${id}`),
      ),
    );
    results.push(
      await load(
        'directory page',
        server.url,
        pages(300, (i) => {
          const locale = locales[i % 3];
          if (i % 3 === 0) return `/${locale}/directory?page=${1 + (i % 40)}`;
          if (i % 3 === 1) return `/${locale}/directory?theme=${themes[i % themes.length]}`;
          return `/${locale}/directory?commune=210${String(1 + (i % 19)).padStart(2, '0')}&page=${1 + (i % 5)}`;
        }),
      ),
    );
    results.push(await load('home page', server.url, ['/nl/', '/fr/', '/en/']));
    const loopPagesMs = await longestEventLoopDelayMs(server.url);

    // Search: first every distinct query once, one at a time (nothing cached: the engine's own
    // cost), then the long-tail mix under load.
    const queries = searchQueries();
    memoryWatch.enter('uncached search');
    const uncached = await timeEach(
      server.url,
      queries.map((q) => `/api/v1/search?${q}`),
    );
    const loopUncachedMs = await longestEventLoopDelayMs(server.url);
    console.log(
      `uncached search over ${queries.length} distinct queries: p50 ${uncached.p50} ms, p95 ${uncached.p95} ms, longest event-loop delay ${loopUncachedMs} ms`,
    );
    const sequence = searchSequence(queries, 20_000);
    results.push(
      await load(
        '/api/v1/search (query mix)',
        server.url,
        sequence.map((q) => `/api/v1/search?${q}`),
      ),
    );
    const prefixes = suggestPrefixes(sequence);
    results.push(
      await load(
        '/api/v1/search/suggest',
        server.url,
        prefixes.map((p, i) => `/api/v1/search/suggest?locale=${locales[i % 3]}&q=${encodeURIComponent(p)}`),
      ),
    );
    results.push(
      await load(
        'search page (HTML)',
        server.url,
        sequence.map((q, i) => `/${locales[i % 3]}/search?${q}`),
      ),
    );
    const loopSearchMs = await longestEventLoopDelayMs(server.url);
    // Writes last: they add rows the reads above should not see.
    const writes = await benchReferrals(server.url, runningEmbeddedUrl(dataDir)!, {
      connections: Math.min(connections, 20),
      seconds: duration,
    });
    for (const w of writes) console.log(`${w.name}: ${w.requestsPerSecond} req/s, p95 ${w.latencyMs.p95} ms`);
    // The highest RSS of the served process so far, every phase on the issue's network (the seeded
    // services and as many other documents: issue 19's scale with --services 50000); the benches
    // below seed their own issues' scales on top (some 185,000 documents more).
    const atIssueScalePeakMb = memoryOf(server.proc.pid!).peakRssMb;
    const spaces = await benchSpaces(
      server.url,
      runningEmbeddedUrl(dataDir)!,
      { load, timeEach },
      { connections: Math.min(connections, 20), seconds: duration },
    );
    const network = await benchNetwork(
      server.url,
      runningEmbeddedUrl(dataDir)!,
      { load, timeEach },
      { connections: Math.min(connections, 20) },
    );
    // A second app process on the same database, as a deployment with two would run: a moderator's
    // change to the glossary must reach the search of both.
    const second = await startBuilt(temp(), ['--no-demo'], { DATABASE_URL: runningEmbeddedUrl(dataDir)! });
    // Its index of everything seeded so far is built before the glossary's change is timed.
    console.log(`second process ready after ${(await waitUntilReady(second.url)).toFixed(1)} s`);
    let glossary: GlossaryBench;
    let freshness: Freshness;
    try {
      glossary = await benchGlossary([server.url, second.url], runningEmbeddedUrl(dataDir)!, {
        load,
        timeEach,
      });
      // A change to a service, found by the search of both processes.
      freshness = await measureFreshness([server.url, second.url], runningEmbeddedUrl(dataDir)!);
      console.log(
        `two processes: a change found by both after ${freshness.medianMs} ms (median), ${freshness.maxMs} ms at most`,
      );
    } finally {
      await stopServer(second);
    }
    const knowledge = await benchKnowledge(server.url, runningEmbeddedUrl(dataDir)!, { load, timeEach });
    const exchange = await benchExchangePages(server.url, runningEmbeddedUrl(dataDir)!, { load });
    const loaded = memoryOf(server.proc.pid!);
    // Both techniques on the same queries and data, after the loads so they do not disturb them.
    const techniques = await compareSearchTechniques(runningEmbeddedUrl(dataDir)!, queries);
    console.log(`search techniques: ${JSON.stringify(techniques)}`);
    // The evidence cube last: its million signals would weigh on every load above.
    const evidenceDb = connectDatabase(runningEmbeddedUrl(dataDir)!, { max: 2 });
    const evidence = await benchEvidence(
      server.url,
      evidenceDb.pool,
      { load, timeEach },
      { signals: Number(values.signals), answers: Number(values.answers) },
    );
    await evidenceDb.close();
    const withEvidence = memoryOf(server.proc.pid!);
    // What the whole bench's peak was measured on.
    const endDocuments = await indexedDocuments(server.url);
    const phasesMemory: PhaseMemory[] = memoryWatch.stop();
    memoryWatch = undefined;
    await stopServer(server);

    const ceiling = results[0]!.requestsPerSecond;
    for (const r of [
      ...results.slice(1),
      ...evidence.loads,
      spaces.search,
      spaces.booking,
      network.agenda,
      network.question,
      network.questionSearch,
      network.register,
      glossary.list,
      glossary.search,
      glossary.concept,
      knowledge.library,
      knowledge.practice,
      knowledge.pathList,
      knowledge.card,
      exchange.board,
      exchange.calendar,
    ])
      r.ratioToHealthz = Math.round((r.requestsPerSecond / ceiling) * 1000) / 1000;

    const commit = execSync('git rev-parse --short HEAD', { cwd: root }).toString().trim();
    const report = {
      date: new Date().toISOString(),
      commit,
      machine: {
        cpus: cpus().length,
        cpu: cpus()[0]?.model,
        memoryGb: Math.round(totalmem() / 2 ** 30),
        node: process.version,
      },
      settings: {
        connections,
        durationSeconds: duration,
        services: seeded.services,
        organisations: seeded.organisations,
        otherDocuments: others.documents,
        otherAnswers: others.answers,
      },
      startup: {
        coldStartSeconds: round2(cold.readySeconds),
        warmStartSeconds: round2(warm.readySeconds),
        stopSeconds: round2(coldStop),
        seedSeconds: round2(seedSeconds),
        otherSeedSeconds: others.seconds,
      },
      restarts,
      serverMemory: {
        idleRssMb: idle.rssMb,
        idleLaterRssMb: idleLater.rssMb,
        afterLoadRssMb: loaded.rssMb,
        withEvidenceRssMb: withEvidence.rssMb,
        peakRssMb: Math.max(builtPeakMb, withEvidence.peakRssMb),
        // Apart, to tell which sets the peak: the first process building the index from the seeded
        // tables (and writing its snapshot), or the restarted one serving the loads.
        builtPeakRssMb: builtPeakMb,
        // At the issue's scale only: the first process (taking in the seeded data), and the served
        // one's loads before the other benches seed (the restarts' processes are not read).
        issueScalePeakRssMb: Math.max(builtPeakMb, atIssueScalePeakMb),
        servedPeakRssMb: withEvidence.peakRssMb,
        endDocuments,
        // Which phase sets it: the highest RSS sampled in each (every 100 ms).
        phases: phasesMemory,
      },
      search: {
        distinctQueries: queries.length,
        indexCatchUpSeconds: round2(indexSeconds),
        /** Documents of each type in the server's index once it held everything seeded. */
        indexedByType: indexed,
        uncachedLatencyMs: uncached,
        eventLoopMaxMs: { pages: loopPagesMs, uncachedSearch: loopUncachedMs, searchLoads: loopSearchMs },
        twoProcessFreshness: freshness,
        techniques,
        relevance,
        realRelevance,
      },
      results,
      writes,
      evidence,
      spaces,
      network,
      glossary,
      knowledge,
      exchange,
    };
    const dir = join(root, 'bench/results');
    mkdirSync(dir, { recursive: true });
    const stamp = report.date.slice(0, 16).replace(/[:T]/g, '-');
    writeFileSync(join(dir, `directory-${stamp}.json`), `${JSON.stringify(report, null, 2)}\n`);
    writeFileSync(join(dir, 'latest.md'), markdown(report));
    console.log(markdown(report));
  } finally {
    // After a failure the servers may still be stopping: a folder left behind must not hide the error.
    for (const dir of dirs)
      try {
        rmSync(dir, { recursive: true, force: true });
      } catch (error) {
        console.error(`could not remove ${dir}: ${String(error)}`);
      }
  }
}

/** Latency of each path requested once, one after the other. */
async function timeEach(
  base: string,
  paths: string[],
): Promise<{ p50: number; p95: number; p99: number; max: number }> {
  const times: number[] = [];
  for (const path of paths) {
    const started = performance.now();
    const res = await fetch(`${base}${path}`);
    await res.arrayBuffer();
    times.push(performance.now() - started);
  }
  return latencySummary(times);
}

/**
 * MRR and precision at 5 of a relevance set in a data folder: the demo set on the demo data, or the
 * real set after importing the City of Brussels list next to it.
 */
async function measureRelevance(
  dataDir: string,
  file: 'relevance-set.json' | 'real-relevance-set.json' = 'relevance-set.json',
) {
  const db = connectDatabase(runningEmbeddedUrl(dataDir)!, { max: 4 });
  try {
    if (file === 'real-relevance-set.json') await importRealOrganisations(db.db);
    const live = new LiveSearchIndex(db, [directorySearchSource], { listen: false });
    let report: RelevanceReport;
    try {
      await live.ready;
      report = await runRelevanceSet(live, db.pool, file);
    } finally {
      await live.close();
    }
    const r3 = (n: number) => Math.round(n * 1000) / 1000;
    return {
      queries: report.queries,
      mrr: r3(report.mrr),
      precisionAt5: r3(report.precisionAt5),
      byKind: Object.fromEntries(
        Object.entries(report.byKind).map(([k, v]) => [k, { queries: v.queries, mrr: r3(v.mrr) }]),
      ),
    };
  } finally {
    await db.close();
  }
}

function markdown(report: {
  date: string;
  commit: string;
  machine: { cpus: number; cpu?: string; node: string };
  settings: {
    connections: number;
    durationSeconds: number;
    services: number;
    organisations: number;
    otherDocuments: OtherSeed['documents'];
    otherAnswers: number;
  };
  startup: Record<string, number>;
  restarts: Restart[];
  serverMemory: {
    idleRssMb: number;
    idleLaterRssMb?: number;
    afterLoadRssMb: number;
    withEvidenceRssMb: number;
    peakRssMb: number;
    builtPeakRssMb?: number;
    servedPeakRssMb?: number;
    /** Absent in runs before session 28. */
    issueScalePeakRssMb?: number;
    /** Documents in the index at the end of the whole bench (absent before session 28). */
    endDocuments?: number;
    /** Absent in runs before session 25. */
    phases?: PhaseMemory[];
  };
  search: {
    distinctQueries: number;
    indexCatchUpSeconds: number;
    indexedByType: Record<string, number>;
    uncachedLatencyMs: { p50: number; p95: number; p99: number };
    eventLoopMaxMs: { pages: number; uncachedSearch: number; searchLoads: number };
    twoProcessFreshness: Freshness;
    techniques: SearchTechniques;
    relevance: { queries: number; mrr: number; precisionAt5: number };
    realRelevance: { queries: number; mrr: number; precisionAt5: number };
  };
  results: LoadResult[];
  writes: WriteResult[];
  evidence: EvidenceBench;
  spaces: SpacesBench;
  network: NetworkBench;
  glossary: GlossaryBench;
  knowledge: KnowledgeBench;
  exchange: ExchangeBench;
}): string {
  const rows = report.results.map(
    (r) =>
      `| ${r.name} | ${r.requestsPerSecond} | ${r.latencyMs.p50} | ${r.latencyMs.p95} | ${r.latencyMs.p99} | ${r.ratioToHealthz ?? 1} | ${r.errors + r.non2xx} |`,
  );
  return [
    `# Benchmark ${report.date} (commit ${report.commit})`,
    '',
    `${report.machine.cpus} × ${report.machine.cpu}, Node ${report.machine.node}. ${report.settings.connections} connections, ${report.settings.durationSeconds} s per route, ` +
      `${report.settings.organisations} organisations and ${report.settings.services} services.`,
    '',
    otherKindsMarkdown(
      {
        documents: report.settings.otherDocuments,
        answers: report.settings.otherAnswers,
        seconds: report.startup.otherSeedSeconds!,
      },
      report.search.indexedByType,
    ),
    '',
    '| route | req/s | p50 ms | p95 ms | p99 ms | ratio to /healthz | errors |',
    '|---|---:|---:|---:|---:|---:|---:|',
    ...rows,
    '',
    `Referral writes through /api/v1/referrals with organisations' API tokens, ${Math.min(report.settings.connections, 20)} connections: ` +
      'creating for the set duration, then accepting and completing each created referral once.',
    '',
    '| write | req/s | p50 ms | p95 ms | p99 ms | requests | errors |',
    '|---|---:|---:|---:|---:|---:|---:|',
    ...report.writes.map(
      (w) =>
        `| ${w.name} | ${w.requestsPerSecond} | ${w.latencyMs.p50} | ${w.latencyMs.p95} | ${w.latencyMs.p99} | ${w.requests} | ${w.errors + w.non2xx} |`,
    ),
    '',
    `Start-up: cold ${report.startup.coldStartSeconds} s (empty folder: initdb, migrations, demo data), warm ${report.startup.warmStartSeconds} s, ` +
      `stop ${report.startup.stopSeconds} s; seeding took ${report.startup.seedSeconds} s.`,
    restartsMarkdown(report.settings.services, report.restarts, sum(report.settings.otherDocuments), true),
    `Server memory: ${report.serverMemory.idleRssMb} MB idle (${idleSettleMs / 1000} s after the search suggestions were made, ` +
      `${report.serverMemory.idleLaterRssMb ?? '?'} MB ${idleLaterMs / 1000} s later), ${report.serverMemory.afterLoadRssMb} MB after the load, ` +
      `${report.serverMemory.withEvidenceRssMb} MB with the evidence cube, peak ${report.serverMemory.peakRssMb} MB (RSS of the Node process, the production build; PostgreSQL not included; ` +
      `peak of the process that built the index from the tables ${report.serverMemory.builtPeakRssMb ?? '?'} MB, of the restarted one under the loads ${report.serverMemory.servedPeakRssMb ?? '?'} MB; ` +
      `${report.serverMemory.issueScalePeakRssMb ?? '?'} MB at most until the benches of the other modules seed their own scales on top of the issue's network).`,
    `Highest RSS by phase (sampled every 100 ms): ${[...(report.serverMemory.phases ?? [])]
      .sort((a, b) => b.maxRssMb - a.maxRssMb)
      .slice(0, 6)
      .map((p) => `${p.phase} ${p.maxRssMb} MB`)
      .join(', ')}.`,
    evidenceMarkdown(report.evidence),
    spacesMarkdown(report.spaces),
    networkMarkdown(report.network),
    ...glossaryMarkdown(report.glossary),
    ...knowledgeMarkdown(report.knowledge),
    ...exchangeMarkdown(report.exchange),
    `Search: ${report.search.distinctQueries} distinct queries in the mix (long tail, rank^-1); each run once without cache: ` +
      `p50 ${report.search.uncachedLatencyMs.p50} ms, p95 ${report.search.uncachedLatencyMs.p95} ms, p99 ${report.search.uncachedLatencyMs.p99} ms. ` +
      `The loads of the search routes above run after that pass, as on a server that has been answering for a while (its caches warm). ` +
      `The index caught up with the seeded directory and other kinds in ${report.search.indexCatchUpSeconds} s; ` +
      `idle RSS measured after a restart on that data, once the suggestions were made.`,
    techniquesMarkdown(report.search.techniques),
    `Relevance on the demo data (${report.search.relevance.queries} queries): MRR ${report.search.relevance.mrr}, P@5 ${report.search.relevance.precisionAt5} (target MRR >= 0.9).`,
    `Relevance on the real organisations of the City of Brussels list, imported next to it (${report.search.realRelevance.queries} queries): MRR ${report.search.realRelevance.mrr}, P@5 ${report.search.realRelevance.precisionAt5} (target MRR >= 0.85).`,
    `Longest event-loop delay of the server: ${report.search.eventLoopMaxMs.pages} ms under the page loads, ${report.search.eventLoopMaxMs.uncachedSearch} ms during the uncached search pass, ${report.search.eventLoopMaxMs.searchLoads} ms under the search loads (monitorEventLoopDelay via /metrics).`,
    ...targetsMarkdown(searchTargets(report)),
  ].join('\n');
}

/** Issue 19's targets, next to this run's figures. */
function searchTargets(report: Parameters<typeof markdown>[0]): Target[] {
  const rps = (name: string) => report.results.find((r) => r.name === name)?.requestsPerSecond ?? null;
  const ready = report.restarts.map((r) => r.readySeconds);
  const { eventLoopMaxMs: loop } = report.search;
  return [
    {
      what: 'relevance, demo set (MRR)',
      figure: report.search.relevance.mrr,
      bound: '≥',
      target: 0.9,
      unit: '',
    },
    {
      what: 'relevance, real organisations (MRR)',
      figure: report.search.realRelevance.mrr,
      bound: '≥',
      target: 0.85,
      unit: '',
    },
    { what: 'server RSS, idle', figure: report.serverMemory.idleRssMb!, bound: '≤', target: 500, unit: 'MB' },
    {
      what: `server RSS, peak under the whole bench (${report.serverMemory.endDocuments ?? '?'} documents by its end)`,
      figure: report.serverMemory.peakRssMb!,
      bound: '≤',
      target: 800,
      unit: 'MB',
    },
    {
      what: "server RSS, peak until the other benches seed (the issue's scale)",
      figure: report.serverMemory.issueScalePeakRssMb ?? null,
      bound: '≤',
      target: 800,
      unit: 'MB',
    },
    {
      what: 'uncached search p95',
      figure: report.search.uncachedLatencyMs.p95,
      bound: '≤',
      target: 15,
      unit: 'ms',
    },
    {
      what: 'uncached search p99',
      figure: report.search.uncachedLatencyMs.p99,
      bound: '≤',
      target: 30,
      unit: 'ms',
    },
    {
      what: 'longest event-loop delay',
      figure: Math.max(loop.pages, loop.uncachedSearch, loop.searchLoads),
      bound: '≤',
      target: 25,
      unit: 'ms',
    },
    {
      what: 'search ready after a restart (slowest of the restarts)',
      figure: ready.includes(null) ? null : round2(Math.max(...(ready as number[]))),
      bound: '≤',
      target: 5,
      unit: 's',
    },
    { what: 'organisation page', figure: rps('organisation page'), bound: '≥', target: 2000, unit: 'req/s' },
    { what: 'service page', figure: rps('service page'), bound: '≥', target: 2000, unit: 'req/s' },
    { what: 'directory page', figure: rps('directory page'), bound: '≥', target: 1000, unit: 'req/s' },
    {
      what: '/api/v1/services?page=N',
      figure: rps('/api/v1/services?page=N'),
      bound: '≥',
      target: 1000,
      unit: 'req/s',
    },
    {
      what: 'a change found by the other process',
      figure: report.search.twoProcessFreshness.maxMs / 1000,
      bound: '≤',
      target: 2,
      unit: 's',
    },
  ];
}

function evidenceMarkdown(e: EvidenceBench): string {
  return [
    '',
    `Evidence: ${e.seeded.signals} need signals and ${e.seeded.answers} survey answers (seeded in ${e.seeded.seconds} s); ` +
      `the cube published them ${e.publishSeconds} s after seeding; a new signal showed in it after ${e.newSignalVisibleSeconds} s. ` +
      `${e.uncachedFilterMs.filters} distinct filters, each once with nothing cached: p50 ${e.uncachedFilterMs.p50} ms, ` +
      `p95 ${e.uncachedFilterMs.p95} ms, p99 ${e.uncachedFilterMs.p99} ms, max ${e.uncachedFilterMs.max} ms.`,
    '',
    '| route | req/s | p50 ms | p95 ms | p99 ms | ratio to /healthz | errors |',
    '|---|---:|---:|---:|---:|---:|---:|',
    ...e.loads.map(
      (r: LoadResult) =>
        `| ${r.name} | ${r.requestsPerSecond} | ${r.latencyMs.p50} | ${r.latencyMs.p95} | ${r.latencyMs.p99} | ${r.ratioToHealthz ?? 1} | ${r.errors + r.non2xx} |`,
    ),
    '',
  ].join('\n');
}

function techniquesMarkdown({ memory, postgres }: SearchTechniques): string {
  const row = (name: string, build: number, l: SearchTechniques['memory']['sequentialMs']) =>
    `| ${name} | ${build} | ${l.mean} | ${l.p50} | ${l.p95} | ${l.p99} |`;
  return [
    '',
    `The text queries of the mix (${postgres.queries}), each once with nothing cached, in the bench process:`,
    '',
    '| technique | build s | mean ms | p50 ms | p95 ms | p99 ms |',
    '|---|---:|---:|---:|---:|---:|',
    row('in-memory index (words, thesaurus, typos, all facets)', memory.buildSeconds, memory.sequentialMs),
    row(
      'PostgreSQL full text + trigrams (words, typos, 4 facets)',
      postgres.buildSeconds,
      postgres.sequentialMs,
    ),
    '',
    `PostgreSQL with ${postgres.concurrent.concurrency} clients: ${postgres.concurrent.requestsPerSecond} queries/s, p95 ${postgres.concurrent.p95Ms} ms, with both cores on the database.`,
    '',
  ].join('\n');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
