import { describe, expect, it } from 'vitest';
import { type I18nText, pickText } from '../../../shared/i18n-text.ts';
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

// Two bytes a code unit from the first name that does not fit in one (folded-names.ts), surrogate
// pairs included: a Deseret letter (U+10400, lower case U+10428) and an emoji inside a word.
const scripts = [...pool.slice(0, 5), 'Київ', 'допомога', 'مساعدة', 'سكن', '𐐀𐐩𐐻', 'caf😀e', 'hulp𝒜'];

function docs(count: number, seed: number, from = pool): (SearchDoc | undefined)[] {
  const next = random(seed);
  const name = () =>
    Array.from({ length: 1 + Math.floor(next() * 4) }, () => from[Math.floor(next() * from.length)]).join(
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

interface Entry {
  name: I18nText;
  folded: string;
  type: string;
  id?: string;
  rank: number;
}

/** The words and owners as the index made them at once, with one stable sort, before it was sliced. */
function madeAtOnce(all: (SearchDoc | undefined)[]): { words: string[]; owners: number[]; entries: Entry[] } {
  const entries: Entry[] = [];
  const seen = new Set<string>();
  const add = (name: I18nText, type: string, rank: number, id?: string) => {
    const folded = words(Object.values(name).join(' ')).map(fold).join(' ');
    if (!folded || seen.has(`${type}|${folded}`)) return;
    seen.add(`${type}|${folded}`);
    entries.push({ name, folded, type, id, rank });
  };
  for (const c of thesaurus().concepts)
    add({ nl: c.terms.nl[0], fr: c.terms.fr[0], en: c.terms.en[0] }, 'concept', 10);
  for (const doc of all) {
    if (!doc || doc.type === 'term') continue;
    add(doc.name, doc.type, doc.trust, doc.id);
    if (doc.type === 'service') add(doc.organisationName, 'organisation', doc.trust, doc.organisationId);
  }
  const pairs: [string, number][] = [];
  entries.forEach((entry, i) => {
    for (const word of new Set(entry.folded.split(' '))) pairs.push([word, i]);
  });
  pairs.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : entries[b[1]]!.rank - entries[a[1]]!.rank));
  return { words: pairs.map((p) => p[0]), owners: pairs.map((p) => p[1]), entries };
}

/** Suggestions as the index gave them when it kept an object per name and a string per word. */
function suggestedAtOnce(made: ReturnType<typeof madeAtOnce>, text: string, locale: 'fr' | 'nl' | 'en') {
  const typed = words(text).map(fold);
  const last = typed.pop()!;
  const found: Entry[] = [];
  const taken = new Set<number>();
  let i = made.words.findIndex((w) => w >= last);
  for (let scanned = 0; i >= 0 && i < made.words.length && scanned < 5_000; i++, scanned++) {
    if (!made.words[i]!.startsWith(last)) break;
    const owner = made.owners[i]!;
    const entry = made.entries[owner]!;
    if (taken.has(owner) || !typed.every((w) => ` ${entry.folded}`.includes(` ${w}`))) continue;
    taken.add(owner);
    found.push(entry);
  }
  return found
    .sort((a, b) => b.rank - a.rank)
    .slice(0, 8)
    .map((e) => ({ text: pickText(e.name, locale)?.text ?? '', type: e.type, id: e.id }));
}

describe('suggestions made in slices', () => {
  it('order their words exactly as one stable sort did', async () => {
    const all = docs(3_000, 5);
    let pauses = 0;
    const index = await SuggestIndex.build(all, thesaurus(), async () => {
      pauses++;
    });
    const made = index.pairs();
    const expected = madeAtOnce(all);
    expect(made.words.length).toBeGreaterThan(2 * 2048);
    expect(made.words).toEqual(expected.words);
    expect(made.owners).toEqual(expected.owners);
    expect(pauses).toBeGreaterThanOrEqual(0);
    expect(index.suggest('maison méd', 'fr').length).toBeGreaterThan(0);
  });

  it('kept packed, suggest what the index of an object per name suggested', async () => {
    const all = docs(3_000, 7);
    const index = await SuggestIndex.build(all, thesaurus());
    const expected = madeAtOnce(all);
    for (const text of [
      'm',
      'mai',
      'maison méd',
      'centre jeu',
      'schuld hu',
      'caf',
      'brussel c',
      'zzz',
      'hulp aide l',
    ]) {
      for (const locale of ['fr', 'nl', 'en'] as const)
        expect(index.suggest(text, locale)).toEqual(suggestedAtOnce(expected, text, locale));
    }
  });

  it('in other scripts and beyond the first plane, keep what one stable sort and the index of objects gave', async () => {
    // Few words: most names are repeats, which the index does not keep.
    const all = docs(2_000, 11, scripts);
    const index = await SuggestIndex.build(all, thesaurus());
    const expected = madeAtOnce(all);
    const made = index.pairs();
    expect(made.words).toEqual(expected.words);
    expect(made.owners).toEqual(expected.owners);
    for (const word of ['Київ', 'مساعدة', '𐐀𐐩𐐻']) expect(made.words).toContain(fold(word));
    for (const text of [
      'ки',
      'київ доп',
      'مس',
      'سكن مسا',
      '𐑀',
      '𐑀𐐩',
      'caf',
      'caf😀',
      'hulp𝒜',
      'maison к',
      'ж',
    ]) {
      for (const locale of ['fr', 'nl'] as const)
        expect(index.suggest(text, locale)).toEqual(suggestedAtOnce(expected, text, locale));
    }
    expect(index.suggest('київ', 'fr').length).toBeGreaterThan(0);
    // What it keeps is of the names kept, not of the arrays sized before the repeats were dropped.
    const held = index as unknown as Record<'typeOf' | 'ranks' | 'folded' | 'foldedStart', ArrayBufferView>;
    expect(held.typeOf.byteLength).toBe(expected.entries.length);
    for (const key of ['typeOf', 'ranks', 'folded', 'foldedStart'] as const)
      expect(held[key].buffer.byteLength).toBe(held[key].byteLength);
  });

  it('are made ahead of the first ask when prepared, and not made again for it', async () => {
    const suggestions = new Suggestions();
    let made = 0;
    const make = () => {
      made++;
      return SuggestIndex.build(docs(50, 1), thesaurus());
    };
    await suggestions.prepare(1, make);
    expect(made).toBe(1);
    expect((await suggestions.suggest('jeu', 'fr', 8, 1, make)).length).toBeGreaterThan(0);
    expect(made).toBe(1);
  });

  it('tell they are made once a making succeeds, the first having failed (the /metrics gauge)', async () => {
    const suggestions = new Suggestions();
    await expect(suggestions.prepare(1, () => Promise.reject(new Error('no memory')))).rejects.toThrow();
    expect(suggestions.made).toBe(false);
    const make = () => SuggestIndex.build(docs(50, 1), thesaurus());
    expect((await suggestions.suggest('jeu', 'fr', 8, 1, make)).length).toBeGreaterThan(0);
    expect(suggestions.made).toBe(true);
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
