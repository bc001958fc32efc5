// The documents' part of a search snapshot (../snapshot.ts): a few hundred documents as JSON lines, with
// the values documents share (shared-values.ts: hours, themes, communes, …, and organisation names)
// stored once per part and named by their position. A new process takes each such value once, not
// once per document: reading a part costs a parse and a few checks per document. Each document's
// description follows it on a line of its own, taken as bytes into the text store (text-store.ts)
// without being parsed.
import { docTypes, type IndexedDoc } from './search-types.ts';
import { sharedLists, type SharedValues } from './shared-values.ts';
import type { TextTicket } from './text-store.ts';

/** The fields whose values a part stores once: every shared list, and the organisation's name. */
const sharedFields = [...sharedLists, 'organisationName'] as const;
/** The lists every document has (others are optional). */
const requiredLists = ['themes', 'communes', 'quartiers', 'points', 'languages', 'weekly'] as const;
const requiredArrays = ['targetGroups', 'access', 'exceptions'] as const;

const decoder = new TextDecoder();

/**
 * Documents as one part's text: lines of JSON, first the number of shared values, then each value,
 * then each document followed by its description (`descriptions[i]`, its JSON's bytes). Equal values
 * are found by identity: the index holds one copy of each (a value it holds twice is only stored
 * twice). Lines, not one JSON text: each line is decoded as a string of its own, and many small
 * strings cost this process far less to decode and collect than one of several hundred kilobytes
 * (V8 allocates those apart, and frees them only in a full collection).
 */
export function encodeDocs(docs: readonly IndexedDoc[], descriptions: readonly Uint8Array[]): string {
  const values: unknown[] = [];
  const positions = new Map<unknown, number>();
  const refer = (value: unknown) => {
    let at = positions.get(value);
    if (at === undefined) {
      at = values.length;
      positions.set(value, at);
      values.push(value);
    }
    return at;
  };
  const encoded = docs.map((doc, i) => {
    const copy: Record<string, unknown> = { ...doc };
    for (const field of sharedFields) if (copy[field] !== undefined) copy[field] = refer(copy[field]);
    // The description's JSON as the store holds it: JSON.stringify wrote it, on one line.
    return `${JSON.stringify(copy)}\n${decoder.decode(descriptions[i])}`;
  });
  // JSON.stringify escapes every line break inside a value: a line is one value or document.
  return [String(values.length), ...values.map((value) => JSON.stringify(value)), ...encoded].join('\n');
}

/**
 * The shared value of each value line already read in a load: the parts of one source store the
 * same hours, themes and names again and again, and each was parsed, written back to JSON to be
 * hashed and compared (SharedValues), about 0.3 s of a 75,000-document load. One lives for one
 * start's load of every source (../snapshot-load.ts; values are shared index-wide), then goes with
 * the lines it keeps.
 */
export class ValueLines {
  private readonly values = new Map<string, object | undefined>();

  /** @param limit lines kept before starting afresh (a load's distinct values are far fewer). */
  constructor(private readonly limit = 50_000) {}

  /** The shared copy of the value a part's line holds; undefined when it is no list or object. */
  of(line: string, shared: SharedValues): object | undefined {
    if (this.values.has(line)) return this.values.get(line);
    const value: unknown = JSON.parse(line);
    const interned = typeof value === 'object' && value !== null ? shared.intern(value) : undefined;
    if (this.values.size >= this.limit) this.values.clear();
    this.values.set(line, interned);
    return interned;
  }
}

const fail = (what: string): never => {
  throw new Error(`search snapshot: ${what}`);
};

/** One part's documents, their shared values resolved, and each one's description staged. */
export interface PartDocs {
  docs: IndexedDoc[];
  descriptions: TextTicket[];
}

const braces = { open: 0x7b, close: 0x7d };

/** Stages a description's bytes (TextStore.stage); by default a copy of its own. */
type Stage = (bytes: Uint8Array, from: number, to: number) => TextTicket;
const copyOf: Stage = (bytes, from, to) => ({ chunk: bytes.slice(from, to), start: 0, end: to - from });

/**
 * The documents of one part's bytes (or its text), their shared values taken from (or given to)
 * `shared`: ready to be placed in the index as they are, their descriptions staged (copied out of
 * `part`, which may be written over once this returns). Throws on anything that is not a document's
 * shape.
 */
export function decodeDocs(
  part: Buffer | string,
  shared: SharedValues,
  known: ValueLines = new ValueLines(),
  stage: Stage = copyOf,
): PartDocs {
  const bytes = typeof part === 'string' ? Buffer.from(part) : part;
  let at = 0;
  const next = (): [number, number] | undefined => {
    if (at > bytes.length) return undefined;
    let end = bytes.indexOf(10, at);
    if (end < 0) end = bytes.length;
    const line: [number, number] = [at, end];
    at = end + 1;
    return line;
  };
  const text = ([from, to]: [number, number]) => bytes.toString('utf8', from, to);
  const first = next();
  const count: unknown = first && JSON.parse(text(first) || 'null');
  if (typeof count !== 'number' || !Number.isInteger(count) || count < 0) return fail('not a part');
  const values: (object | undefined)[] = [];
  for (let i = 0; i < count; i++) {
    const line = next();
    if (!line) return fail('not a part');
    values.push(known.of(text(line), shared));
  }
  const out: PartDocs = { docs: [], descriptions: [] };
  for (let line = next(); line; line = next()) {
    const doc = JSON.parse(text(line)) as Record<string, unknown> | null;
    if (typeof doc !== 'object' || doc === null) return fail('not a document');
    for (const field of sharedFields) {
      const at = doc[field];
      if (at === undefined) continue;
      const value = typeof at === 'number' ? values[at] : undefined;
      if (value === undefined || Array.isArray(value) !== (field !== 'organisationName'))
        fail(`not a document (${field})`);
      doc[field] = value;
    }
    checkDoc(doc as unknown as IndexedDoc);
    // Its description: an object's JSON, kept as bytes (parsed only for a result shown).
    const described = next();
    if (!described || bytes[described[0]] !== braces.open || bytes[described[1] - 1] !== braces.close)
      return fail('not a document (description)');
    out.docs.push(doc as unknown as IndexedDoc);
    out.descriptions.push(stage(bytes, described[0], described[1]));
  }
  return out;
}

/** Throws unless `doc` has the shape of a document (its shared values resolved). */
function checkDoc(doc: IndexedDoc): void {
  if (
    !docTypes.includes(doc.type) ||
    typeof doc.id !== 'string' ||
    typeof doc.organisationId !== 'string' ||
    typeof doc.name !== 'object' ||
    doc.name === null ||
    typeof doc.trust !== 'number' ||
    !requiredLists.every((field) => Array.isArray(doc[field])) ||
    !requiredArrays.every((field) => Array.isArray(doc[field])) ||
    doc.fields !== undefined ||
    Object.hasOwn(doc, 'description')
  )
    fail('not a document');
}
