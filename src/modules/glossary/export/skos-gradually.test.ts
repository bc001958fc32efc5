// The Turtle made a few concepts at a time: the same text as made at once, for a glossary of 3,000
// concepts, while the event loop goes on turning (other requests are served meanwhile).
import { Parser } from 'n3';
import { describe, expect, it } from 'vitest';
import type { GlossarySnapshot } from '../snapshot/glossary-snapshot.ts';
import { skosTurtle, skosTurtleGradually } from './skos.ts';

const pad = (i: number) => String(i).padStart(5, '0');
const snapshot: GlossarySnapshot = {
  edition: 'test',
  concepts: Array.from({ length: 3_000 }, (_, i) => ({
    slug: `concept-${pad(i)}`,
    labels: [
      { language: 'nl', kind: 'preferred', text: `begrip ${i}`, folded: `begrip ${i}`, sector: null },
      { language: 'fr', kind: 'preferred', text: `notion ${i}`, folded: `notion ${i}`, sector: null },
      { language: 'nl', kind: 'synonym', text: `woord "${i}"`, folded: `woord ${i}`, sector: null },
    ],
    definition: { en: `Concept number ${i}.` },
    broader: i >= 10 ? [`concept-${pad(i % 10)}`] : [],
    related: i > 0 ? [`concept-${pad(i - 1)}`] : [],
    modified: new Date(Date.UTC(2026, 0, 1) + i * 60_000),
  })),
};
const options = {
  origin: 'https://passerelle.example',
  title: { nl: 'Woordenlijst', fr: 'Glossaire', en: 'Glossary' },
};

describe('the Turtle made gradually', () => {
  it('is the Turtle made at once, and lets the event loop turn while it is made', async () => {
    let turns = 0;
    let turning = true;
    const turn = () => {
      turns++;
      if (turning) setImmediate(turn);
    };
    setImmediate(turn);
    const gradual = await skosTurtleGradually(snapshot, options, 1);
    turning = false;
    // Made at once, nothing else runs until it is done.
    const before = turns;
    const once = skosTurtle(snapshot, options);
    expect(turns).toBe(before);
    expect(gradual).toBe(once);
    expect(turns).toBeGreaterThan(5);
    // And it is Turtle: every concept's statements are there.
    const quads = new Parser().parse(gradual);
    const concepts = new Set(
      quads.filter((q) => q.object.value.endsWith('#Concept')).map((q) => q.subject.value),
    );
    expect(concepts.size).toBe(3_000);
  });
});
