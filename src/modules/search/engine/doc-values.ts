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
