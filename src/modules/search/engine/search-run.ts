// One search's pass over the documents its words matched (or every document, without words): the
// filters, the facet counts and the keys the results are ordered by (page-order.ts). A tight loop
// over typed arrays, as a broad search passes over all 50,000 documents.
import { type NearPoint, type SearchDoc, valueFacets } from './search-types.ts';
import { type Bitset, distanceKm } from './index-parts.ts';

export interface Wanted {
  facet: number;
  ids: number[];
  any: boolean;
}

/** Bits of what a search's pass reads of each document (kept by number in a typed array). */
export const docFlag = { evening: 1, weekend: 2, points: 4, organisation: 8 } as const;

export function flagsOf(doc: SearchDoc): number {
  return (
    (doc.evening ? docFlag.evening : 0) |
    (doc.weekend ? docFlag.weekend : 0) |
    (doc.points.length ? docFlag.points : 0) |
    (doc.type === 'organisation' ? docFlag.organisation : 0)
  );
}

export interface RunInput {
  docs: readonly (SearchDoc | undefined)[];
  /** Per document number, its trust and its docFlag bits. */
  trusts: Float64Array;
  flags: Uint8Array;
  /** Per document, its value ids (doc-values.ts): the records, and where each document's starts (-1: none). */
  values: Uint16Array;
  valuesStart: Int32Array;
  /** How many value ids there are (FacetDictionary.size). */
  valueCount: number;
  openNow: Bitset;
  /** The documents the words matched, best first, and their scores; null for every document. */
  ns: Int32Array | null;
  scores: Float64Array | null;
  wanted: Wanted[];
  openFilter: readonly string[] | undefined;
  near: NearPoint | undefined;
  /** Whether the results' distances are needed for all (sorting by them), not for the page only. */
  allDistances: boolean;
}

export interface RunOutput {
  n: Int32Array;
  score: Float64Array;
  /** Distances, Infinity for a document without a point; only when `allDistances`. */
  distance: Float64Array | undefined;
  count: number;
  /** Per value id, the results that count in its facet. */
  counts: Uint32Array;
  /** Now, evening, weekend. */
  openCounts: Uint32Array;
}

/** The distance from a point to a document's nearest point, or undefined without points. */
export function distanceOf(near: NearPoint | undefined, doc: SearchDoc): number | undefined {
  if (!near || !doc.points.length) return undefined;
  let best = Infinity;
  for (const p of doc.points) best = Math.min(best, distanceKm(near, p));
  return best;
}

/** Whether a document's values of one facet (from..to in `have`) hold any or all of `ids`. */
function holds(have: Uint16Array, from: number, to: number, id: number): boolean {
  for (let j = from; j < to; j++) if (have[j] === id) return true;
  return false;
}

/** Whether the record at `base` in `have` passes a filter on one facet. */
function passes(have: Uint16Array, base: number, facet: number, ids: number[], any: boolean): boolean {
  const from = base + have[base + facet]!;
  const to = base + have[base + facet + 1]!;
  if (any) {
    for (let i = 0; i < ids.length; i++) if (holds(have, from, to, ids[i]!)) return true;
    return false;
  }
  for (let i = 0; i < ids.length; i++) if (!holds(have, from, to, ids[i]!)) return false;
  return true;
}

export function runSearch(input: RunInput): RunOutput {
  const { docs, values, valuesStart, trusts, flags, openNow, ns, scores, wanted, openFilter, near } = input;
  const every = ns === null;
  const size = every ? docs.length : ns.length;
  const keptN = new Int32Array(size);
  const keptScore = new Float64Array(size);
  const measure = near !== undefined && (input.allDistances || near.radiusKm !== undefined);
  const keptDistance = measure && input.allDistances ? new Float64Array(size) : undefined;
  const counts = new Uint32Array(input.valueCount);
  const openCounts = new Uint32Array(3);
  // The facet a document failed, when it failed one: "open" after the value facets.
  const openFacet = valueFacets.length;
  const active = wanted.length + (openFilter ? 1 : 0);
  const radius = near?.radiusKm;
  const wantNow = openFilter?.includes('now') ?? false;
  const wantEvening = openFilter?.includes('evening') ?? false;
  // As before: any other value asks for the weekend.
  const wantWeekend = openFilter?.some((o) => o !== 'now' && o !== 'evening') ?? false;
  let kept = 0;
  for (let i = 0; i < size; i++) {
    const n = every ? i : ns[i]!;
    // A document's values are there exactly while the document is.
    const base = n < valuesStart.length ? valuesStart[n]! : -1;
    if (base < 0) continue;
    const flag = flags[n]!;
    let distance: number | undefined;
    if (measure) {
      distance = flag & docFlag.points ? distanceOf(near, docs[n]!) : undefined;
      if (radius && (distance === undefined || distance > radius)) continue;
    }
    // A document counts in a facet when it passes every other filter, so each facet shows what
    // choosing another of its values would give.
    let failed = -1;
    let failures = 0;
    for (let w = 0; w < wanted.length; w++) {
      const want = wanted[w]!;
      if (!passes(values, base, want.facet, want.ids, want.any)) {
        failed = want.facet;
        failures++;
      }
    }
    if (failures > 1) continue;
    if (openFilter) {
      const ok =
        (!wantNow || openNow.has(n)) &&
        (!wantEvening || (flag & docFlag.evening) !== 0) &&
        (!wantWeekend || (flag & docFlag.weekend) !== 0);
      if (!ok) {
        failed = openFacet;
        if (++failures > 1) continue;
      }
    }
    if (failures === 0) {
      keptN[kept] = n;
      keptScore[kept] = every ? trusts[n]! : scores![i]!;
      if (keptDistance) keptDistance[kept] = distance ?? Infinity;
      kept++;
    } else if (active === 0) continue;
    const only = failures === 0 ? -1 : failed;
    if (only === -1) {
      for (let j = base + values[base]!, end = base + values[base + openFacet]!; j < end; j++)
        counts[values[j]!]!++;
    } else if (only !== openFacet)
      for (let j = base + values[base + only]!, end = base + values[base + only + 1]!; j < end; j++)
        counts[values[j]!]!++;
    if (only === -1 || only === openFacet) {
      if (openNow.has(n)) openCounts[0]!++;
      if (flag & docFlag.evening) openCounts[1]!++;
      if (flag & docFlag.weekend) openCounts[2]!++;
    }
  }
  return {
    n: keptN.subarray(0, kept),
    score: keptScore.subarray(0, kept),
    distance: keptDistance?.subarray(0, kept),
    count: kept,
    counts,
    openCounts,
  };
}
