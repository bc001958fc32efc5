// The lists a process keeps per index edition stay within their budget in bytes, however many
// filters are asked, and a list read again from them equals one made afresh.
import { describe, expect, it } from 'vitest';
import type { LiveSearchIndex } from '../../search/index.ts';
import { SearchIndex } from '../../search/engine/search-index.ts';
import { thesaurus } from '../../search/engine/thesaurus.ts';
import { IndexLists, keptListsBytes, listBytes } from './index-lists.ts';
import { organisation } from './list-fixtures.ts';

describe('the kept lists', () => {
  it('never hold more bytes than their budget', () => {
    const index = new SearchIndex(thesaurus());
    const live = { index, isReady: true } as unknown as LiveSearchIndex;
    for (let k = 0; k < 400; k++) {
      const docs = organisation(k, 1 + (k % 3));
      index.replace(docs, [docs[0]!.organisationId], 'directory');
    }
    const all = new IndexLists(live).services({});
    expect(all.length).toBe(799);
    // Room for about three lists of every service.
    const budget = 3 * listBytes(all, JSON.stringify(['s', {}])) + 100;
    const lists = new IndexLists(live, budget);
    const fresh = new IndexLists(live);
    const orgIds = [...new Set(index.documents.map((d) => d!.organisationId))];
    for (const [i, organisationId] of orgIds.entries()) {
      const filters = i % 2 ? { excludeOrganisationIds: [organisationId] } : { organisationId };
      expect(lists.services(filters)).toEqual(fresh.services(filters));
      expect(lists.keptBytes).toBeLessThanOrEqual(budget);
      expect(lists.organisations({ commune: '21004' }, 'fr')).toEqual(
        fresh.organisations({ commune: '21004' }, 'fr'),
      );
    }
    expect(lists.keptBytes).toBeGreaterThan(0);
    expect(keptListsBytes).toBeLessThanOrEqual(32 * 2 ** 20);
  });
});
