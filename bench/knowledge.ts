// The knowledge library and the learning paths at scale (issue 16): with 5,000 practices and 200
// paths seeded (knowledge-seed.ts), the library page (no filter, each filter, a search word in each
// language), a practice's page over 300 random practices, the list of paths and a path's card page
// under load, next to the target of 500 requests/s for the library and a practice's page.
import { connectDatabase } from '../src/db/client.ts';
import type { Card } from '../src/modules/learning/paths/cards.ts';
import { seedKnowledge } from './knowledge-seed.ts';
import type { LoadTools, Measured } from './measure.ts';

type Loaded = Measured & { ratioToHealthz?: number };

export interface KnowledgeBench {
  practices: number;
  paths: number;
  seededSeconds: number;
  /** Requests per second the library and a practice's page should each serve at least. */
  targetRequestsPerSecond: number;
  library: Loaded;
  practice: Loaded;
  pathList: Loaded;
  card: Loaded;
}

const locales = ['nl', 'fr', 'en'] as const;
const target = 500;

export async function benchKnowledge(
  base: string,
  databaseUrl: string,
  { load }: LoadTools,
  { practices = 5_000, paths = 200 }: { practices?: number; paths?: number } = {},
): Promise<KnowledgeBench> {
  const seeded = await seedKnowledge(databaseUrl, { practices, paths });
  console.log(
    `knowledge: ${seeded.practices} practices and ${seeded.paths} paths (seeded in ${seeded.seconds} s)`,
  );
  const db = connectDatabase(databaseUrl, { max: 2 });
  try {
    const slugs = (
      await db.pool.query<{ slug: string }>(
        `select slug from practices where status = 'published' order by random() limit 300`,
      )
    ).rows.map((r) => r.slug);
    const [theme, commune, obstacle] = (
      await db.pool.query<{ value: string }>(
        `(select unnest(themes) as value from practices where status = 'published' group by 1 order by count(*) desc limit 1)
         union all (select unnest(communes) from practices where status = 'published' group by 1 order by count(*) desc limit 1)
         union all (select unnest(obstacles)::text from practices where status = 'published' group by 1 order by count(*) desc limit 1)`,
      )
    ).rows.map((r) => encodeURIComponent(r.value));
    const cards = (
      await db.pool.query<{ slug: string; cards: Card[] }>(
        `select slug, cards from learning_paths where status = 'published' order by slug`,
      )
    ).rows;
    const searches = { nl: 'tolken', fr: 'interprètes', en: 'homework' };

    const libraryPaths = locales.flatMap((lang) => [
      ...[1, 2, 3, 4, 5].map((page) => `/${lang}/practices${page > 1 ? `?page=${page}` : ''}`),
      `/${lang}/practices?theme=${theme}`,
      `/${lang}/practices?commune=${commune}`,
      `/${lang}/practices?obstacle=${obstacle}`,
      `/${lang}/practices?q=${encodeURIComponent(searches[lang])}`,
    ]);
    const library = await load('practice library page', base, libraryPaths);
    const practice = await load(
      'practice page',
      base,
      slugs.map((s, i) => `/${locales[i % 3]}/practices/${s}`),
    );
    const pathList = await load(
      'learning paths list',
      base,
      locales.map((lang) => `/${lang}/learn`),
    );
    const card = await load(
      'learning path card page',
      base,
      cards.map((p, i) => `/${locales[i % 3]}/learn/${p.slug}/${p.cards[i % p.cards.length]!.key}`),
    );
    return {
      practices: seeded.practices,
      paths: seeded.paths,
      seededSeconds: seeded.seconds,
      targetRequestsPerSecond: target,
      library,
      practice,
      pathList,
      card,
    };
  } finally {
    await db.close();
  }
}

export function knowledgeMarkdown(k: KnowledgeBench): string[] {
  const row = (name: string, m: Loaded, goal?: number) =>
    `| ${name} | ${m.requestsPerSecond} | ${goal ?? '–'} | ${m.latencyMs.p50} | ${m.latencyMs.p95} | ${m.latencyMs.p99} | ${m.ratioToHealthz ?? '–'} | ${m.errors + m.non2xx} |`;
  return [
    '',
    `## Knowledge library and learning paths (${k.practices} practices, ${k.paths} paths)`,
    '',
    `Seeded in ${k.seededSeconds} s. The library mixes pages 1 to 5 without a filter, a theme, a commune, an obstacle ` +
      'and a search word in each language; a practice page rotates over 300 random practices; the card page over every path.',
    '',
    '| route | req/s | target req/s | p50 ms | p95 ms | p99 ms | ratio to /healthz | errors |',
    '|---|---:|---:|---:|---:|---:|---:|---:|',
    row('practice library page', k.library, k.targetRequestsPerSecond),
    row('practice page', k.practice, k.targetRequestsPerSecond),
    row('learning paths list', k.pathList),
    row('learning path card page', k.card),
    '',
  ];
}
