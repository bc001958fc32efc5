// The lists a process keeps per index edition stay within their budget in bytes, however many
// filters are asked, and a list read again from them equals one made afresh.
import { describe, expect, it } from 'vitest';
import type { I18nText } from '../../../shared/i18n-text.ts';
import { type LiveSearchIndex, type SearchDoc } from '../../search/index.ts';
import { SearchIndex } from '../../search/engine/search-index.ts';
import { thesaurus } from '../../search/engine/thesaurus.ts';
import { IndexLists, keptListsBytes, listBytes } from './index-lists.ts';

const names = ['Zèbre', 'zebre', 'Écoute', 'ecoute', 'Abri', 'abri', 'Ômega', 'Maison', 'maison ', 'Œuvre'];
let ids = 0;
const id = () => `00000000-0000-4000-8000-${String(++ids).padStart(12, '0')}`;

function doc(type: SearchDoc['type'], organisationId: string, name: I18nText, commune: string): SearchDoc {
  return {
    type,
    id: type === 'organisation' ? organisationId : id(),
    organisationId,
    name,
    organisationName: name,
    description: {},
    kind: commune === '21004' ? 'formal' : 'citizen_initiative',
    verified: false,
    lastConfirmedAt: null,
    themes: [commune === '21001' ? 'housing' : 'health'],
    communes: [commune],
    quartiers: [],
    points: [],
    languages: ['fr'],
    phone: null,
    targetGroups: [],
    access: [],
    evening: false,
    weekend: false,
    weekly: [],
    exceptions: [],
    closedOnPublicHolidays: false,
    trust: 1,
    fields: { title: 'x', organisation: 'x', themes: '', place: '', description: '' },
  };
}

function organisation(k: number, services: number): SearchDoc[] {
  const orgId = id();
  const name = {
    fr: `${names[k % names.length]} ${k % 7}`,
    ...(k % 3 ? { nl: names[(k * 7) % names.length] } : {}),
  };
  const commune = ['21001', '21004', '21009'][k % 3]!;
  if (!services) return [doc('organisation', orgId, name, commune)];
  return Array.from({ length: services }, () => doc('service', orgId, name, commune));
}

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
