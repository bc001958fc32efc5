// Tagging texts with the concepts they name (Thesaurus.tag), against the comparison it replaced:
// every pattern whose first word is at a position, compared word by word from there.
import { describe, expect, it } from 'vitest';
import type { Locale } from '../../../shared/i18n-text.ts';
import { type Concept, Thesaurus } from './thesaurus.ts';
import { fold, isStopword, stemOf, words } from './text.ts';

/** What tag() gives, the slow way: each term of each concept looked for at every position. */
function tagSlowly(concepts: Concept[], text: string, lang: Locale): Set<string> {
  const kept = words(text).filter((w) => !isStopword(w));
  const stems = kept.map((w) => stemOf(w, lang));
  const folded = kept.map(fold);
  const found = new Set<string>();
  for (const concept of concepts) {
    for (const [termLang, terms] of Object.entries(concept.terms)) {
      const byStem = termLang === lang;
      for (const term of terms) {
        const all = words(term);
        const keys = all.filter((w) => !isStopword(w)).map((w) => (byStem ? stemOf(w, lang) : fold(w)));
        if (!keys.length || (keys.length === 1 && all.length > 1)) continue;
        const seq = byStem ? stems : folded;
        for (let i = 0; i < seq.length; i++)
          if (keys.every((key, k) => seq[i + k] === key)) found.add(concept.id);
      }
    }
  }
  return found;
}

function random(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1_103_515_245 + 12_345) % 2 ** 31;
    return s / 2 ** 31;
  };
}

// Words that stem alike and apart, accents, a stopword, numbers: terms share first words.
const vocabulary = [
  'centre',
  'centres',
  'public',
  'publics',
  'action',
  'sociale',
  'médiation',
  'mediation',
  'dettes',
  'schuld',
  'schulden',
  'bemiddeling',
  'huis',
  'huizen',
  'medisch',
  'de',
  'la',
  'het',
  'OCMW',
  'CPAS',
  'help',
  'helping',
  'desk',
  '12',
  '3',
];

describe('Thesaurus.tag', () => {
  it('finds the concepts the slow comparison finds, in any language', () => {
    const next = random(11);
    const pick = () => vocabulary[Math.floor(next() * vocabulary.length)]!;
    const phrase = (most: number) => Array.from({ length: 1 + Math.floor(next() * most) }, pick).join(' ');
    const concepts: Concept[] = Array.from({ length: 300 }, (_, i) => ({
      id: `c${i}`,
      terms: { nl: [phrase(3)], fr: [phrase(4), phrase(2)], en: next() < 0.5 ? [phrase(3)] : [] },
      themes: [],
    }));
    const thesaurus = new Thesaurus(concepts);
    let tagged = 0;
    for (let round = 0; round < 400; round++) {
      const text = phrase(12);
      for (const lang of ['nl', 'fr', 'en'] as const) {
        const found = thesaurus.tag(text, lang);
        expect(found, `${lang}: ${text}`).toEqual(tagSlowly(concepts, text, lang));
        if (found.size) tagged++;
      }
    }
    // Most texts name some concept: the comparison was put to work.
    expect(tagged).toBeGreaterThan(600);
  });

  it('tags a text among thousands of concepts that share its first word', () => {
    const concepts: Concept[] = Array.from({ length: 3_000 }, (_, i) => ({
      id: `bench-${i + 1}`,
      terms: {
        nl: [`proefbegrip ${i + 1}`],
        fr: [`notion d’essai ${i + 1}`],
        en: [`bench concept ${i + 1}`],
      },
      themes: [],
    }));
    const thesaurus = new Thesaurus(concepts);
    expect(thesaurus.tag('Over proefbegrip 12 en proefbegrip 2999', 'nl')).toEqual(
      new Set(['bench-12', 'bench-2999']),
    );
    expect(thesaurus.tag('une notion d’essai 7', 'fr')).toEqual(new Set(['bench-7']));
  });
});
