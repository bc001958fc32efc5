import MiniSearch, { type Query } from 'minisearch';
import { describe, expect, it } from 'vitest';
import { TermIndex, type TermQuery } from './term-index.ts';

const fields = ['title', 'organisation', 'description'] as const;
const boosts = { title: 3, organisation: 2.5, description: 1 };
const vocabulary = [
  'logement',
  'logements',
  'loge',
  'huis',
  'huisvesting',
  'dette',
  'dettes',
  'schuld',
  'emploi',
  'werk',
  'job',
  'jobs',
  'sante',
  'gezondheid',
  'cpas',
  'ocmw',
  'aide',
  'hulp',
  'jeunesse',
  'jeugd',
];

/** A small corpus with repeats, empty fields and a spread of lengths, the same every run. */
function corpus(size: number): string[][][] {
  let seed = 7;
  const next = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
  return Array.from({ length: size }, () =>
    fields.map((_, f) =>
      next() < 0.1
        ? ['']
        : Array.from(
            { length: 1 + Math.floor(next() * (f === 2 ? 12 : 3)) },
            () => vocabulary[Math.floor(next() * vocabulary.length)]!,
          ),
    ),
  );
}

const queries: TermQuery[] = [
  { queries: ['logement'] },
  { queries: ['loge'], prefix: true },
  { queries: ['detes'], fuzzy: (term) => (term.length >= 5 ? 1 : false) },
  { queries: ['jeunese'], fuzzy: 2 },
  {
    combineWith: 'AND',
    queries: [
      { combineWith: 'OR', queries: ['cpas', 'ocmw'] },
      { queries: ['aide'], prefix: true },
    ],
  },
  { combineWith: 'OR', queries: [{ combineWith: 'AND', queries: ['werk', 'job'] }, 'emploi'] },
  {
    combineWith: 'AND',
    queries: ['huis', { combineWith: 'OR', queries: [{ queries: ['schul'], prefix: true }, 'dette'] }],
  },
];

function both(docs: string[][][]) {
  const mini = new MiniSearch<{ n: number }>({
    fields: [...fields],
    idField: 'n',
    extractField: (doc, field) =>
      field === 'n' ? doc.n : docs[doc.n]![fields.indexOf(field as never)]!.join(' '),
    tokenize: (text) => text.split(' '),
    processTerm: (term) => term || null,
    searchOptions: { boost: boosts },
    autoVacuum: false,
  });
  mini.addAll(docs.map((_, n) => ({ n })));
  const terms = new TermIndex(fields, boosts);
  docs.forEach((doc, n) => terms.add(n, doc));
  return { mini, terms };
}

describe('the words index', () => {
  it('finds and scores as MiniSearch did, query trees, prefixes, typos, fields and boosts alike', () => {
    const docs = corpus(1500);
    const { mini, terms } = both(docs);
    const boostDocument = (n: number) => (n % 7 === 0 ? 0 : 1 + (n % 3) / 10);
    for (const query of queries) {
      for (const options of [{}, { fields: ['title', 'organisation'] }, { boostDocument }]) {
        const expected = mini.search(query as Query, options);
        const actual = terms.search(query, options);
        expect(actual.length, JSON.stringify(query)).toBe(expected.length);
        expect(actual.length).toBeGreaterThan(0);
        actual.forEach((hit, i) => {
          // Kept in 32 bits (term-types.ts): the same to seven significant digits; the order of
          // the matches, set in 64 bits, exactly.
          const relative = Math.abs(hit.score - expected[i]!.score) / expected[i]!.score;
          expect(relative, `${JSON.stringify(query)} ${JSON.stringify(options)} ${i}`).toBeLessThan(1e-7);
          expect(hit.n).toBe(expected[i]!.id);
          // Every term MiniSearch marked; a term the document holds but matched in a part of the
          // query it failed may be marked too.
          expect(hit.terms).toEqual(expect.arrayContaining(expected[i]!.terms));
          expect(docs[hit.n]!.flat()).toEqual(expect.arrayContaining(hit.terms));
        });
      }
    }
  });

  it('leaves a discarded document out at once, and gives its number back once its postings are gone', async () => {
    const released: number[] = [];
    const terms = new TermIndex(fields, boosts, (ns) => released.push(...ns));
    for (let n = 0; n < 300; n++) terms.add(n, [['cpas'], [''], [n < 250 ? 'aide' : 'hulp']]);
    for (let n = 0; n < 250; n++) terms.discard(n);
    expect(terms.size).toBe(50);
    expect(terms.search({ queries: ['aide'] })).toEqual([]);
    expect(terms.search({ queries: ['cpas'] }).map((h) => h.n)).toEqual(
      Array.from({ length: 50 }, (_, i) => 250 + i),
    );
    // Enough were discarded for a vacuum: it ran for the first 200; the others wait for the next.
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(released).toHaveLength(200);
    await terms.vacuum();
    expect(released.sort((a, b) => a - b)).toEqual(Array.from({ length: 250 }, (_, i) => i));
    expect(terms.has('aide')).toBe(false);
    expect(terms.has('hulp')).toBe(true);
    // A number used again holds only its new words.
    terms.add(3, [['ocmw'], [''], ['']]);
    expect(terms.search({ queries: ['ocmw'] }).map((h) => h.n)).toEqual([3]);
    expect(terms.search({ queries: ['cpas'] }).map((h) => h.n)).not.toContain(3);
  });

  it('finds a document at a number used again by every word, those its former document held too', async () => {
    const terms = new TermIndex(fields, boosts);
    terms.add(0, [['rare', 'alpha'], [''], ['']]);
    terms.add(1, [['rare', 'beta'], [''], ['']]);
    terms.discard(1);
    await terms.vacuum();
    terms.add(1, [['rare', 'gamma'], [''], ['']]);
    expect(
      terms
        .search({ queries: ['rare'] })
        .map((h) => h.n)
        .sort(),
    ).toEqual([0, 1]);
    expect(terms.search({ queries: ['gamma'] }).map((h) => h.n)).toEqual([1]);
  });

  it('counts a term repeated in a field once more in its frequency', () => {
    const terms = new TermIndex(fields, boosts);
    terms.add(0, [['dette'], [''], ['dette', 'dette', 'aide']]);
    terms.add(1, [['dette'], [''], ['dette', 'aide']]);
    const [first, second] = terms.search({ queries: ['dette'] }, { fields: ['description'] });
    expect(first!.n).toBe(0);
    expect(first!.score).toBeGreaterThan(second!.score);
  });
});
