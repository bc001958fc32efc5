// Small pieces of the search index: bitsets, distances, opening moments, dictionaries.
import { facetValues, type IndexedDoc, type SearchFilters, valueFacets } from './search-types.ts';
import { distanceKm } from '../../../shared/distance.ts';
import type { FacetLists } from './doc-values.ts';

export { distanceKm };
export class Bitset {
  readonly words: Uint32Array;
  constructor(size: number) {
    this.words = new Uint32Array(Math.ceil(size / 32) || 1);
  }
  set(n: number): void {
    this.words[n >>> 5]! |= 1 << (n & 31);
  }
  has(n: number): boolean {
    return (this.words[n >>> 5]! & (1 << (n & 31))) !== 0;
  }
}

export interface Moment {
  minuteOfWeek: number;
  today: string;
  minuteOfDay: number;
  holiday: boolean;
}

/** Whether a document is open at a moment: the fast path of opening-hours.ts for whole result sets. */
export function openAt(doc: IndexedDoc, m: Moment): boolean {
  const exception = doc.exceptions.find((e) => e.startsOn <= m.today && m.today <= e.endsOn);
  if (exception) {
    if (exception.closed || !exception.opensAt || !exception.closesAt) return false;
    const opens = Number(exception.opensAt.slice(0, 2)) * 60 + Number(exception.opensAt.slice(3, 5));
    let closes = Number(exception.closesAt.slice(0, 2)) * 60 + Number(exception.closesAt.slice(3, 5));
    if (closes <= opens) closes += 1440;
    return m.minuteOfDay >= opens && m.minuteOfDay < closes;
  }
  if (m.holiday && doc.closedOnPublicHolidays) return false;
  for (const w of doc.weekly) {
    if ((w.validFrom && w.validFrom > m.today) || (w.validTo && w.validTo < m.today)) continue;
    if (
      (m.minuteOfWeek >= w.start && m.minuteOfWeek < w.end) ||
      (m.minuteOfWeek + 10080 >= w.start && m.minuteOfWeek + 10080 < w.end)
    ) {
      return true;
    }
  }
  return false;
}

/**
 * Facet values as small integers, one numbering over every value facet, so counting is array
 * arithmetic rather than string maps: a document's values are one array (`valuesOf`) and its counts
 * one loop. Ids are given in the order values are first seen.
 */
export class FacetDictionary {
  /** Per facet (by position), its values' ids. */
  private readonly ids = valueFacets.map(() => new Map<string, number>());
  /** Per id: its facet's position in `valueFacets`, and its value. */
  readonly facetOf: number[] = [];
  readonly values: string[] = [];

  get size(): number {
    return this.values.length;
  }

  /** The id of a value of the facet at position `k`, or -1 when the index has never seen it. */
  find(k: number, value: string): number {
    return this.ids[k]!.get(value) ?? -1;
  }

  id(k: number, value: string): number {
    const ids = this.ids[k]!;
    let id = ids.get(value);
    if (id === undefined) {
      id = this.values.length;
      // Documents hold the ids in Uint16Arrays: a larger id would wrap to another value's.
      if (id > 0xffff) throw new Error('search index: more than 65,536 facet values');
      ids.set(value, id);
      this.facetOf.push(k);
      this.values.push(value);
    }
    return id;
  }

  /**
   * A document's values as one array: first where each value facet's ids start (entry k for the
   * facet at position k, entry `valueFacets.length` the array's length), then the ids.
   */
  valuesOf(doc: IndexedDoc, lists: FacetLists = facetLists(doc)): Uint16Array {
    const facets = valueFacets.length;
    let total = facets + 1;
    for (const list of lists) total += list.length;
    // Its starts are Uint16 too: a longer record would be read wrong (and the store's with it).
    if (total > 0xffff) throw new Error(`search index: a document with ${total} facet values`);
    const out = new Uint16Array(total);
    let at = facets + 1;
    for (let k = 0; k < facets; k++) {
      out[k] = at;
      for (const value of lists[k]!) out[at++] = this.id(k, String(value));
    }
    out[facets] = at;
    return out;
  }
}

/** A document's values of each value facet, in valueFacets order. */
export const facetLists = (doc: IndexedDoc): FacetLists => valueFacets.map((f) => facetValues[f](doc));

/**
 * Gives back the numbers of documents placed but never given their words (a snapshot load that
 * failed part-way): no posting names them, so they are free at once. Those at the end shorten the
 * array, so that the full build after a failed load numbers its documents as a fresh index would
 * (equal scores keep the same order); the others are reused.
 */
export function giveBack(docs: unknown[], free: number[], ns: readonly number[]): void {
  const gone = new Set(ns);
  let end = docs.length;
  while (end > 0 && gone.delete(end - 1)) end--;
  docs.length = end;
  for (const n of gone) free.push(n);
}

/**
 * The filters as value ids (FacetDictionary) per value facet (by position in `valueFacets`); a
 * value the index has never seen matches nothing. Access conditions must all hold; types are
 * alternatives (a document has one).
 */
export function wantedValues(
  filters: SearchFilters,
  dictionary: FacetDictionary,
): { facet: number; ids: number[]; any: boolean }[] {
  const wanted: { facet: number; ids: number[]; any: boolean }[] = [];
  for (const [i, facet] of valueFacets.entries()) {
    const value = filters[facet];
    const raw = Array.isArray(value) ? value : value === undefined ? undefined : [String(value)];
    if (!raw?.length) continue;
    const ids = raw.map((v) => dictionary.find(i, v));
    wanted.push({ facet: i, ids, any: facet === 'type' });
  }
  return wanted;
}
