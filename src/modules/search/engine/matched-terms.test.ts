import { describe, expect, it } from 'vitest';
import { TermIndex } from './term-index.ts';

const fields = ['title', 'description'] as const;

describe("a search's matched terms", () => {
  it('gives each of the first matches its index terms once, by rank or by document, and nothing deeper', () => {
    const index = new TermIndex([...fields], { title: 2, description: 1 });
    index.add(0, [
      ['aide', 'sociale'],
      ['aide', 'aides'],
    ]);
    index.add(1, [['aide'], ['sociale']]);
    index.add(2, [['soins'], ['aide']]);
    const found = index.match({ queries: ['aide', 'sociale'], prefix: true }, { termsOf: 2 });
    expect(found.terms.length).toBe(2);
    const [first, second, third] = Array.from(found.n);
    expect(found.terms.at(0).sort()).toEqual(['aide', 'aides', 'sociale']);
    expect(found.terms.of(first!)).toEqual(found.terms.at(0));
    expect(found.terms.of(second!)!.sort()).toEqual(['aide', 'sociale']);
    // The third is past the first two: it shows unmarked.
    expect(third).toBe(2);
    expect(found.terms.of(third!)).toBeUndefined();
  });

  it('holds many terms per match', () => {
    const index = new TermIndex([...fields], { title: 1, description: 1 });
    const words = Array.from({ length: 40 }, (_, i) => `mot${i}`);
    for (let n = 0; n < 10; n++) index.add(n, [words, words]);
    const found = index.match({ queries: ['mot'], prefix: true }, { termsOf: 10 });
    for (let k = 0; k < 10; k++) expect(found.terms.at(k).sort()).toEqual([...words].sort());
  });
});
