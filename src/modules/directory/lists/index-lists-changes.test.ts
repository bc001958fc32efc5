// The directory's lists kept up to date change by change (only the organisations that changed are
// made again and put in their places) equal lists made afresh from the whole index, in every
// language, after additions, removals, renames, a service moved and a whole organisation gone.
import { describe, expect, it } from 'vitest';
import type { Locale } from '../../../shared/i18n-text.ts';
import type { LiveSearchIndex } from '../../search/index.ts';
import { SearchIndex } from '../../search/engine/search-index.ts';
import { thesaurus } from '../../search/engine/thesaurus.ts';
import { IndexLists } from './index-lists.ts';
import { organisation } from './list-fixtures.ts';
import { updateSorted } from './sorted.ts';

describe('the directory’s lists after changes', () => {
  it('equal lists made afresh from the whole index', () => {
    const index = new SearchIndex(thesaurus());
    const live = { index, isReady: true } as unknown as LiveSearchIndex;
    const orgs = Array.from({ length: 300 }, (_, k) => organisation(k, k % 4));
    for (const docs of orgs) index.replace(docs, [docs[0]!.organisationId], 'directory');
    const kept = new IndexLists(live);
    const check = () => {
      const fresh = new IndexLists(live);
      for (const locale of ['nl', 'fr', 'en'] as Locale[])
        for (const filters of [
          {},
          { withServices: true },
          { commune: '21004' },
          { theme: 'housing' },
          { language: 'fr', withServices: true },
          { theme: 'health', language: 'fr' },
          { commune: '21009', kind: 'citizen_initiative' as const },
        ])
          expect(kept.organisations(filters, locale)).toEqual(fresh.organisations(filters, locale));
      for (const filters of [{}, { commune: '21001' }, { kind: 'formal' as const }])
        expect(kept.services(filters)).toEqual(fresh.services(filters));
    };
    check();
    for (let round = 0; round < 30; round++) {
      const k = (round * 37) % orgs.length;
      const orgId = orgs[k]![0]!.organisationId;
      // Renamed, with another number of services; every fifth round, gone.
      const next =
        round % 5 === 4
          ? []
          : organisation(k + round, round % 3).map((d) => ({ ...d, organisationId: orgId }));
      index.replace(next, [orgId], 'directory');
      if (round % 2) check();
    }
    check();
  });
});

describe('updateSorted', () => {
  it('equals sorting again', () => {
    const numbers = Array.from({ length: 200 }, (_, i) => (i * 7919) % 1000);
    const sorted = [...numbers].sort((a, b) => a - b);
    const removed = new Set(sorted.filter((x) => x % 5 === 0));
    const added = [3, 3, 999, 0, 1000, 500];
    const expected = [...sorted.filter((x) => !removed.has(x)), ...added].sort((a, b) => a - b);
    expect(updateSorted(sorted, removed, added, (a, b) => a - b)).toEqual(expected);
  });
});
