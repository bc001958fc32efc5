// Relevance cannot silently fall: the relevance set (relevance-set.json) must keep an MRR of 0.8.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../../test/helpers/test-database.ts';
import type { SearchDoc } from '../../search/index.ts';
import { LiveSearchIndex } from '../../search/live-index.ts';
import { searchDirectory } from './search.service.ts';
import { paramsOf, rankedDocs, readRelevanceSet, scoreRelevance } from './relevance.ts';
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
  it('keeps a mean reciprocal rank of at least 0.8 over the relevance set', async () => {
    const set = readRelevanceSet();
    expect(set.length).toBeGreaterThanOrEqual(60);
    const keys = new Map<string, { service: string | null; organisation: string }>();
    const { rows } = await database.pool.query<{ id: string; org: string; svc: string | null }>(`
      select s.id, o.provenance_id as org, s.provenance_id as svc from services s join organisations o on o.id = s.organisation_id
      union all select id, provenance_id, null from organisations`);
    for (const r of rows)
      keys.set(r.id, { service: r.svc ? `${r.org}/${r.svc}` : null, organisation: r.org });
    const results = new Map<string, SearchDoc[]>();
    for (const q of set) results.set(q.id, rankedDocs(await searchDirectory(live, paramsOf(q), q.locale)));
    const report = scoreRelevance(set, results, (doc) => keys.get(doc.id)!);
    const misses = report.scores.filter((s) => s.reciprocalRank === 0).map((s) => s.id);
    expect(report.mrr, `missed: ${misses.join(', ')}`).toBeGreaterThanOrEqual(0.8);
  });
});
