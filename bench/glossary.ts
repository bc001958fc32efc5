// The glossary at scale: 3,000 concepts (the 364 of the first edition and bench concepts marked as
// such), its list and a concept's page under load, and how long a moderator's change takes to reach
// the search of every app process: the change is posted through the moderator's form to one
// process, and each process's search API is asked until it understands the new word.
import { connectDatabase } from '../src/db/client.ts';
import { foldLabel } from '../src/modules/glossary/labels/fold-label.ts';
import { conceptFormValues } from '../src/modules/glossary/pages/concept-form-values.ts';
import { type LoadTools, type Measured, percentile } from './measure.ts';
import { postForms, signedIn } from './network.ts';

export interface GlossaryBench {
  concepts: number;
  seededSeconds: number;
  list: Measured & { ratioToHealthz?: number };
  search: Measured & { ratioToHealthz?: number };
  concept: Measured & { ratioToHealthz?: number };
  /** Per change, how long until each process's search understood the new word (ms, from the 303). */
  reach: { processes: number; changes: number; p50Ms: number; maxMs: number; byProcessMaxMs: number[] };
}

const locales = ['nl', 'fr', 'en'] as const;

/**
 * Adds bench concepts until the glossary holds `total`: three preferred words and a synonym each.
 * Gives how many concepts it holds, and the Dutch word of the last concept added (if any).
 */
export async function seedConcepts(
  db: ReturnType<typeof connectDatabase>,
  total: number,
): Promise<{ concepts: number; lastWord: string | null }> {
  const [{ n }] = (await db.pool.query<{ n: number }>('select count(*)::int as n from glossary_concepts'))
    .rows as [{ n: number }];
  const slugs: string[] = [];
  const labels: { slug: string; language: string; kind: string; text: string }[] = [];
  for (let i = 1; i <= total - n; i++) {
    const slug = `bench-concept-${i}`;
    slugs.push(slug);
    labels.push(
      { slug, language: 'nl', kind: 'preferred', text: `proefbegrip ${i}` },
      { slug, language: 'fr', kind: 'preferred', text: `notion d’essai ${i}` },
      { slug, language: 'en', kind: 'preferred', text: `bench concept ${i}` },
      { slug, language: 'nl', kind: 'synonym', text: `testwoord ${i}` },
    );
  }
  const client = await db.pool.connect();
  try {
    await client.query('begin');
    await client.query(
      `insert into glossary_concepts (slug, definition)
       select s, jsonb_build_object('en', 'A concept made for the benchmark.') from unnest($1::text[]) s`,
      [slugs],
    );
    await client.query(
      `insert into glossary_labels (concept_id, language, kind, text, folded, position)
       select c.id, l.language, l.kind, l.text, l.folded, case when l.kind = 'preferred' then 0 else 1 end
       from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[]) as l(slug, language, kind, text, folded)
       join glossary_concepts c on c.slug = l.slug`,
      [
        labels.map((l) => l.slug),
        labels.map((l) => l.language),
        labels.map((l) => l.kind),
        labels.map((l) => l.text),
        labels.map((l) => foldLabel(l.text)),
      ],
    );
    await client.query(
      `insert into glossary_versions (concept_id, version, note, state)
       select id, 1, 'Bench concept.', jsonb_build_object('slug', slug) from glossary_concepts where slug = any($1)`,
      [slugs],
    );
    await client.query(`select pg_notify('glossary_changed', '')`);
    await client.query('commit');
  } catch (error) {
    await client.query('rollback');
    throw error;
  } finally {
    client.release();
  }
  return {
    concepts: Math.max(n, total),
    lastWord: slugs.length ? `proefbegrip ${slugs.length}` : null,
  };
}

