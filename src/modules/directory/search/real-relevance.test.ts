// Relevance on real organisations: the City of Brussels list (671 organisations, none listing a
// service) imported next to the demo data, searched with real-relevance-set.json. Names matching the
// query exactly, by their start or with all their words come first (rank-tiers.ts); the floor is
// the measured figure rounded down (see docs/architecture.md, Search).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../../test/helpers/test-database.ts';
import { LiveSearchIndex } from '../../search/live-index.ts';
import { readRelevanceSet } from './relevance.ts';
import { importRealOrganisations, measureRelevance, relevanceLine } from './relevance-run.ts';
import { directorySearchSource } from './directory-source.ts';

let database: TestDatabase;
let live: LiveSearchIndex;
beforeAll(async () => {
  database = await createTestDatabase({ demo: true });
  expect(await importRealOrganisations(database.db)).toBe(671);
  live = new LiveSearchIndex(database, [directorySearchSource]);
  await live.ready;
});
afterAll(async () => {
  await live.close();
  await database.drop();
});

describe('search relevance on real organisations', () => {
  it('has at least 60 queries, each expecting organisations of the imported list', async () => {
    const set = readRelevanceSet('real-relevance-set.json');
    expect(set.length).toBeGreaterThanOrEqual(60);
    const { rows } = await database.pool.query<{ name: string }>(
      `select coalesce(name->>'fr', name->>'nl') as name from organisations where provenance_source = $1`,
      ['city-of-brussels-subsidies'],
    );
    const names = new Set(rows.map((r) => r.name));
    for (const q of set) for (const name of q.relevant) expect(names, q.id).toContain(name);
  });

  it('keeps a mean reciprocal rank of at least 0.85 over the real relevance set', async () => {
    const report = await measureRelevance(live, database.pool, 'real-relevance-set.json');
    console.log(relevanceLine('real relevance set', report));
    const misses = report.scores
      .filter((s) => s.reciprocalRank < 1)
      .map((s) => `  ${s.id} (RR ${s.reciprocalRank.toFixed(2)}): ${s.top.join(' > ')}`);
    console.log(`not first:\n${misses.join('\n')}`);
    expect(report.mrr).toBeGreaterThanOrEqual(0.85);
    // Names matching the words exactly, by their start or with all their words come first
    // ("jeunesse" for "Jeunesse à Bruxelles", which came after demo services before).
    const byName = report.scores.filter((s) => ['exact', 'prefix', 'reordered'].includes(s.kind));
    expect(byName.length).toBeGreaterThanOrEqual(30);
    expect(byName.filter((s) => s.reciprocalRank < 1).map((s) => s.id)).toEqual([]);
  });
});
