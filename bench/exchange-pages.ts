// The exchange's pages at scale (issue 17): with 50,000 offers and requests (exchange-seed.ts) and
// 5,000 funding calls (calls-seed.ts) seeded, the board (/{lang}/exchange: pages 1 to 3 without a
// filter, a kind, a commune, a language and a search word in each language) and the calls'
// calendar (/{lang}/exchange/calls: pages 1 to 3, a funder, a theme, a commune, open now, informal
// groups, a search word in each language) under load through the real HTTP app, next to the target
// of 500 requests/s each. Part of bench/run.ts; `npx tsx bench/exchange-pages.ts -- --posts 2000
// --calls 200 --duration 3` checks it alone at a small size against a server of its own.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { connectDatabase } from '../src/db/client.ts';
import { seedCalls } from './calls-seed.ts';
import { seedExchange } from './exchange-seed.ts';
import { latencySummary, type LoadTools, type Measured } from './measure.ts';

type Loaded = Measured & { ratioToHealthz?: number };

export interface ExchangeBench {
  posts: number;
  calls: number;
  seededSeconds: number;
  targetRequestsPerSecond: number;
  board: Loaded;
  calendar: Loaded;
}

const locales = ['nl', 'fr', 'en'] as const;
const target = 500;

export async function benchExchangePages(
  base: string,
  databaseUrl: string,
  { load }: Pick<LoadTools, 'load'>,
  { posts = 50_000, calls = 5_000 }: { posts?: number; calls?: number } = {},
): Promise<ExchangeBench> {
  const database = connectDatabase(databaseUrl, { max: 2 });
  try {
    const seededPosts = await seedExchange(database.db, { posts });
    const seededCalls = await seedCalls(database.db, { calls });
    console.log(
      `exchange: ${posts} posts (seeded in ${seededPosts.seconds} s), ${calls} calls (seeded in ${seededCalls.seconds} s)`,
    );
    const words: Record<(typeof locales)[number], [string, string]> = {
      nl: ['tolken', 'sociale cohesie'],
      fr: ['interprètes', 'jeunesse'],
      en: ['a van', 'culture'],
    };
    const boardPaths = locales.flatMap((lang) => [
      ...[1, 2, 3].map((page) => `/${lang}/exchange${page > 1 ? `?page=${page}` : ''}`),
      `/${lang}/exchange?kind=interpreting`,
      `/${lang}/exchange?commune=21004`,
      `/${lang}/exchange?language=ar`,
      `/${lang}/exchange?q=${encodeURIComponent(words[lang][0])}`,
    ]);
    const calendarPaths = locales.flatMap((lang) => [
      ...[1, 2, 3].map((page) => `/${lang}/exchange/calls${page > 1 ? `?page=${page}` : ''}`),
      `/${lang}/exchange/calls?funder=cocof`,
      `/${lang}/exchange/calls?theme=youth`,
      `/${lang}/exchange/calls?commune=21015`,
      `/${lang}/exchange/calls?open=1&informal=1`,
      `/${lang}/exchange/calls?q=${encodeURIComponent(words[lang][1])}`,
    ]);
    const board = await load('exchange board page', base, boardPaths);
    const calendar = await load('funding calls calendar page', base, calendarPaths);
    return {
      posts,
      calls,
      seededSeconds: Math.round((seededPosts.seconds + seededCalls.seconds) * 10) / 10,
      targetRequestsPerSecond: target,
      board,
      calendar,
    };
  } finally {
    await database.close();
  }
}

export function exchangeMarkdown(e: ExchangeBench): string[] {
  const row = (name: string, m: Loaded) =>
    `| ${name} | ${m.requestsPerSecond} | ${e.targetRequestsPerSecond} | ${m.latencyMs.p50} | ${m.latencyMs.p95} | ${m.latencyMs.p99} | ${m.ratioToHealthz ?? '–'} | ${m.errors + m.non2xx} |`;
  return [
    '',
    `## Exchange: board and funding calls (${e.posts} posts, ${e.calls} calls)`,
    '',
    `Seeded in ${e.seededSeconds} s. The board mixes pages 1 to 3, a kind, a commune, a language and a word in each ` +
      'language; the calendar pages 1 to 3, a funder, a theme, a commune, open now with informal groups, and a word in each language.',
    '',
    '| route | req/s | target req/s | p50 ms | p95 ms | p99 ms | ratio to /healthz | errors |',
    '|---|---:|---:|---:|---:|---:|---:|---:|',
    row('exchange board page', e.board),
    row('funding calls calendar page', e.calendar),
    '',
  ];
}

