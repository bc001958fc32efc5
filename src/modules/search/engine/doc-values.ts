// Each document's value ids of every value facet (search-types.ts valueFacets) in one small typed
// array: [start of facet 0, …, start of facet F-1, end, ids of facet 0 …, ids of facet 1 …], with the
// starts counted from the array's beginning. It was eight typed arrays a document, each about 200
// bytes as V8 holds it (the array, its ArrayBuffer, the bytes), so 1.6 KB a document, 170 MB at
// 100,000. Documents with the same ids share one array (never written once made), as events of one
// theme and commune, or services of one organisation, mostly do.

/** One document's value ids, laid out as above. */
export type DocValues = Uint16Array;

export class DocValuesTable {
  private readonly shared = new Map<string, DocValues>();

  /**
   * @param limit distinct arrays kept for sharing before starting afresh: arrays of removed documents
   * are not tracked, so this bounds what a long run of changes leaves behind.
   */
  constructor(private readonly limit = 100_000) {}

  /** `values` (laid out as above, never written after), or an equal array already shared. */
  share(values: DocValues): DocValues {
    const total = values.length;
    // The array itself as the key: one flat string of its numbers (a key built with += is a chain
    // of a string per part, several times the array's size, as a heap snapshot showed).
    let key = '';
    for (let i = 0; i < total; i += 4096)
      key += String.fromCharCode(...values.subarray(i, Math.min(total, i + 4096)));
    const known = this.shared.get(key);
    if (known) return known;
    if (this.shared.size >= this.limit) this.shared.clear();
    this.shared.set(key, values);
    return values;
  }
}
