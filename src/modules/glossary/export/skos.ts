// The glossary as a SKOS vocabulary: one skos:ConceptScheme, each concept a skos:Concept in it with
// one skos:prefLabel per language (nl, fr, en, ar), its synonyms and abbreviations as
// skos:altLabel, a skos:definition per language, skos:broader and skos:narrower (the inverse, both
// written), skos:related (both ways), and dct:modified. SKOS core only: its labels are plain literals
// and cannot say which community uses a word (OCMW at the VGC, CPAS at the COCOF), so the sectors are
// left out here and given in the CSV (docs/architecture.md). URIs: <origin>/glossary for the scheme,
// <origin>/glossary/concepts/<slug> for a concept, both leading to the pages (export.web.ts).
// Turtle is written by n3, a few concepts at a time for the route (skosTurtleGradually); JSON-LD is
// the same graph in compact form under a fixed @context.
import { DataFactory, type Quad, Writer } from 'n3';
import type { GlossaryLanguage } from '../glossary.vocabulary.ts';
import type { GlossarySnapshot, SnapshotConcept } from '../snapshot/glossary-snapshot.ts';

const { namedNode, literal, quad } = DataFactory;

export const skosNs = 'http://www.w3.org/2004/02/skos/core#';
export const dctNs = 'http://purl.org/dc/terms/';
const rdfType = namedNode('http://www.w3.org/1999/02/22-rdf-syntax-ns#type');
const xsdDateTime = namedNode('http://www.w3.org/2001/XMLSchema#dateTime');
const skos = (name: string) => namedNode(`${skosNs}${name}`);
const dct = (name: string) => namedNode(`${dctNs}${name}`);

export interface SkosOptions {
  /** Scheme and host, without a trailing slash. */
  origin: string;
  /** The scheme's title per site language. */
  title: Record<'nl' | 'fr' | 'en', string>;
}

export const schemeUri = (origin: string) => `${origin}/glossary`;
export const conceptUri = (origin: string, slug: string) =>
  `${origin}/glossary/concepts/${encodeURIComponent(slug)}`;

/** The concepts each one is broader than (the inverse of skos:broader), by slug. */
function narrowerOf(snapshot: GlossarySnapshot): Map<string, string[]> {
  const narrower = new Map<string, string[]>();
  for (const c of snapshot.concepts)
    for (const b of c.broader) narrower.set(b, [...(narrower.get(b) ?? []), c.slug]);
  return narrower;
}

const latest = (snapshot: GlossarySnapshot) =>
  snapshot.concepts.reduce<Date | null>((a, c) => (!a || c.modified > a ? c.modified : a), null);

const labelsOf = (concept: SnapshotConcept, kind: 'preferred' | 'alternative') =>
  concept.labels.filter((l) => (kind === 'preferred') === (l.kind === 'preferred'));

/** The scheme's own statements. */
function schemeQuads(snapshot: GlossarySnapshot, options: SkosOptions): Quad[] {
  const scheme = namedNode(schemeUri(options.origin));
  const quads: Quad[] = [quad(scheme, rdfType, skos('ConceptScheme'))];
  for (const [language, text] of Object.entries(options.title))
    quads.push(quad(scheme, dct('title'), literal(text, language)));
  const modified = latest(snapshot);
  if (modified) quads.push(quad(scheme, dct('modified'), literal(modified.toISOString(), xsdDateTime)));
  return quads;
}

/** One concept's statements (and the scheme's hasTopConcept for it, among them). */
function conceptQuads(c: SnapshotConcept, origin: string, narrower: Map<string, string[]>): Quad[] {
  const scheme = namedNode(schemeUri(origin));
  const concept = namedNode(conceptUri(origin, c.slug));
  const quads = [quad(concept, rdfType, skos('Concept')), quad(concept, skos('inScheme'), scheme)];
  if (!c.broader.length) quads.push(quad(scheme, skos('hasTopConcept'), concept));
  for (const l of labelsOf(c, 'preferred'))
    quads.push(quad(concept, skos('prefLabel'), literal(l.text, l.language)));
  for (const l of labelsOf(c, 'alternative'))
    quads.push(quad(concept, skos('altLabel'), literal(l.text, l.language)));
  for (const [language, text] of Object.entries(c.definition))
    if (text) quads.push(quad(concept, skos('definition'), literal(text, language)));
  for (const b of c.broader) quads.push(quad(concept, skos('broader'), namedNode(conceptUri(origin, b))));
  for (const n of narrower.get(c.slug) ?? [])
    quads.push(quad(concept, skos('narrower'), namedNode(conceptUri(origin, n))));
  for (const r of c.related) quads.push(quad(concept, skos('related'), namedNode(conceptUri(origin, r))));
  quads.push(quad(concept, dct('modified'), literal(c.modified.toISOString(), xsdDateTime)));
  return quads;
}

/** The vocabulary as RDF quads. */
export function skosQuads(snapshot: GlossarySnapshot, options: SkosOptions): Quad[] {
  const narrower = narrowerOf(snapshot);
  return [
    ...schemeQuads(snapshot, options),
    ...snapshot.concepts.flatMap((c) => conceptQuads(c, options.origin, narrower)),
  ];
}

