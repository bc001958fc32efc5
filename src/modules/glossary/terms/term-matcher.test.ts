import { describe, expect, it } from 'vitest';
import { foldLabel } from '../labels/fold-label.ts';
import type { GlossaryLanguage, LabelKind } from '../glossary.vocabulary.ts';
import type { SnapshotConcept } from '../snapshot/glossary-snapshot.ts';
import { termMatcher } from './term-matcher.ts';

const concept = (slug: string, words: [GlossaryLanguage, string, LabelKind?][]): SnapshotConcept => ({
  slug,
  labels: words.map(([language, text, kind]) => ({
    language,
    kind: kind ?? 'preferred',
    text,
    folded: foldLabel(text),
    sector: null,
  })),
  definition: {},
  broader: [],
  related: [],
  modified: new Date(),
});

const matcher = termMatcher([
  concept('ocmw', [
    ['nl', 'OCMW'],
    ['fr', 'CPAS'],
    ['nl', 'sociaal huis', 'synonym'],
  ]),
  concept('ocmw-kaart', [['nl', 'OCMW-kaart']]),
  concept('leefloon', [
    ['nl', 'leefloon'],
    ['fr', "revenu d'intégration"],
  ]),
  concept('asiel-nl', [['nl', 'asiel']]),
  concept('x', [['nl', 'x']]),
  // One word, two languages, two concepts.
  concept('dak-nl', [['nl', 'logement']]),
  concept('logement-fr', [['fr', 'logement']]),
]);
const nl: GlossaryLanguage[] = ['nl', 'en', 'fr', 'ar'];
const fr: GlossaryLanguage[] = ['fr', 'en', 'nl', 'ar'];

describe('the glossary’s words in a text', () => {
  it('finds words folded as labels are, whole words only, in the order they first appear', () => {
    expect(matcher.find(['Le Revenu d’Intégration, au cpas.'], fr, 20)).toEqual(['leefloon', 'ocmw']);
    expect(matcher.find(['Het Sociaal   Huis; ocmw en OCMW'], nl, 20)).toEqual(['ocmw']);
    // Not inside another word, nor a label shorter than two characters.
    expect(matcher.find(['OCMWS en asielzoekers, x y z'], nl, 20)).toEqual([]);
  });

  it('takes the longest word that starts at a place', () => {
    expect(matcher.find(['Vraag je OCMW-kaart aan bij het OCMW'], nl, 20)).toEqual(['ocmw-kaart', 'ocmw']);
    expect(matcher.find(['Het ocmw kaart'], nl, 20)).toEqual(['ocmw-kaart']);
  });

  it('prefers the reader’s language where one word names concepts of two languages', () => {
    expect(matcher.find(['logement'], nl, 20)).toEqual(['dak-nl']);
    expect(matcher.find(['logement'], fr, 20)).toEqual(['logement-fr']);
  });

  it('reads several texts and stops at the limit', () => {
    expect(matcher.find(['asiel', 'leefloon', 'OCMW'], nl, 2)).toEqual(['asiel-nl', 'leefloon']);
    expect(matcher.find(['', 'asiel'], nl, 20)).toEqual(['asiel-nl']);
  });
});
