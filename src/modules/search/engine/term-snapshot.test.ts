// The words index's part of a snapshot: exported (in groups, as sources), turned into bytes and back,
// and imported into a new index, it answers every query as the index it came from, also after
// removals, a vacuum and numbers used again.
import { describe, expect, it } from 'vitest';
import type { TermQuery } from './term-index.ts';
import {
  checkWords,
  SnapshotTermIndex,
  wordsBytes,
  WordsFromParts,
  type WordsPart,
} from './term-snapshot.ts';

/** The arrays back from wordsBytes' bytes, whole or in parts, as a snapshot load reads them. */
function wordsFromBytes(bytes: Buffer | readonly Buffer[], terms: string[]): WordsPart {
  const words = new WordsFromParts();
  for (const chunk of Buffer.isBuffer(bytes) ? [bytes] : bytes) words.push(chunk);
  return words.finish(terms);
}

const fields = ['title', 'organisation', 'description'] as const;
const boosts = { title: 3, organisation: 2.5, description: 1 };
const vocabulary = [
  'logement',
  'logements',
  'huis',
  'dette',
  'dettes',
  'schuld',
  'emploi',
  'job',
  'cpas',
  'aide',
];

let seed = 11;
const next = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
/** A document's terms per field, with repeats and the odd empty token. */
const randomDoc = () =>
  fields.map((_, f) =>
    next() < 0.1
      ? ['']
      : Array.from(
          { length: 1 + Math.floor(next() * (f === 2 ? 10 : 3)) },
          () => vocabulary[Math.floor(next() * vocabulary.length)]!,
        ),
  );

const queries: TermQuery[] = [
  { queries: ['logement'] },
  { queries: ['loge'], prefix: true },
  { queries: ['detes'], fuzzy: 1 },
  { combineWith: 'AND', queries: ['cpas', { queries: ['aid'], prefix: true }] },
  { combineWith: 'OR', queries: ['emploi', 'job', 'huis', 'schuld'] },
];

/** Every query's results, numbers given through `name` (the same document in both indexes); equal scores by number. */
const results = (index: SnapshotTermIndex, name: (n: number) => number) =>
  queries.map((q) =>
    index
      .search(q)
      .map((m) => [name(m.n), m.score, [...m.terms].sort()] as const)
      .sort((a, b) => b[1] - a[1] || a[0] - b[0]),
  );

/** An index that lived: documents added, some discarded, a vacuum, numbers used again. */
async function livedIndex() {
  const free: number[] = [];
  const index = new SnapshotTermIndex(fields, boosts, (ns) => free.push(...ns));
  const live = new Map<number, number>(); // number → group
  let count = 0;
  const add = () => {
    const n = free.pop() ?? count++;
    index.add(n, randomDoc());
    live.set(n, n % 3 === 0 ? 1 : 0);
  };
  for (let i = 0; i < 300; i++) add();
  for (let n = 0; n < 300; n += 4) {
    index.discard(n);
    live.delete(n);
  }
  await index.vacuum();
  for (let i = 0; i < 40; i++) add();
  // Discarded and not yet vacuumed: their postings are still in the lists.
  for (const n of [5, 9, 13]) {
    index.discard(n);
    live.delete(n);
  }
  return { index, live, size: count };
}

describe('a snapshot of the words index', () => {
  it('answers as the index it came from, in groups, through bytes', async () => {
    const { index, live, size } = await livedIndex();
    const groupOf = new Int32Array(size).fill(-1);
    const localOf = new Int32Array(size);
    const sizes = [0, 0];
    for (let n = 0; n < size; n++) {
      const g = live.get(n);
      if (g === undefined) continue;
      groupOf[n] = g;
      localOf[n] = sizes[g]!++;
    }
    const parts = await index.exportDocs(groupOf, localOf, sizes);
    const loaded = new SnapshotTermIndex(fields, boosts);
    // Group 0 as numbers 0…, group 1 after it, each through bytes.
    let at = 0;
    for (const part of parts) {
      const back = wordsFromBytes(wordsBytes(part), part.terms);
      expect(back).toEqual(part);
      const ns = Int32Array.from({ length: back.lengths.length / fields.length }, () => at++);
      await loaded.importDocs(ns, back);
    }
    expect(loaded.size).toBe(index.size);
    const newNumber = (n: number) => (groupOf[n] === 0 ? 0 : sizes[0]!) + localOf[n]!;
    expect(results(loaded, (n) => n)).toEqual(results(index, newNumber));
    // Taken in, it keeps working as an index: removals and additions.
    loaded.discard(0);
    loaded.add(at, randomDoc());
    await loaded.vacuum();
    expect(loaded.size).toBe(index.size);
  });

  it('refuses a part that does not add up', async () => {
    const index = new SnapshotTermIndex(fields, boosts);
    for (let n = 0; n < 10; n++) index.add(n, randomDoc());
    const [part] = await index.exportDocs(
      new Int32Array(10),
      Int32Array.from({ length: 10 }, (_, i) => i),
      [10],
    );
    const good = part!;
    expect(() => checkWords(good, 10, fields.length)).not.toThrow();
    const broken: WordsPart[] = [
      { ...good, lengths: good.lengths.subarray(3) },
      { ...good, terms: good.terms.slice(1) },
      { ...good, terms: [good.terms[0]!, ...good.terms.slice(0, -1)] },
      { ...good, postings: Int32Array.from(good.postings, (p, i) => (i === 0 ? 10 * 256 + 1 : p)) },
      { ...good, counts: Int32Array.from(good.counts, (c, i) => (i === 0 ? c + 1 : c)) },
      { ...good, keys: Int32Array.from(good.keys).reverse() },
    ];
    for (const part of broken) expect(() => checkWords(part, 10, fields.length)).toThrow(/search snapshot/);
    const loaded = new SnapshotTermIndex(fields, boosts);
    await expect(
      loaded.importDocs(
        Int32Array.from({ length: 10 }, (_, i) => i),
        broken[3]!,
      ),
    ).rejects.toThrow();
    expect(loaded.size).toBe(0);
    expect(() => wordsFromBytes(wordsBytes(good).subarray(0, 30), good.terms)).toThrow(/search snapshot/);
  });

  it('takes the bytes back from the parts they were stored in, cut anywhere', async () => {
    const index = new SnapshotTermIndex(fields, boosts);
    for (let n = 0; n < 40; n++) index.add(n, randomDoc());
    const [part] = await index.exportDocs(
      new Int32Array(40),
      Int32Array.from({ length: 40 }, (_, i) => i),
      [40],
    );
    const bytes = wordsBytes(part!);
    const cuts = (...at: number[]) =>
      [0, ...at, bytes.length].slice(1).map((end, i, ends) => bytes.subarray(i ? ends[i - 1] : 0, end));
    for (const parts of [
      cuts(7),
      cuts(16, 17, 100),
      cuts(1, 2, 3, bytes.length - 1),
      [...cuts(50), Buffer.alloc(0)],
    ])
      expect(wordsFromBytes(parts, part!.terms)).toEqual(part);
    expect(() => wordsFromBytes(cuts(7).slice(0, 1), part!.terms)).toThrow(/too short/);
    expect(() => wordsFromBytes(cuts(50).slice(0, 1), part!.terms)).toThrow(/cut short/);
    expect(() => wordsFromBytes([...cuts(50), Buffer.from([1])], part!.terms)).toThrow(/too long/);
  });
});
