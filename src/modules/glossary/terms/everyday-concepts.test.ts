// The concepts of everyday words are not listed under a page, unless a moderator defined them: with
// the glossary's first edition, a text naming an appointment, children, an e-mail and the OCMW lists
// only the OCMW.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { GlossaryLanguage } from '../glossary.vocabulary.ts';
import { foldLabel } from '../labels/fold-label.ts';
import type { GlossaryStore } from '../snapshot/glossary-store.ts';
import type { GlossarySnapshot, SnapshotConcept } from '../snapshot/glossary-snapshot.ts';
import { everydayConcepts } from './everyday-concepts.ts';
import { glossaryTermsIn } from './page-terms.ts';
import { termMatcher } from './term-matcher.ts';

const firstEdition = JSON.parse(
  readFileSync(new URL('../../search/data/thesaurus.json', import.meta.url), 'utf8'),
) as { id: string; terms: Partial<Record<GlossaryLanguage, string[]>> }[];

function snapshotWith(definitions: Record<string, string> = {}): GlossarySnapshot {
  const concepts: SnapshotConcept[] = firstEdition.map((c) => ({
    slug: c.id,
    labels: Object.entries(c.terms).flatMap(([language, texts]) =>
      (texts ?? []).map((text, i) => ({
        language: language as GlossaryLanguage,
        kind: i === 0 ? ('preferred' as const) : ('synonym' as const),
        text,
        folded: foldLabel(text),
        sector: null,
      })),
    ),
    definition: definitions[c.id] ? { nl: definitions[c.id] } : {},
    broader: [],
    related: [],
    modified: new Date(0),
  }));
  return { edition: JSON.stringify(definitions), concepts };
}

/** A process's copy of that glossary, as the pages ask it. */
function storeOf(snapshot: GlossarySnapshot): GlossaryStore {
  const made = new Map<string, unknown>();
  const glossary = {
    snapshot,
    derived: <T>(key: string, make: (s: GlossarySnapshot) => T): T => {
      if (!made.has(key)) made.set(key, make(snapshot));
      return made.get(key) as T;
    },
  };
  return { keptOrNone: async () => glossary } as unknown as GlossaryStore;
}

const text = 'Maak een afspraak voor je kinderen bij het OCMW, of stuur ons een e-mail.';

describe('the words listed under a page', () => {
  it('leaves out the concepts of everyday words, which the glossary matches all the same', async () => {
    const snapshot = snapshotWith();
    // The glossary has them, and the text names them.
    expect(termMatcher(snapshot.concepts).find([text], ['nl'], 20)).toEqual([
      'afspraak',
      'kinderen',
      'ocmw',
      'e-mail',
    ]);
    const terms = await glossaryTermsIn(storeOf(snapshot), [text], 'nl');
    expect(terms.map((t) => t.slug)).toEqual(['ocmw']);
  });

  it('lists an everyday concept a moderator defined', async () => {
    const snapshot = snapshotWith({ afspraak: 'Een vast moment bij een dienst, vooraf gevraagd.' });
    const terms = await glossaryTermsIn(storeOf(snapshot), [text], 'nl');
    expect(terms.map((t) => t.slug)).toEqual(['afspraak', 'ocmw']);
  });

  it('names concepts the glossary has', () => {
    const slugs = new Set(firstEdition.map((c) => c.id));
    expect([...everydayConcepts].filter((slug) => !slugs.has(slug))).toEqual([]);
  });
});
