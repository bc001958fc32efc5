// The evidence cube at scale: a million need signals and two hundred thousand survey answers behind
// it. Measures how long the server takes to publish them, any filter of the cube (each distinct
// filter once, nothing cached, then a mix under load), the public evidence page under load, and
// how long a new signal takes to show in the cube.
import type { Pool } from 'pg';
import { geoReference } from '../src/modules/geo/index.ts';
import { type LoadTools as Tools, type Measured, round2 } from './measure.ts';
import { random } from './random.ts';
import { seedEvidence, type SeededEvidence } from './seed-evidence.ts';

export interface EvidenceBench {
  seeded: SeededEvidence;
  /** From the end of seeding until the API's totals hold every seeded signal. */
  publishSeconds: number;
  /** Each distinct filter asked once, one after the other. */
  uncachedFilterMs: { filters: number; p50: number; p95: number; p99: number; max: number };
  loads: (Measured & { ratioToHealthz?: number })[];
  /** From a new signal's insert until the cube's total counts it. */
  newSignalVisibleSeconds: number;
}

const month = (d: Date) => d.toISOString().slice(0, 7);

/**
 * The region's total for a filter as the API publishes it (null when hidden), and how far it may be
 * from the truth: each period's cell it adds up is moved by at most 2.
 */
async function regionTotal(base: string, query: string): Promise<{ count: number | null; slack: number }> {
  const res = await fetch(`${base}/api/v1/evidence?${query}`);
  if (!res.ok) throw new Error(`evidence API answered ${res.status}: ${await res.text()}`);
  const { data } = (await res.json()) as { data: { total: { count: number | null }; periods: string[] } };
  return { count: data.total.count, slack: 2 * data.periods.length };
}

async function waitFor(check: () => Promise<boolean>, seconds: number): Promise<number> {
  const started = performance.now();
  while (performance.now() - started < seconds * 1000) {
    if (await check()) return round2((performance.now() - started) / 1000);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`not seen within ${seconds} s`);
}

/** Filters as analysts combine them: every source, theme, commune and quartier, various periods. */
function filterMix(themes: string[], n: number): string[] {
  const geo = geoReference();
  const next = random(13);
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
  const now = new Date();
  const monthsAgo = (k: number) => month(new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - k, 1)));
  const filters = new Set<string>();
  while (filters.size < n) {
    const q = new URLSearchParams();
    if (next() < 0.6) q.set('theme', pick(themes));
    const place = next();
    if (place < 0.3) q.set('commune', pick(geo.communes).nis);
    else if (place < 0.5) q.set('quartier', String(pick(geo.quartiers.filter((x) => x.code < 700)).code));
    if (next() < 0.3) q.set('source', pick(['signals', 'surveys', 'referrals']));
    const to = Math.floor(next() * 12);
    q.set('from', monthsAgo(to + 1 + Math.floor(next() * 30)));
    q.set('to', monthsAgo(to));
    filters.add(q.toString());
  }
  return [...filters];
}

export async function benchEvidence(
  base: string,
  pool: Pool,
  tools: Tools,
  scale: { signals: number; answers: number },
): Promise<EvidenceBench> {
  const before = await regionTotal(base, 'source=signals&from=2000-01');
  const seeded = await seedEvidence(pool, scale);
  console.log(`seeded ${seeded.signals} signals and ${seeded.answers} survey answers in ${seeded.seconds} s`);
  // "All themes" counts each signal once, and every cell shown is within 2 of the truth.
  const { rows } = await pool.query<{ n: string }>(
    `select count(*) as n from need_signals where status = 'published'`,
  );
  const published = Number(rows[0]!.n);
  const publishSeconds = await waitFor(async () => {
    const { count, slack } = await regionTotal(base, 'source=signals&from=2000-01');
    return (count ?? 0) >= published - slack;
  }, 300);
  console.log(
    `the cube published them in ${publishSeconds} s (it held ${before.count ?? 0} mentions before)`,
  );

  // The taxonomy's top level: the cube's themes (sub-themes fold into them).
  const taxonomy = (await (await fetch(`${base}/api/v1/taxonomy`)).json()) as { data: { code: string }[] };
  const themeCodes = taxonomy.data.map((t) => t.code);
  const filters = filterMix(themeCodes, 400);
  const uncached = await tools.timeEach(
    base,
    filters.map((f) => `/api/v1/evidence?${f}`),
  );
  const loads = [
    await tools.load(
      '/api/v1/evidence (filter mix)',
      base,
      filters.map((f) => `/api/v1/evidence?${f}`),
    ),
    await tools.load(
      '/api/v1/evidence?format=geojson',
      base,
      filters.slice(0, 50).map((f) => `/api/v1/evidence?${f}&format=geojson`),
    ),
    await tools.load(
      'evidence page (public, HTML)',
      base,
      filters.map((f, i) => `/${['nl', 'fr', 'en'][i % 3]}/evidence?${f}`),
    ),
  ];

  // A new signal, seen today: it shows once a cube built after it answers (its number moves by the
  // signal and a new noise, so the number alone cannot say).
  const theme = themeCodes[0]!;
  const inserted = Date.now();
  await pool.query(
    `insert into need_signals (origin, status, theme_codes, commune_nis, quartier_code, target_group, people_band, seen_on)
     values ('member', 'published', array[$1], '21004', null, 'families', '2_5', current_date)`,
    [theme],
  );
  const newSignalVisibleSeconds = await waitFor(async () => {
    const res = await fetch(`${base}/api/v1/evidence?theme=${theme}`);
    return Date.parse(((await res.json()) as { data: { built_at: string } }).data.built_at) > inserted;
  }, 120);
  console.log(`a new signal showed in the cube after ${newSignalVisibleSeconds} s`);
  return {
    seeded,
    publishSeconds,
    uncachedFilterMs: { filters: filters.length, ...uncached },
    loads,
    newSignalVisibleSeconds,
  };
}
