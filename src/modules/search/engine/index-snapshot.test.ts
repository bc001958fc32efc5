// Taking a snapshot back (index-snapshot.ts, doc-snapshot.ts): in slices that give the event loop
// back or in one go, the index answers as the one the snapshot came from, and shares equal values.
import { describe, expect, it } from 'vitest';
import { otherDoc } from '../other-doc.ts';
import { encodeDocs, decodeDocs, ValueLines } from './doc-snapshot.ts';
import { SnapshotSearchIndex, type SourceContent } from './index-snapshot.ts';
import type { IndexQuery, SearchDoc } from './search-types.ts';
import { SharedValues } from './shared-values.ts';
import { thesaurus } from './thesaurus.ts';
import type { TextTicket } from './text-store.ts';

const words = ['debt', 'advice', 'housing', 'youth', 'legal', 'meal', 'shelter', 'language', 'job', 'care'];
const communes = ['21004', '21001', '21015', '21009'];

function doc(i: number): SearchDoc {
  const pick = (k: number) => words[(i * 7 + k * 3) % words.length]!;
  const d = otherDoc({
    type: i % 3 ? 'event' : 'room',
    id: `d${i}`,
    ownerId: `o${i % 40}`,
    title: { en: `${pick(0)} ${pick(1)} ${i}` },
    text: { en: `${pick(2)} ${pick(3)} ${pick(4)}`, fr: `aide ${pick(5)}` },
    ownerName: { en: `Owner ${i % 40}` },
    path: `/x/${i}`,
    themes: i % 2 ? ['housing.search'] : ['finance'],
    communes: [communes[i % 4]!],
    points: [{ lat: 50.8 + (i % 5) / 100, lon: 4.35 }],
  });
  return i % 4
    ? d
    : { ...d, type: 'service', ownerId: undefined, organisationId: `org${i % 10}`, kind: 'formal' };
}

function original(): SnapshotSearchIndex {
  const index = new SnapshotSearchIndex(thesaurus());
  index.replace(
    Array.from({ length: 300 }, (_, i) => doc(i)).filter((d) => d.type === 'service'),
    undefined,
    'directory',
  );
  index.replace(
    Array.from({ length: 300 }, (_, i) => doc(i)).filter((d) => d.type !== 'service'),
    undefined,
    'others',
  );
  // A removal leaves a gap, and a document replaced takes a new number.
  index.replace([doc(1)], ['o1'], 'others');
  return index;
}

/** Documents as a part of a snapshot stores them, their descriptions apart. */
const encoded = (docs: SearchDoc[]) =>
  encodeDocs(
    docs.map(({ description: _, ...d }) => ({ ...d, fields: undefined })),
    docs.map((d) => Buffer.from(JSON.stringify(d.description))),
  );

/** Each source's parts as a snapshot stores them. */
async function parts(index: SnapshotSearchIndex): Promise<{ json: string[]; content: SourceContent }[]> {
  const contents = await index.exportSources(['directory', 'others']);
  return contents.map((content) => ({
    content,
    json: Array.from({ length: Math.ceil(content.docs.length / 50) }, (_, i) =>
      encodeDocs(content.docs.slice(i * 50, (i + 1) * 50), content.descriptions.slice(i * 50, (i + 1) * 50)),
    ),
  }));
}

async function load(from: SnapshotSearchIndex, sliceMs: number): Promise<SnapshotSearchIndex> {
  const index = new SnapshotSearchIndex(thesaurus());
  const sources = ['directory', 'others'];
  for (const [i, { json, content }] of (await parts(from)).entries()) {
    const loading = index.loadingSource(sources[i]!, sliceMs);
    for (const part of json) await loading.addDocs(part);
    expect(loading.documents).toBe(content.docs.length);
    await loading.finish(content.words);
  }
  return index;
}

const queries: Omit<IndexQuery, 'offset' | 'limit' | 'sort'>[] = [
  { text: 'debt advice', filters: {} },
  { text: 'housing', filters: { commune: '21004' } },
  { text: 'aide', filters: { type: ['service'] } },
  { text: '', filters: { theme: 'housing' } },
  { text: 'shelter owner', filters: {} },
];

const answers = (index: SnapshotSearchIndex) =>
  queries.map((q) => {
    const result = index.search({ ...q, sort: 'relevance', offset: 0, limit: 50 });
    return {
      total: result.total,
      hits: result.hits.map((h) => [h.doc.id, h.score, h.terms, h.description]),
      // Sorted: a facet's values come in the order the index first met them, which its history
      // (the document replaced in `original`) changes.
      facets: Object.entries(result.facets).map(([facet, values]) => [facet, [...values].sort()]),
    };
  });

