import { describe, expect, it } from 'vitest';
import {
  exactTier,
  inNameTier,
  namedTier,
  startTier,
  tierOfName,
  type Unit,
  type Word,
} from './name-tier.ts';
import { fold, queryForms } from './text.ts';

const word = (w: string): Word => ({ folded: fold(w), forms: queryForms(w) });
const name = (text: string): Word[] => text.split(' ').map(word);
/** Query units as rank-tiers.ts makes them: the last may be half typed; words of 5 letters and more may be typos. */
const units = (text: string, wordings: Record<string, string[]> = {}): Unit[] =>
  text.split(' ').map((w, i, all) => ({
    word: word(w),
    last: i === all.length - 1,
    typo: w.length >= 5,
    wordings: new Map(
      Object.entries(wordings[w] ? { [fold(wordings[w][0]!)]: [wordings[w].map(word)] } : {}),
    ),
  }));

describe('the tier a name gives', () => {
  it('tells a whole name, in any order, from a start, from a name holding every word, from the rest', () => {
    expect(tierOfName(units('bruxelles laique'), name('Bruxelles Laique'))).toBe(exactTier);
    expect(tierOfName(units('laique bruxelles'), name('Bruxelles Laique'))).toBe(exactTier);
    expect(tierOfName(units('theatre royal de'), name('theatre royal de toone'))).toBe(startTier);
    expect(tierOfName(units('theatre roy'), name('theatre royal de toone'))).toBe(startTier);
    expect(tierOfName(units('toone theatre'), name('theatre royal de toone'))).toBe(inNameTier);
    expect(tierOfName(units('toone cinema'), name('theatre royal de toone'))).toBe(namedTier);
    expect(tierOfName(units('atomiun'), name('Atomium'))).toBe(exactTier);
    expect(tierOfName(units('toone'), [])).toBe(namedTier);
  });

  it("puts a name met through a concept's other wording just after the same tier as typed", () => {
    const cpas = units('cpas', { cpas: ['centre', 'public', 'action', 'sociale'] });
    expect(tierOfName(cpas, name('centre public action sociale'))).toBe(exactTier + 1);
    expect(tierOfName(cpas, name('centre public action sociale anderlecht'))).toBe(startTier + 1);
    expect(tierOfName(cpas, name('cpas anderlecht'))).toBe(startTier);
  });

  it('gives the same tiers whatever was compared before, long names included', () => {
    const long = name(Array.from({ length: 150 }, () => 'aide').join(' '));
    const cases: [Unit[], Word[], number][] = [
      [units('aide'), long, startTier],
      [units('sociale aide'), name('aide sociale'), exactTier],
      [units('aide sociale'), long, namedTier],
      [units('aide'), name('aide'), exactTier],
    ];
    for (const order of [cases, [...cases].reverse(), [...cases, ...cases]])
      for (const [u, n, tier] of order) expect(tierOfName(u, n)).toBe(tier);
  });
});
