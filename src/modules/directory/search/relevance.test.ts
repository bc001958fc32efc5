// Relevance cannot silently fall: the relevance set (relevance-set.json) must keep an MRR of 0.9 on
// the demo data. The floor is the measured figure rounded down (see docs/architecture.md, Search).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../../test/helpers/test-database.ts';
import { LiveSearchIndex } from '../../search/live-index.ts';
import { readRelevanceSet } from './relevance.ts';
import { measureRelevance, relevanceLine } from './relevance-run.ts';
import { directorySearchSource } from './directory-source.ts';

let database: TestDatabase;
let live: LiveSearchIndex;
beforeAll(async () => {
  database = await createTestDatabase({ demo: true });
  live = new LiveSearchIndex(database, [directorySearchSource]);
  await live.ready;
});
afterAll(async () => {
  await live.close();
  await database.drop();
});

describe('search relevance on the demo data', () => {
  it('keeps a mean reciprocal rank of at least 0.9 over the relevance set', async () => {
    expect(readRelevanceSet().length).toBeGreaterThanOrEqual(60);
    const report = await measureRelevance(live, database.pool, 'relevance-set.json');
    console.log(relevanceLine('demo relevance set', report));
    const misses = report.scores
      .filter((s) => s.reciprocalRank < 1)
      .map((s) => `  ${s.id} (RR ${s.reciprocalRank.toFixed(2)}): ${s.top.join(' > ')}`);
    console.log(`not first:\n${misses.join('\n')}`);
    expect(report.mrr).toBeGreaterThanOrEqual(0.9);
  });
});