/** Asks a process's search until it understands `word`; the milliseconds from `since`. */
export async function understoodAfter(base: string, word: string, since: number): Promise<number> {
  for (;;) {
    const res = await fetch(`${base}/api/v1/search?q=${encodeURIComponent(word)}&per_page=1`);
    // A process still building its index at start answers 503.
    const body = (res.ok ? await res.json() : await res.arrayBuffer().then(() => ({}))) as {
      understood?: string[];
    };
    if (body.understood?.length) return performance.now() - since;
    if (performance.now() - since > 60_000) throw new Error(`${base} never understood ${word}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

export async function benchGlossary(
  servers: string[],
  databaseUrl: string,
  { load }: LoadTools,
  { concepts = 3_000, changes = 5 }: { concepts?: number; changes?: number } = {},
): Promise<GlossaryBench> {
  const base = servers[0]!;
  const db = connectDatabase(databaseUrl, { max: 4 });
  try {
    const started = performance.now();
    const { concepts: total, lastWord } = await seedConcepts(db, concepts);
    const seededSeconds = Math.round((performance.now() - started) / 100) / 10;
    console.log(`glossary: ${total} concepts (seeded in ${seededSeconds} s)`);
    // Every process has read the seeded edition, and had the time to tag its documents anew (a few
    // seconds at 5,000 services), before anything is measured.
    if (lastWord) await Promise.all(servers.map((s) => understoodAfter(s, lastWord, performance.now())));
    await new Promise((r) => setTimeout(r, 15_000));

    const slugs = (
      await db.pool.query<{ slug: string }>('select slug from glossary_concepts order by random() limit 300')
    ).rows.map((r) => r.slug);
    const list = await load(
      'glossary list page',
      base,
      Array.from({ length: 60 }, (_, i) => `/${locales[i % 3]}/glossary?page=${1 + (i % 60)}`),
    );
    const search = await load(
      'glossary search',
      base,
      ['ocmw', 'cpas', 'leef', 'schuld', 'proefbegrip 12', 'notion d', 'huis', 'asile'].map(
        (q, i) => `/${locales[i % 3]}/glossary?q=${encodeURIComponent(q)}`,
      ),
    );
    const concept = await load(
      'glossary concept page',
      base,
      slugs.map((s, i) => `/${locales[i % 3]}/glossary/${s}`),
    );

    // A moderator adds a new synonym to a concept of the first edition through the form, each time a
    // new word; every process must understand it.
    const [moderator] = (
      await db.pool.query<{ id: string }>(
        `insert into users (email, name, password_hash, email_verified_at, platform_role)
         values ($1, 'Bench moderator', 'bench: no password', now(), 'moderator') returning id`,
        [`bench-moderator-${Date.now()}@example.org`],
      )
    ).rows as [{ id: string }];
    const reachMs: number[][] = [];
    for (let i = 1; i <= changes; i++) {
      const word = `benchsynoniem ${i}`;
      const form = await signedIn(base, db, moderator.id, '/en/glossary/schuldbemiddeling/edit');
      // The form as the moderator gets it, filled in (sectors, definitions, links), plus one word.
      const filled = await conceptFormValues(db.db, 'schuldbemiddeling');
      const fields = new URLSearchParams({ _csrf: form.csrf, note: `Bench change ${i}.` });
      for (const [name, value] of Object.entries(filled))
        if (typeof value === 'string') fields.set(name, value);
      fields.set('synonyms.nl', `${fields.get('synonyms.nl') ?? ''}\n${word}`);
      const posted = await postForms(
        'glossary change',
        base,
        [{ path: '/en/glossary/schuldbemiddeling/edit', cookie: form.cookie, body: fields.toString() }],
        1,
      );
      if (posted.non2xx) throw new Error('the glossary change was refused');
      const since = performance.now();
      reachMs.push(await Promise.all(servers.map((s) => understoodAfter(s, word, since))));
    }
    const all = reachMs.flat().sort((a, b) => a - b);
    const reach = {
      processes: servers.length,
      changes,
      p50Ms: Math.round(percentile(all, 50)),
      maxMs: Math.round(all.at(-1) ?? 0),
      byProcessMaxMs: servers.map((_, p) => Math.round(Math.max(...reachMs.map((r) => r[p]!)))),
    };
    console.log(`glossary change reaches search: ${JSON.stringify(reach)}`);
    return { concepts: total, seededSeconds, list, search, concept, reach };
  } finally {
    await db.close();
  }
}

export function glossaryMarkdown(g: GlossaryBench): string[] {
  const row = (name: string, m: Measured) =>
    `| ${name} | ${m.requestsPerSecond} | ${m.latencyMs.p50} | ${m.latencyMs.p95} | ${m.latencyMs.p99} | ${m.errors + m.non2xx} |`;
  return [
    '',
    `## Glossary (${g.concepts} concepts)`,
    '',
    '| route | req/s | p50 ms | p95 ms | p99 ms | errors |',
    '| --- | --- | --- | --- | --- | --- |',
    row('glossary list page', g.list),
    row('glossary search', g.search),
    row('glossary concept page', g.concept),
    '',
    `A moderator's change (a new word), posted through the form to one process, was understood by the search of all ${g.reach.processes} processes ` +
      `in ${g.reach.p50Ms} ms at the median and ${g.reach.maxMs} ms at most over ${g.reach.changes} changes ` +
      `(per process at most: ${g.reach.byProcessMaxMs.join(' ms, ')} ms; target: within 10 s).`,
    '',
  ];
}
