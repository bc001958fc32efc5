import { describe, expect, it } from 'vitest';
import { type PublishedPractice, relatedIn, relatedIndex } from './related-practices.ts';

const practice = (id: string, themes: string[], items: string[], publishedAt: number): PublishedPractice => ({
  id,
  slug: `p-${id}`,
  title: { en: id },
  themes,
  items,
  publishedAt,
});

describe('related practices in memory', () => {
  const index = relatedIndex([
    practice('a', ['housing'], [], 1),
    practice('b', ['housing', 'health'], ['i1'], 2),
    practice('c', [], ['i1', 'i2'], 3),
    practice('d', ['work'], ['i9'], 4),
    practice('e', ['health'], [], 5),
    practice('self', ['housing'], ['i1'], 6),
  ]);
  const self = { id: 'self', themes: ['housing', 'health'], obstacles: ['i1'], levers: ['i2'], tools: [] };

  it('ranks by shared themes plus twice the shared items, then the latest, never the practice itself', () => {
    // b: 2 themes + 1 item = 4; c: 2 items = 4 (later); a: 1; e: 1 (later); d: nothing shared.
    expect(relatedIn(index, self).map((r) => r.slug)).toEqual(['p-c', 'p-b', 'p-e', 'p-a']);
    expect(relatedIn(index, self, 2).map((r) => r.slug)).toEqual(['p-c', 'p-b']);
    expect(relatedIn(index, self, 0)).toEqual([]);
  });

  it('finds nothing for a practice with neither themes nor items', () => {
    expect(relatedIn(index, { id: 'x', themes: [], obstacles: [], levers: [], tools: [] })).toEqual([]);
  });
});
