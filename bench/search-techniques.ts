// The road not taken, measured: the search mix answered by the in-memory engine and by PostgreSQL
// full text (a tsvector per
// service in Dutch, French and English, GIN index) with trigram similarity for typos, returning
// what the search page needs: total, the best 20 and facet counts by theme, commune, kind and
// language. Run by `npm run bench` on the seeded directory, next to the in-memory engine, so the
// choice of technique rests on figures from one machine and one data set.
import pg from 'pg';
import { connectDatabase } from '../src/db/client.ts';
import { LiveSearchIndex } from '../src/modules/search/live-index.ts';
import { searchDirectory } from '../src/modules/directory/search/search.service.ts';
import { directorySearchSource } from '../src/modules/directory/search/directory-source.ts';

interface Latency {
  mean: number;
  p50: number;
  p95: number;
  p99: number;
}

export interface SearchTechniques {
  /** The engine in this process, each query once with its cache cold: words, thesaurus, all facets. */
  memory: { buildSeconds: number; sequentialMs: Latency };
  postgres: PostgresFullTextResult;
}

export interface PostgresFullTextResult {
  buildSeconds: number;
  sequentialMs: Latency;
  /** Throughput with `concurrency` clients for a few seconds. */
  concurrent: { concurrency: number; requestsPerSecond: number; p95Ms: number };
  /** Queries with words (others are filter-only and left out: they would not use the text index). */
  queries: number;
}

const setup = `
drop table if exists bench_fulltext;
create unlogged table bench_fulltext as
select s.id,
  o.kind::text as kind,
  s.languages,
  coalesce((select array_agg(distinct l.commune_nis) from service_at_locations sl
            join locations l on l.id = sl.location_id where sl.service_id = s.id and l.commune_nis is not null), '{}') as communes,
  coalesce((select array_agg(t.code) from service_themes st join taxonomy_terms t on t.id = st.term_id
            where st.service_id = s.id), '{}') as themes,
  setweight(to_tsvector('dutch', unaccent(coalesce(s.name->>'nl', '') || ' ' || coalesce(o.name->>'nl', ''))), 'A') ||
  setweight(to_tsvector('french', unaccent(coalesce(s.name->>'fr', '') || ' ' || coalesce(o.name->>'fr', ''))), 'A') ||
  setweight(to_tsvector('english', unaccent(coalesce(s.name->>'en', '') || ' ' || coalesce(o.name->>'en', ''))), 'A') ||
  setweight(to_tsvector('dutch', unaccent(coalesce(s.description->>'nl', ''))), 'B') ||
  setweight(to_tsvector('french', unaccent(coalesce(s.description->>'fr', ''))), 'B') ||
  setweight(to_tsvector('english', unaccent(coalesce(s.description->>'en', ''))), 'B') as document,
  unaccent(lower(concat_ws(' ', s.name->>'nl', s.name->>'fr', s.name->>'en', o.name->>'nl', o.name->>'fr'))) as names
from services s join organisations o on o.id = s.organisation_id where s.status = 'active';
create index on bench_fulltext using gin (document);
create index on bench_fulltext using gin (names gin_trgm_ops);
analyze bench_fulltext;
`;

// One round trip: matches by words in any of the three languages, or by trigram similarity of the
// names when the words match nothing (typos), then the page's needs from that set.
const search = `
with q as (
  select websearch_to_tsquery('dutch', unaccent($1)) || websearch_to_tsquery('french', unaccent($1))
         || websearch_to_tsquery('english', unaccent($1)) as query
), words as (
  select f.* from bench_fulltext f, q where f.document @@ q.query
    and ($2::text is null or $2 = any(f.communes))
), typos as (
  select f.* from bench_fulltext f
  where not exists (select 1 from words) and unaccent(lower($1)) <% f.names
    and ($2::text is null or $2 = any(f.communes))
), m as (select * from words union all select * from typos)
select
  (select count(*) from m) as total,
  (select json_agg(id) from (select m.id from m, q order by ts_rank(m.document, q.query) desc limit 20) top) as hits,
  (select json_object_agg(code, n) from (select unnest(themes) code, count(*) n from m group by 1) x) as themes,
  (select json_object_agg(code, n) from (select unnest(communes) code, count(*) n from m group by 1) x) as communes,
  (select json_object_agg(kind, n) from (select kind, count(*) n from m group by 1) x) as kinds,
  (select json_object_agg(code, n) from (select unnest(languages) code, count(*) n from m group by 1) x) as languages
`;

function percentile(sorted: number[], p: number): number {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! : 0;
}

const round2 = (n: number) => Math.round(n * 100) / 100;

function latency(times: number[]): Latency {
  const sorted = [...times].sort((a, b) => a - b);
  return {
    mean: round2(sorted.reduce((a, b) => a + b, 0) / (sorted.length || 1)),
    p50: round2(percentile(sorted, 50)),
    p95: round2(percentile(sorted, 95)),
    p99: round2(percentile(sorted, 99)),
  };
}

/** The text queries of the mix, with the one filter both techniques apply. */
function textQueries(queryStrings: string[]): [text: string, commune: string | null][] {
  return queryStrings
    .map((qs) => new URLSearchParams(qs))
    .filter((p) => p.get('q'))
    .map((p) => [p.get('q')!, p.get('commune')]);
}

export async function compareSearchTechniques(
  databaseUrl: string,
  queryStrings: string[],
): Promise<SearchTechniques> {
  const db = connectDatabase(databaseUrl, { max: 4 });
  const started = performance.now();
  const live = new LiveSearchIndex(db, [directorySearchSource], { listen: false });
  const times: number[] = [];
  let buildSeconds: number;
  try {
    await live.ready;
    buildSeconds = round2((performance.now() - started) / 1000);
    for (const [q, commune] of textQueries(queryStrings)) {
      const t = performance.now();
      await searchDirectory(live, { q, commune: commune ?? undefined, page: 1, per_page: 20 }, 'fr');
      times.push(performance.now() - t);
    }
  } finally {
    await live.close();
    await db.close();
  }
  return {
    memory: { buildSeconds, sequentialMs: latency(times) },
    postgres: await measurePostgresFullText(databaseUrl, queryStrings),
  };
}

async function measurePostgresFullText(
  databaseUrl: string,
  queryStrings: string[],
  { concurrency = 8, seconds = 10 } = {},
): Promise<PostgresFullTextResult> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: concurrency });
  try {
    const started = performance.now();
    await pool.query(setup);
    const buildSeconds = (performance.now() - started) / 1000;
    const queries = textQueries(queryStrings);
    const run = async ([text, commune]: [string, string | null]) => {
      const t = performance.now();
      await pool.query(search, [text, commune]);
      return performance.now() - t;
    };

    const times: number[] = [];
    for (const q of queries) times.push(await run(q));

    const concurrentTimes: number[] = [];
    const deadline = performance.now() + seconds * 1000;
    let next = 0;
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (performance.now() < deadline)
          concurrentTimes.push(await run(queries[next++ % queries.length]!));
      }),
    );
    return {
      buildSeconds: round2(buildSeconds),
      sequentialMs: latency(times),
      concurrent: {
        concurrency,
        requestsPerSecond: Math.round(concurrentTimes.length / seconds),
        p95Ms: latency(concurrentTimes).p95,
      },
      queries: queries.length,
    };
  } finally {
    await pool.query('drop table if exists bench_fulltext').catch(() => {});
    await pool.end();
  }
}
