// npx tsx bench/exchange.ts [-- --posts 50000 --matches 500]
// Offers and requests at scale (issue 17): with 50,000 posts seeded (exchange-seed.ts) into an
// embedded PostgreSQL of its own (or DATABASE_URL's, which must hold a directory), the time to
// match a new post (match-posts.ts, one query), over many random new posts of every kind, and the
// board's query without and with filters and words, one at a time. The target: matching a new post
// takes at most 50 ms. Not part of bench/run.ts yet; prints its figures as JSON.
import { mkdtempSync, rmSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { openDatabase } from '../src/db/open-database.ts';
import { commonLanguages, themeCodes } from '../src/modules/directory/index.ts';
import { loadDemoData } from '../src/modules/directory/use-cases/load-demo-data.ts';
import { syncTaxonomy } from '../src/modules/directory/use-cases/sync-taxonomy.ts';
import { postDirections, postKinds } from '../src/modules/exchange/exchange.vocabulary.ts';
import { brusselsDay } from '../src/modules/exchange/posts/dates.ts';
import { matchPosts, matchQuery, type MatchSource } from '../src/modules/exchange/posts/match-posts.ts';
import { type BoardSearch, searchPosts } from '../src/modules/exchange/posts/search-posts.ts';
import { geoReference } from '../src/modules/geo/index.ts';
import { seedExchange } from './exchange-seed.ts';
import { latencySummary } from './measure.ts';
import { random } from './random.ts';

const { values } = parseArgs({
  options: { posts: { type: 'string', default: '50000' }, matches: { type: 'string', default: '500' } },
});
const target = 50;

async function timed<T>(run: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const result = await run();
  return [result, performance.now() - started];
}

async function main() {
  const dataDir = process.env.DATABASE_URL ? null : mkdtempSync(join(tmpdir(), 'passerelle-exchange-bench-'));
  const database = await openDatabase(
    { databaseUrl: process.env.DATABASE_URL, dataDir: dataDir ?? '' },
    { poolSize: 4 },
  );
  try {
    const { db } = database;
    if (dataDir) {
      await syncTaxonomy(db);
      await loadDemoData(db);
    }
    const seeded = await seedExchange(db, { posts: Number(values.posts) });
    console.error(`exchange: ${seeded.posts} posts seeded in ${seeded.seconds} s`);
    const today = brusselsDay(new Date());
    const rand = random(99);
    const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)]!;
    const organisations = (await db.execute<{ id: string }>(sql`select id from organisations`)).rows;
    const communes = geoReference().communes.map((c) => c.nis);
    const newPost = (): MatchSource => {
      const kind = pick(postKinds);
      const allBrussels = rand() < 0.25;
      return {
        id: randomUUID(),
        organisationId: pick(organisations).id,
        direction: pick(postDirections),
        kind,
        languages:
          kind === 'interpreting' || rand() < 0.3 ? [pick(commonLanguages), pick(commonLanguages)] : [],
        themes: rand() < 0.7 ? [pick(themeCodes), pick(themeCodes)] : [],
        communes: allBrussels ? [] : [pick(communes)],
        allBrussels,
      };
    };
    // Warm the connection and the caches a little, as a running server would have them.
    for (let i = 0; i < 20; i++) await matchPosts(db, newPost(), today);
    const latencies: number[] = [];
    const found: number[] = [];
    const byKind: Record<string, number[]> = {};
    for (let i = 0; i < Number(values.matches); i++) {
      const post = newPost();
      const [matches, ms] = await timed(() => matchPosts(db, post, today));
      latencies.push(ms);
      found.push(matches.length);
      (byKind[`${post.kind}${post.allBrussels ? ' (all Brussels)' : ''}`] ??= []).push(ms);
    }
    // The plan of the broadest match: an offer for all Brussels, with languages and themes.
    const worst: MatchSource = {
      ...newPost(),
      kind: 'volunteers',
      direction: 'offer',
      allBrussels: true,
      communes: [],
      languages: ['fr', 'nl'],
      themes: ['youth', 'youth.homework'],
    };
    const plan = (
      await db.execute<{ 'QUERY PLAN': string }>(
        sql`explain (analyze, buffers off, costs off) ${matchQuery(worst, today, 10)}`,
      )
    ).rows.map((r) => r['QUERY PLAN']);

    const board = async (search: Partial<BoardSearch>) => {
      const times: number[] = [];
      for (let i = 0; i < 50; i++)
        times.push((await timed(() => searchPosts(db, { page: 1, perPage: 20, ...search }, today)))[1]);
      return latencySummary(times);
    };
    const result = {
      posts: seeded.posts,
      openPosts: (
        await db.execute<{ n: number }>(
          sql`select count(*)::int as n from exchange_posts where status = 'open'`,
        )
      ).rows[0]!.n,
      targetMatchMs: target,
      match: {
        newPosts: latencies.length,
        latencyMs: latencySummary(latencies),
        meanMatchesFound: Math.round((found.reduce((a, b) => a + b, 0) / found.length) * 10) / 10,
        p95ByKind: Object.fromEntries(Object.entries(byKind).map(([k, v]) => [k, latencySummary(v).p95])),
      },
      boardQueryMs: {
        none: await board({}),
        direction_kind: await board({ direction: 'request', kind: 'interpreting' }),
        commune_language: await board({ commune: '21004', language: 'ar' }),
        words_fr: await board({ q: 'interprètes' }),
        words_nl_theme: await board({ q: 'vergaderzaal', theme: 'housing' }),
      },
      broadestMatchPlan: plan,
    };
    console.log(JSON.stringify(result, null, 2));
  } finally {
    await database.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
