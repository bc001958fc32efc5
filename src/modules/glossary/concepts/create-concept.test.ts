// A new concept's slug: its Dutch word folded as labels are, signs as hyphens, a number when taken,
// and never the address of a page under /glossary/.
import { describe, expect, it } from 'vitest';
import { freeSlug } from './create-concept.ts';

describe('freeSlug', () => {
  it('folds the word and joins its parts with hyphens', () => {
    expect(freeSlug('Médiation de dettes', () => false)).toBe('mediation-de-dettes');
    expect(freeSlug('  sans-papiers ', () => false)).toBe('sans-papiers');
    expect(freeSlug('OCMW/CPAS', () => false)).toBe('ocmw-cpas');
  });

  it('adds a number when the slug is taken, and never gives a page’s address', () => {
    const taken = new Set(['leefloon', 'leefloon-2']);
    expect(freeSlug('leefloon', (s) => taken.has(s))).toBe('leefloon-3');
    expect(freeSlug('New', () => false)).toBe('new-2');
    expect(freeSlug('؟', () => false)).toBe('concept');
  });
});