describe('a snapshot taken back', () => {
  it('answers as its index did, in slices as in one go, giving the event loop back', async () => {
    const from = original();
    const expected = answers(from);
    expect(expected[0]!.total).toBeGreaterThan(0);
    let turns = 0;
    let counting = true;
    const count = () => {
      turns++;
      if (counting) setImmediate(count);
    };
    setImmediate(count);
    const sliced = await load(from, 0);
    const slicedTurns = turns;
    counting = false;
    const whole = await load(from, 60_000);
    expect(answers(sliced)).toEqual(expected);
    expect(answers(whole)).toEqual(expected);
    expect(sliced.documents).toEqual(whole.documents);
    expect(sliced.count).toBe(from.count);
    // Every document placed in a turn of its own (and the words in many).
    expect(slicedTurns).toBeGreaterThan(from.count);
  });

  it('shares equal values between documents and parts, frozen', async () => {
    const loaded = await load(original(), 8);
    const docs = loaded.documents.filter((d): d is SearchDoc => d !== undefined);
    const same = docs.filter((d) => d.communes[0] === '21004');
    expect(same.length).toBeGreaterThan(50);
    for (const d of same) expect(d.communes).toBe(same[0]!.communes);
    expect(Object.isFrozen(same[0]!.communes)).toBe(true);
    const owned = docs.filter((d) => d.organisationName.en === 'Owner 5');
    expect(owned.length).toBeGreaterThan(1);
    for (const d of owned) expect(d.organisationName).toBe(owned[0]!.organisationName);
  });

  it('gives back the numbers of a load that failed after placing documents', async () => {
    const [directory] = await parts(original());
    const index = new (class extends SnapshotSearchIndex {
      get slots() {
        return this.docs.length;
      }
    })(thesaurus());
    const loading = index.loadingSource('directory', 8);
    for (const part of directory!.json) await loading.addDocs(part);
    const placed = index.slots;
    // The words never came (a part missing, a connection lost): the caller removes what was placed…
    index.replace([], undefined, 'directory');
    // … and a full build takes the same numbers again rather than new ones after them.
    index.replace(
      Array.from({ length: 300 }, (_, i) => doc(i)).filter((d) => d.type === 'service'),
      undefined,
      'directory',
    );
    expect(index.slots).toBe(placed);
    expect(
      index.search({ text: 'debt advice', filters: {}, sort: 'relevance', offset: 0, limit: 5 }).total,
    ).toBe(
      original().search({
        text: 'debt advice',
        filters: { type: ['service'] },
        sort: 'relevance',
        offset: 0,
        limit: 5,
      }).total,
    );
  });

  it('stores a part as lines, one per shared value, per document and per description', () => {
    const docs = [doc(0), doc(1), doc(2)];
    const lines = encoded(docs).split('\n');
    const count = Number(lines[0]);
    expect(count).toBeGreaterThan(0);
    expect(lines).toHaveLength(1 + count + 2 * docs.length);
    expect((JSON.parse(lines.at(-2)!) as { id: string }).id).toBe(docs[2]!.id);
    expect(JSON.parse(lines.at(-1)!)).toEqual(docs[2]!.description);
    // Bytes or text: the same documents, each description as its JSON's bytes.
    const decoded = decodeDocs(Buffer.from(lines.join('\n')), new SharedValues());
    expect(decoded).toEqual(decodeDocs(lines.join('\n'), new SharedValues()));
    expect(decoded.docs.map((d) => d.id)).toEqual(docs.map((d) => d.id));
    expect(decoded.docs.every((d) => !('description' in d))).toBe(true);
    const text = ({ chunk, start, end }: TextTicket) => Buffer.from(chunk).toString('utf8', start, end);
    expect(decoded.descriptions.map((t) => JSON.parse(text(t)))).toEqual(docs.map((d) => d.description));
  });

  it('refuses a part that is not documents', () => {
    const lines = encoded([doc(0), doc(1)]).split('\n');
    const count = Number(lines[0]);
    const values = lines.slice(1, count + 1);
    const first = JSON.parse(lines[count + 1]!) as Record<string, unknown>;
    const description = lines[count + 2]!;
    const withDoc = (changed: unknown, text = description) =>
      [lines[0]!, ...values, JSON.stringify(changed), text].join('\n');
    const broken = [
      ['"x"', ...lines.slice(1)].join('\n'),
      [String(lines.length), ...lines.slice(1)].join('\n'),
      withDoc({ ...first, communes: 999 }),
      // A list where a name belongs, and a name where a list belongs.
      withDoc({ ...first, organisationName: first.communes }),
      withDoc({ ...first, themes: first.organisationName }),
      withDoc({ ...first, type: 'nothing' }),
      withDoc({ ...first, fields: { title: 'x' } }),
      withDoc(null),
      // The description belongs on its own line, as an object's JSON, and is not left out.
      withDoc({ ...first, description: { en: 'x' } }),
      withDoc(first, '"x"'),
      lines.slice(0, -1).join('\n'),
    ];
    expect(decodeDocs(lines.join('\n'), new SharedValues()).docs).toHaveLength(2);
    for (const b of broken) expect(() => decodeDocs(b, new SharedValues())).toThrow(/search snapshot/);
  });

  it('takes a value line read in an earlier part of the load without interning it again', () => {
    const part = encoded([doc(0), doc(1)]);
    const lines = part.split('\n');
    const shared = new SharedValues();
    let interned = 0;
    const counting = { intern: (value: object) => (interned++, shared.intern(value)) } as SharedValues;
    const known = new ValueLines();
    const first = decodeDocs(part, counting, known).docs;
    const once = interned;
    // Once per distinct line: equal lists of two documents were stored twice in the part.
    expect(once).toBeGreaterThan(0);
    expect(once).toBe(new Set(lines.slice(1, Number(lines[0]) + 1)).size);
    const again = decodeDocs(part, counting, known).docs;
    expect(interned).toBe(once);
    expect(again[0]!.communes).toBe(first[0]!.communes);
    expect(again[1]!.organisationName).toBe(first[1]!.organisationName);
    expect(again).toEqual(first);
  });
});
