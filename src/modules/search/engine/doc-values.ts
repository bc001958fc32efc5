// Each document's value ids of every value facet (search-types.ts valueFacets) in one small typed
// array: [start of facet 0, …, start of facet F-1, end, ids of facet 0 …, ids of facet 1 …], with the
// starts counted from the array's beginning. It was eight typed arrays a document, each about 200
// bytes as V8 holds it (the array, its ArrayBuffer, the bytes), so 1.6 KB a document, 170 MB at
// 100,000. Documents with the same ids share one array (never written once made), as events of one
// theme and commune, or services of one organisation, mostly do.

/** One document's value ids, laid out as above. */
export type DocValues = Uint16Array;

/** The ids of facet `k` (a view: for tests and rare paths; the search loop reads the array directly). */
export function facetIds(values: DocValues, k: number): Uint16Array {
  return values.subarray(values[k]!, values[k + 1]!);
}

export class DocValuesTable {
  private readonly shared = new Map<string, DocValues>();

  /**
   * @param limit distinct arrays kept for sharing before starting afresh: arrays of removed documents
   * are not tracked, so this bounds what a long run of changes leaves behind.
   */
  constructor(private readonly limit = 100_000) {}

  /** The array for these ids per facet, shared with any document that has the same. */
  make(perFacet: readonly (readonly number[])[]): DocValues {
    const facets = perFacet.length;
    let total = facets + 1;
    for (const ids of perFacet) total += ids.length;
    if (total > 0xffff) throw new Error('search index: too many facet values in one document');
    const values = new Uint16Array(total);
    let at = facets + 1;
    for (let k = 0; k < facets; k++) {
      values[k] = at;
      for (const id of perFacet[k]!) values[at++] = id;
    }
    values[facets] = at;
    return this.share(values);
  }

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
