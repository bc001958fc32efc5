import { describe, expect, it } from 'vitest';
import type { I18nText } from '../../../shared/i18n-text.ts';
import { otherDoc } from '../other-doc.ts';
import type { SearchDoc } from './search-types.ts';
import { SuggestIndex, Suggestions } from './suggest-index.ts';
import { fold, words } from './text.ts';
import { thesaurus } from './thesaurus.ts';

function random(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1_103_515_245 + 12_345) % 2 ** 31;
    return s / 2 ** 31;
  };
}

const pool = [
  'maison',
  'médicale',
  'schuld',
  'hulp',
  'aide',
  'logement',
  'jeunesse',
  'Brussel',
  'centre',
  'café',
];

function docs(count: number, seed: number): (SearchDoc | undefined)[] {
  const next = random(seed);
  const name = () =>
    Array.from({ length: 1 + Math.floor(next() * 4) }, () => pool[Math.floor(next() * pool.length)]).join(
      ' ',
    );
  return Array.from({ length: count }, (_, i) => {
    if (next() < 0.05) return undefined;
    const doc = otherDoc({
      type: 'event',
      id: `e${i}`,
      title: { fr: name(), nl: name() },
      text: {},
      path: `/e/${i}`,
    });
    const type = (['service', 'organisation', 'event', 'term'] as const)[Math.floor(next() * 4)]!;
    // Ranks from a few values: many ties, which must keep the entries' order.
    return {
      ...doc,
      type,
      trust: [0.8, 1, 1.3][Math.floor(next() * 3)]!,
      organisationName: { fr: name() },
      organisationId: `o${i % 50}`,
    };
  });
}

/** The words and owners as the index made them at once, with one stable sort, before it was sliced. */
function madeAtOnce(all: (SearchDoc | undefined)[]): { words: string[]; owners: number[] } {
  const entries: { folded: string; rank: number }[] = [];
  const seen = new Set<string>();
  const add = (name: I18nText, type: string, rank: number) => {
    const folded = words(Object.values(name).join(' ')).map(fold).join(' ');
    if (!folded || seen.has(`${type}|${folded}`)) return;
    seen.add(`${type}|${folded}`);
    entries.push({ folded, rank });
  };
  for (const c of thesaurus().concepts)
    add({ nl: c.terms.nl[0], fr: c.terms.fr[0], en: c.terms.en[0] }, 'concept', 10);
  for (const doc of all) {
    if (!doc || doc.type === 'term') continue;
    add(doc.name, doc.type, doc.trust);
    if (doc.type === 'service') add(doc.organisationName, 'organisation', doc.trust);
  }
  const pairs: [string, number][] = [];
  entries.forEach((entry, i) => {
    for (const word of new Set(entry.folded.split(' '))) pairs.push([word, i]);
  });
  pairs.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : entries[b[1]]!.rank - entries[a[1]]!.rank));
  return { words: pairs.map((p) => p[0]), owners: pairs.map((p) => p[1]) };
}

describe('suggestions made in slices', () => {
  it('order their words exactly as one stable sort did', async () => {
    const all = docs(3_000, 5);
    let pauses = 0;
    const index = await SuggestIndex.build(all, thesaurus(), async () => {
      pauses++;
    });
    const made = index as unknown as { words: string[]; owners: Int32Array };
    const expected = madeAtOnce(all);
    expect(made.words.length).toBeGreaterThan(2 * 2048);
    expect(made.words).toEqual(expected.words);
    expect([...made.owners]).toEqual(expected.owners);
    expect(pauses).toBeGreaterThanOrEqual(0);
    expect(index.suggest('maison méd', 'fr').length).toBeGreaterThan(0);
  });

  it('answer from the former index while a new one is made, and wait only for the first', async () => {
    const suggestions = new Suggestions();
    let made = 0;
    const make = (all: (SearchDoc | undefined)[]) => () => {
      made++;
      return SuggestIndex.build(all, thesaurus());
    };
    const first = await suggestions.suggest('jeu', 'fr', 8, 1, make(docs(50, 1)));
    expect(first.length).toBeGreaterThan(0);
    // A new thesaurus: the next call starts a new making and is answered by the former index.
    suggestions.forget();
    const meanwhile = await suggestions.suggest('jeu', 'fr', 8, 2, make([]));
    expect(meanwhile).toEqual(first);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const after = await suggestions.suggest('jeu', 'fr', 8, 2, make([]));
    expect(after.every((s) => s.type === 'concept')).toBe(true);
    expect(made).toBe(2);
  });
});
