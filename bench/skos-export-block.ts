// npx tsx bench/skos-export-block.ts [concepts]
// How long the glossary's exports block the event loop when made for a glossary of 3,000 concepts
// (four words, three definitions, a wider and a related concept each): each export made while a
// timer ticks every millisecond, with perf_hooks' monitorEventLoopDelay, whose max is the longest
// time a request would have waited. No database: the snapshot is made up in memory.
import { monitorEventLoopDelay, PerformanceObserver } from 'node:perf_hooks';
import { skosJsonLd, skosTurtle, skosTurtleGradually } from '../src/modules/glossary/export/skos.ts';
import { glossaryCsv } from '../src/modules/glossary/export/glossary-csv.ts';
import type { GlossarySnapshot } from '../src/modules/glossary/snapshot/glossary-snapshot.ts';

const count = Number(process.argv[2] ?? 3_000);
const snapshot: GlossarySnapshot = {
  edition: 'bench',
  concepts: Array.from({ length: count }, (_, i) => ({
    slug: `bench-concept-${String(i).padStart(5, '0')}`,
    labels: [
      {
        language: 'nl',
        kind: 'preferred',
        text: `proefbegrip ${i}`,
        folded: `proefbegrip ${i}`,
        sector: null,
      },
      {
        language: 'fr',
        kind: 'preferred',
        text: `notion d’essai ${i}`,
        folded: `notion d essai ${i}`,
        sector: null,
      },
      {
        language: 'en',
        kind: 'preferred',
        text: `bench concept ${i}`,
        folded: `bench concept ${i}`,
        sector: null,
      },
      { language: 'nl', kind: 'synonym', text: `testwoord ${i}`, folded: `testwoord ${i}`, sector: null },
    ],
    definition: {
      nl: `Een begrip gemaakt voor de meting, nummer ${i}, met een zin van gewone lengte erbij.`,
      fr: `Une notion faite pour la mesure, numéro ${i}, avec une phrase de longueur ordinaire.`,
      en: `A concept made for the benchmark, number ${i}, with a sentence of ordinary length.`,
    },
    broader: i > 10 ? [`bench-concept-${String(i % 10).padStart(5, '0')}`] : [],
    related: i > 1 ? [`bench-concept-${String(i - 1).padStart(5, '0')}`] : [],
    modified: new Date(1_700_000_000_000 + i * 1000),
  })),
};
const options = {
  origin: 'https://passerelle.example',
  title: { nl: 'Woordenlijst', fr: 'Glossaire', en: 'Glossary' },
};

/** Garbage collections' pauses during a measure (other agents share the two cores: GC is slower). */
let pauses: number[] = [];
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) pauses.push(entry.duration);
}).observe({ entryTypes: ['gc'] });

async function measure(name: string, make: () => unknown) {
  const histogram = monitorEventLoopDelay({ resolution: 1 });
  // A timer that stands for requests waiting to be served: the longest gap between its ticks.
  let last = performance.now();
  let gap = 0;
  const ticking = setInterval(() => {
    const now = performance.now();
    gap = Math.max(gap, now - last);
    last = now;
  }, 1);
  histogram.enable();
  await new Promise((r) => setTimeout(r, 50));
  gap = 0;
  pauses = [];
  const started = performance.now();
  const out = await make();
  const ms = performance.now() - started;
  await new Promise((r) => setTimeout(r, 20));
  histogram.disable();
  clearInterval(ticking);
  const size = typeof out === 'string' ? out.length : 0;
  console.log(
    `${name.padEnd(18)} ${ms.toFixed(0).padStart(5)} ms in all; event loop delay max ${(histogram.max / 1e6).toFixed(1).padStart(6)} ms, p99 ${(histogram.percentile(99) / 1e6).toFixed(1).padStart(5)} ms; 1 ms timer's longest gap ${gap.toFixed(1).padStart(6)} ms; longest GC ${Math.max(0, ...pauses).toFixed(1)} ms; ${(size / 1e6).toFixed(2)} MB`,
  );
  return out;
}

console.log(`${count} concepts`);
// Once to warm up the code, then measured.
skosTurtle(snapshot, options);
const once = (await measure('Turtle, at once', () => skosTurtle(snapshot, options))) as string;
const gradual = (await measure('Turtle, gradually', () => skosTurtleGradually(snapshot, options))) as string;
// Flattened by the comparison: a reply would do it when it encodes the text.
if (gradual !== once) throw new Error('The Turtle made gradually differs from the one made at once');
await measure('JSON-LD', () => skosJsonLd(snapshot, options));
await measure('CSV', () => glossaryCsv(snapshot, options.origin));