/**
 * A Turtle writer into pieces of text: n3 on its own adds each bit to one string, whose thousands of
 * links V8 then copies in one go; here each slice's bits are joined when the slice ends.
 */
function turtleWriter() {
  const bits: string[] = [];
  const pieces: string[] = [];
  const writer = new Writer(
    {
      write: (bit: string, _encoding: string, done?: () => void) => {
        bits.push(bit);
        done?.();
      },
      end: (done?: () => void) => done?.(),
    } as unknown as NodeJS.WritableStream,
    {
      format: 'text/turtle',
      prefixes: { skos: skosNs, dct: dctNs, xsd: 'http://www.w3.org/2001/XMLSchema#' },
    },
  );
  const piece = () => {
    pieces.push(bits.join(''));
    bits.length = 0;
  };
  return {
    writer,
    piece,
    text(): string {
      writer.end();
      piece();
      return pieces.join('');
    },
  };
}

/** The vocabulary in Turtle, made at once (tests, small glossaries). */
export function skosTurtle(snapshot: GlossarySnapshot, options: SkosOptions): string {
  const turtle = turtleWriter();
  turtle.writer.addQuads(skosQuads(snapshot, options));
  return turtle.text();
}

/**
 * The same Turtle, made a few concepts at a time, giving the event loop back (setImmediate) once a
 * piece has taken `sliceMs`: made at once, 3,000 concepts held every request of the process for
 * 0.25 to 1.6 s on a shared two-core machine (bench/skos-export-block.ts).
 */
export async function skosTurtleGradually(
  snapshot: GlossarySnapshot,
  options: SkosOptions,
  sliceMs = 10,
): Promise<string> {
  const turtle = turtleWriter();
  const narrower = narrowerOf(snapshot);
  turtle.writer.addQuads(schemeQuads(snapshot, options));
  let since = performance.now();
  for (const c of snapshot.concepts) {
    turtle.writer.addQuads(conceptQuads(c, options.origin, narrower));
    if (performance.now() - since >= sliceMs) {
      turtle.piece();
      await new Promise((resolve) => setImmediate(resolve));
      since = performance.now();
    }
  }
  return turtle.text();
}

type LanguageMap = Partial<Record<GlossaryLanguage, string | string[]>>;

/** The @context the JSON-LD export is written under: SKOS terms, language maps, URIs as @id. */
export const skosContext = {
  skos: skosNs,
  dct: dctNs,
  xsd: 'http://www.w3.org/2001/XMLSchema#',
  ConceptScheme: 'skos:ConceptScheme',
  Concept: 'skos:Concept',
  title: { '@id': 'dct:title', '@container': '@language' },
  prefLabel: { '@id': 'skos:prefLabel', '@container': '@language' },
  altLabel: { '@id': 'skos:altLabel', '@container': '@language' },
  definition: { '@id': 'skos:definition', '@container': '@language' },
  inScheme: { '@id': 'skos:inScheme', '@type': '@id' },
  hasTopConcept: { '@id': 'skos:hasTopConcept', '@type': '@id' },
  broader: { '@id': 'skos:broader', '@type': '@id' },
  narrower: { '@id': 'skos:narrower', '@type': '@id' },
  related: { '@id': 'skos:related', '@type': '@id' },
  modified: { '@id': 'dct:modified', '@type': 'xsd:dateTime' },
} as const;

/** The vocabulary in JSON-LD (compact, one @graph). */
export function skosJsonLd(snapshot: GlossarySnapshot, options: SkosOptions): string {
  const { origin } = options;
  const narrower = narrowerOf(snapshot);
  const modified = latest(snapshot);
  const uri = (slug: string) => conceptUri(origin, slug);
  const concepts = snapshot.concepts.map((c) => {
    const prefLabel: LanguageMap = {};
    for (const l of labelsOf(c, 'preferred')) prefLabel[l.language] = l.text;
    const altLabel: Partial<Record<GlossaryLanguage, string[]>> = {};
    for (const l of labelsOf(c, 'alternative')) (altLabel[l.language] ??= []).push(l.text);
    const definition = Object.fromEntries(Object.entries(c.definition).filter(([, text]) => text));
    return {
      '@id': uri(c.slug),
      '@type': 'Concept',
      inScheme: schemeUri(origin),
      prefLabel,
      ...(Object.keys(altLabel).length ? { altLabel } : {}),
      ...(Object.keys(definition).length ? { definition } : {}),
      ...(c.broader.length ? { broader: c.broader.map(uri) } : {}),
      ...(narrower.get(c.slug)?.length ? { narrower: narrower.get(c.slug)!.map(uri) } : {}),
      ...(c.related.length ? { related: c.related.map(uri) } : {}),
      modified: c.modified.toISOString(),
    };
  });
  const scheme = {
    '@id': schemeUri(origin),
    '@type': 'ConceptScheme',
    title: options.title,
    ...(modified ? { modified: modified.toISOString() } : {}),
    hasTopConcept: snapshot.concepts.filter((c) => !c.broader.length).map((c) => uri(c.slug)),
  };
  return JSON.stringify({ '@context': skosContext, '@graph': [scheme, ...concepts] }, null, 1);
}
