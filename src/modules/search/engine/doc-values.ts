// Each document's value ids of every value facet (search-types.ts valueFacets), laid out as
// [start of facet 0, …, start of facet F-1, end, ids of facet 0 …, ids of facet 1 …], the starts
// counted from the record's beginning (FacetDictionary.valuesOf gives one such record). Every
// document's record sits in one Uint16Array, found by its number's start. They were a Uint16Array
// per document, shared between documents with equal ids through a Map keyed by the ids as a string:
// at 100,000 documents 72,000 distinct arrays, each about 250 bytes as V8 holds it (the array, its
// ArrayBuffer, its bytes and its key), 26 MB of the idle heap (a heap snapshot); now 2 bytes an id.

/** One document's record, laid out as above. */
export type DocValues = Uint16Array;
/** A document's values of each value facet, in valueFacets order (facetLists in index-parts.ts). */
export type FacetLists = readonly (readonly (string | number)[])[];

export class DocValuesStore {
  /** The records, one after the other; a removed document's stays until the next compaction. */
  data = new Uint16Array(4096);
  /** Per document number, where its record starts in `data`, or -1 when it has none. */
  start = new Int32Array(1024).fill(-1);
  private used = 0;
  private unused = 0;

  /** @param facets the number of value facets (F above). */
  constructor(private readonly facets: number) {}

  /** A record's length: its end, kept at position F. */
  private lengthAt(base: number): number {
    return this.data[base + this.facets]!;
  }

  /** Sets a document's record (laid out as above), replacing the one it had. */
  set(n: number, record: Uint16Array): void {
    this.delete(n);
    if (n >= this.start.length) {
      const start = new Int32Array(Math.max(n + 1, 2 * this.start.length)).fill(-1);
      start.set(this.start);
      this.start = start;
    }
    if (this.used + record.length > this.data.length) this.makeRoom(record.length);
    this.data.set(record, this.used);
    this.start[n] = this.used;
    this.used += record.length;
  }

  delete(n: number): void {
    const base = n < this.start.length ? this.start[n]! : -1;
    if (base < 0) return;
    this.unused += this.lengthAt(base);
    this.start[n] = -1;
  }

  /** The ids of facet `k` of document `n` (a copy; none when it has no record). */
  idsOf(n: number, k: number): number[] {
    const base = n < this.start.length ? this.start[n]! : -1;
    if (base < 0) return [];
    return [...this.data.subarray(base + this.data[base + k]!, base + this.data[base + k + 1]!)];
  }

  /** Room for `length` more: a new array, twice what is live, with the live records moved together. */
  private makeRoom(length: number): void {
    const into = new Uint16Array(Math.max(4096, 2 * (this.used - this.unused + length)));
    let at = 0;
    for (let n = 0; n < this.start.length; n++) {
      const base = this.start[n]!;
      if (base < 0) continue;
      const end = base + this.lengthAt(base);
      into.set(this.data.subarray(base, end), at);
      this.start[n] = at;
      at += end - base;
    }
    this.data = into;
    this.used = at;
    this.unused = 0;
  }
}

/**
 * A document's record (FacetDictionary.valuesOf), found again for a document with the same facet
 * inputs without looking each value up: most documents' lists are shared, frozen copies
 * (shared-values.ts), known by their identity; other lists (the one-value lists of a document's type
 * and kind) by their values. Making each record was a third of placing a snapshot's 100,000
 * documents. One memo lives for one source's snapshot load (index-snapshot.ts), then goes: the
 * store copies each record, so a memo kept for good would hold the arrays the store saves.
 *
 * The records sit in a tree of maps, one level per list, each keyed by the list itself (shared) or
 * its values joined (not shared): a key string built per document, with a WeakMap look-up per list
 * for its number, was 0.3 s of a 75,000-document load's CPU and garbage.
 */
export class DocValuesMemo {
  private root = new Map<unknown, unknown>();
  private size = 0;

  /** @param limit records kept before starting afresh (a load's distinct records are far fewer). */
  constructor(private readonly limit = 100_000) {}

  /** The values array of a document whose facets' lists are `lists`; `make` makes it when unknown. */
  of(lists: FacetLists, make: () => DocValues): DocValues {
    let level = this.root;
    const last = lists.length - 1;
    for (let i = 0; i < last; i++) {
      const key = keyOf(lists[i]!);
      let next = level.get(key) as Map<unknown, unknown> | undefined;
      if (next === undefined) level.set(key, (next = new Map()));
      level = next;
    }
    const key = last < 0 ? '' : keyOf(lists[last]!);
    const known = level.get(key) as DocValues | undefined;
    if (known) return known;
    if (this.size >= this.limit) {
      // Starting afresh drops the path made above for this record: made again below.
      this.root = new Map();
      this.size = 0;
      return this.of(lists, make);
    }
    const values = make();
    level.set(key, values);
    this.size++;
    return values;
  }
}

/** A list as a memo key: a shared (frozen) list by its identity, another by its values. */
function keyOf(list: readonly (string | number)[]): unknown {
  if (Object.isFrozen(list)) return list;
  // A string key never equals a list key, so an unshared list is never taken for a shared one. One
  // text (a type, a kind) is its own key; any other list its JSON behind a NUL, which no such text
  // starts with: two lists have the same key only when they are equal.
  const only = list.length === 1 ? list[0] : undefined;
  return typeof only === 'string' && !only.startsWith('\u0000') ? only : `\u0000${JSON.stringify(list)}`;
}
