// The first edition of the directory's lists made in steps ahead of the first request (prepare)
// gives exactly the lists an edition made at once gives, in every language, also when the index
// changes while it is made; meanwhile the lists say they are not ready (callers ask PostgreSQL).
import { describe, expect, it } from 'vitest';
import type { Locale } from '../../../shared/i18n-text.ts';
import type { Slices } from '../../../shared/slices.ts';
import type { LiveSearchIndex } from '../../search/index.ts';
import { SearchIndex } from '../../search/engine/search-index.ts';
import { thesaurus } from '../../search/engine/thesaurus.ts';
import { IndexLists } from './index-lists.ts';
import { organisation } from './list-fixtures.ts';

function expectSameLists(lists: IndexLists, live: LiveSearchIndex): void {
  const fresh = new IndexLists(live);
  for (const locale of ['nl', 'fr', 'en'] as Locale[])
    for (const filters of [
      {},
      { withServices: true },
      { commune: '21004' },
      { theme: 'housing' },
      { theme: 'health', language: 'fr' },
      { commune: '21009', kind: 'citizen_initiative' as const },
    ])
      expect(lists.organisations(filters, locale)).toEqual(fresh.organisations(filters, locale));
  for (const filters of [{}, { commune: '21001' }, { kind: 'formal' as const }])
    expect(lists.services(filters)).toEqual(fresh.services(filters));
}

describe('the first edition of the lists made in steps', () => {
  it('equals one made at once, also after a change while it was made', async () => {
    const index = new SearchIndex(thesaurus());
    const live = { index, isReady: true } as unknown as LiveSearchIndex;
    // More organisations than one sorted run (256): the runs are merged too.
    const orgs = Array.from({ length: 2_600 }, (_, k) => organisation(k, k % 4));
    for (const docs of orgs) index.replace(docs, [docs[0]!.organisationId], 'directory');
    const lists = new IndexLists(live);
    let pauses = 0;
    // A slice always used up: a pause at every chance; at the 20th, an organisation renamed.
    const slices = {
      due: true,
      next: async () => {
        if (++pauses === 20) {
          const orgId = orgs[5]![0]!.organisationId;
          const renamed = organisation(77, 2).map((d) => ({ ...d, organisationId: orgId }));
          index.replace(renamed, [orgId], 'directory');
        }
      },
    } as unknown as Slices;
    const prepared = lists.prepare(slices);
    expect(lists.ready).toBe(false);
    await prepared;
    expect(pauses).toBeGreaterThan(20);
    expect(lists.ready).toBe(true);
    expectSameLists(lists, live);
    // Made once: a second prepare has nothing to do.
    const before = pauses;
    await lists.prepare(slices);
    expect(pauses).toBe(before);
  });

  it('makes the lists per theme, commune and language of every language in steps too', async () => {
    const index = new SearchIndex(thesaurus());
    const live = { index, isReady: true } as unknown as LiveSearchIndex;
    for (let k = 0; k < 600; k++) {
      const docs = organisation(k, k % 4);
      index.replace(docs, [docs[0]!.organisationId], 'directory');
    }
    const lists = new IndexLists(live);
    let pauses = 0;
    await lists.prepare({ due: true, next: async () => void pauses++ } as unknown as Slices);
    expect(lists.facetListsHeld).toBe(9);
    // A pause every 256 organisations of each of the nine.
    expect(pauses).toBeGreaterThanOrEqual(9 * 3);
    expectSameLists(lists, live);
  });
});
