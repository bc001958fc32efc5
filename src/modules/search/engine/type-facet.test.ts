// The "type" facet: counted like the others (each document passing every other filter), and a
// filter on types takes any of them.
import { describe, expect, it } from 'vitest';
import { otherDoc } from '../other-doc.ts';
import { SearchIndex } from './search-index.ts';
import type { SearchDoc } from './search-types.ts';
import { thesaurus } from './thesaurus.ts';

const doc = (type: 'event' | 'question' | 'room', id: string, title: string, themes: string[] = []) =>
  otherDoc({ type, id, title: { en: title }, text: { en: `${title} text` }, path: `/x/${id}`, themes });

const service = (): SearchDoc => {
  const d = doc('event', 's1', 'Debt advice desk', ['finance']);
  return { ...d, type: 'service', ownerId: undefined, organisationId: 'org', kind: 'formal' };
};

function index(): SearchIndex {
  const idx = new SearchIndex(thesaurus());
  idx.replace([service()], undefined, 'directory');
  idx.replace(
    [
      doc('event', 'e1', 'Debt advice evening', ['finance']),
      doc('event', 'e2', 'Housing fair'),
      doc('question', 'q1', 'Who gives debt advice?'),
      doc('room', 'r1', 'Meeting room'),
    ],
    undefined,
    'others',
  );
  return idx;
}

const query = (text: string, filters = {}) =>
  index().search({ text, filters, sort: 'relevance', offset: 0, limit: 20 });

describe('the type facet', () => {
  it('counts every type that has results', () => {
    const result = query('debt advice');
    expect(Object.fromEntries(result.facets.type)).toEqual({ service: 1, event: 1, question: 1 });
    // Neutral fields of other documents give no empty kind.
    expect([...result.facets.kind.keys()]).toEqual(['formal']);
  });

  it('filters on any of the types asked, and still counts the others', () => {
    const result = query('debt advice', { type: ['event', 'question'] });
    expect(result.hits.map((h) => h.doc.id).sort()).toEqual(['e1', 'q1']);
    expect(Object.fromEntries(result.facets.type)).toEqual({ service: 1, event: 1, question: 1 });
  });

  it('counts types passing the other filters only', () => {
    const result = query('debt advice', { theme: 'finance', type: ['event'] });
    expect(result.hits.map((h) => h.doc.id)).toEqual(['e1']);
    expect(Object.fromEntries(result.facets.type)).toEqual({ service: 1, event: 1 });
  });

  it('finds nothing for a type the index has none of', () => {
    expect(query('debt', { type: ['call'] }).total).toBe(0);
  });

  it('replaces a source’s documents by owner, leaving other sources alone', () => {
    const idx = index();
    idx.replace([doc('event', 'e2', 'Housing market')], ['e2'], 'others');
    const found = (text: string) =>
      idx.search({ text, filters: {}, sort: 'relevance', offset: 0, limit: 20 }).hits.map((h) => h.doc.id);
    expect(found('market')).toEqual(['e2']);
    expect(found('fair')).toEqual([]);
    idx.replace([], ['e1'], 'others');
    expect(found('debt advice').sort()).toEqual(['q1', 's1']);
  });

  it('suggests the titles of every type', async () => {
    const suggestions = await index().suggest('meet', 'en');
    expect(suggestions).toContainEqual({ text: 'Meeting room', type: 'room', id: 'r1' });
  });
});
