// Each document's value ids of every value facet (search-types.ts valueFacets) in one small typed
// array: [start of facet 0, …, start of facet F-1, end, ids of facet 0 …, ids of facet 1 …], with the
// starts counted from the array's beginning. It was eight typed arrays a document, each about 200
// bytes as V8 holds it (the array, its ArrayBuffer, the bytes), so 1.6 KB a document, 170 MB at
// 100,000. Documents with the same ids share one array (never written once made), as events of one
// theme and commune, or services of one organisation, mostly do.

/** One document's value ids, laid out as above. */
export type DocValues = Uint16Array;
/** A document's values of each value facet, in valueFacets order (facetLists in index-parts.ts). */
export type FacetLists = readonly (readonly (string | number)[])[];

export class DocValuesTable {
  private readonly shared = new Map<string, DocValues>();
  private readonly memo = new DocValuesMemo();

  /**
   * @param limit distinct arrays kept for sharing before starting afresh: arrays of removed documents
   * are not tracked, so this bounds what a long run of changes leaves behind.
   */
  constructor(private readonly limit = 100_000) {}

  /** The shared array of a document whose facets' lists are `lists`: `make` lays it out when new. */
  valuesFor(lists: FacetLists, make: (lists: FacetLists) => DocValues): DocValues {
    return this.memo.of(lists, () => this.share(make(lists)));
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

/**
 * A document's values array (FacetDictionary.valuesOf, shared through a DocValuesTable), found again
 * for a document with the same facet inputs without looking each value up: most documents' lists
 * are shared, frozen copies (shared-values.ts), known by their identity; other lists (the one-value
 * lists of a document's type and kind) by their values. Loading a snapshot placed 100,000 documents
 * and making each one's array was a third of that.
 */
export class DocValuesMemo {
  private readonly ids = new WeakMap<object, number>();
  private nextId = 0;
  private readonly known = new Map<string, DocValues>();

  /** @param limit keys kept before starting afresh (as DocValuesTable's limit). */
  constructor(private readonly limit = 100_000) {}

  /** The values array of a document whose facets' lists are `lists`; `make` makes it when unknown. */
  of(lists: FacetLists, make: () => DocValues): DocValues {
    let key = '';
    for (const list of lists) {
      if (Object.isFrozen(list)) {
        let id = this.ids.get(list);
        if (id === undefined) this.ids.set(list, (id = this.nextId++));
        key += `#${id}\u0000`;
      } else key += `=${list.join('\u0001')}\u0000`;
    }
    const known = this.known.get(key);
    if (known) return known;
    if (this.known.size >= this.limit) this.known.clear();
    const values = make();
    this.known.set(key, values);
    return values;
  }
}