/** Alone, at a small size: its own embedded database and server process, results in bench/results. */
async function checkAlone() {
  const { values } = parseArgs({
    options: {
      posts: { type: 'string', default: '2000' },
      calls: { type: 'string', default: '200' },
      duration: { type: 'string', default: '3' },
      connections: { type: 'string', default: '10' },
    },
  });
  const root = new URL('..', import.meta.url).pathname;
  const { openDatabase } = await import('../src/db/open-database.ts');
  const { runningEmbeddedUrl } = await import('../src/db/embedded.ts');
  const { syncTaxonomy } = await import('../src/modules/directory/use-cases/sync-taxonomy.ts');
  const { loadDemoData } = await import('../src/modules/directory/use-cases/load-demo-data.ts');
  const { generateKey } = await import('../src/shared/field-encryption.ts');
  const dataDir = mkdtempSync(join(tmpdir(), 'passerelle-exchange-pages-'));
  const serverDir = mkdtempSync(join(tmpdir(), 'passerelle-exchange-server-'));
  const database = await openDatabase({ databaseUrl: undefined, dataDir }, { poolSize: 2 });
  let proc: ChildProcess | undefined;
  try {
    await syncTaxonomy(database.db);
    await loadDemoData(database.db);
    const url = database.embedded?.url ?? runningEmbeddedUrl(dataDir)!;
    // BENCH_CPU_PROF=dir writes the server's CPU profile there (to see where a page's time goes).
    const profile = process.env.BENCH_CPU_PROF
      ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`]
      : [];
    proc = spawn(process.execPath, [...profile, '--import', 'tsx', 'src/server.ts', '--no-demo'], {
      cwd: root,
      env: {
        ...process.env,
        DATA_DIR: serverDir,
        DATABASE_URL: url,
        PORT: '0',
        HOST: '127.0.0.1',
        LOG_LEVEL: 'warn',
        TILE_URL: '',
        NODE_ENV: 'production',
        PUBLIC_URL: 'http://127.0.0.1',
        ENCRYPTION_KEYS: generateKey('bench'),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const base = await new Promise<string>((resolve, reject) => {
      let output = '';
      proc!.stdout!.on('data', (chunk: Buffer) => {
        output += chunk;
        const match = /running at (http:\/\/\S+)/.exec(output);
        if (match) resolve(match[1]!.replace('localhost', '127.0.0.1'));
      });
      proc!.stderr!.on('data', (chunk: Buffer) => (output += chunk));
      proc!.on('exit', () => reject(new Error(`server exited before it was ready:\n${output}`)));
    });
    const duration = Number(values.duration);
    const load = async (name: string, at: string, paths: string[]): Promise<Loaded> => {
      const latencies: number[] = [];
      let i = 0;
      const result = await new Promise<autocannon.Result>((resolve, reject) => {
        const instance = autocannon(
          {
            url: at,
            connections: Number(values.connections),
            duration,
            requests: [{ setupRequest: (req) => ({ ...req, path: paths[i++ % paths.length]! }) }],
          },
          (error, done) => (error ? reject(error) : resolve(done)),
        );
        instance.on('response', (_c, _s, _b, time) => latencies.push(time));
      });
      return {
        name,
        example: paths[0]!,
        requestsPerSecond: Math.round(result.requests.total / duration),
        latencyMs: latencySummary(latencies),
        requests: result.requests.total,
        errors: result.errors + result.timeouts,
        non2xx: result.non2xx,
      };
    };
    const report = {
      date: new Date().toISOString(),
      alone: true,
      settings: { connections: Number(values.connections), durationSeconds: duration },
      exchange: await benchExchangePages(
        base,
        url,
        { load },
        { posts: Number(values.posts), calls: Number(values.calls) },
      ),
    };
    const dir = join(root, 'bench/results');
    mkdirSync(dir, { recursive: true });
    const stamp = report.date.slice(0, 16).replace(/[:T]/g, '-');
    writeFileSync(join(dir, `exchange-${stamp}.json`), `${JSON.stringify(report, null, 2)}\n`);
    console.log(exchangeMarkdown(report.exchange).join('\n'));
  } finally {
    proc?.kill('SIGINT');
    await database.close();
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(serverDir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop()!)) await checkAlone();
