// One search's pass over the documents its words matched (or every document, without words): the
// filters, the facet counts and the keys the results are ordered by (page-order.ts). A tight loop
// over typed arrays, as a broad search passes over all 50,000 documents.
import type { NearPoint, SearchDoc } from './search-types.ts';
import { type Bitset, distanceKm } from './index-parts.ts';
import type { DocValues } from './doc-values.ts';

export interface Wanted {
  facet: number;
  ids: number[];
  any: boolean;
}

export interface RunInput {
  docs: readonly (SearchDoc | undefined)[];
  /** Per document, its value ids (doc-values.ts). */
  docValues: readonly (DocValues | undefined)[];
  /** Per value facet, its number of values. */
  valueCounts: number[];
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
  counts: Uint32Array[];
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

/** Whether facet `facet` of a document's values holds `id`. */
function holds(values: DocValues, facet: number, id: number): boolean {
  for (let j = values[facet]!, end = values[facet + 1]!; j < end; j++) if (values[j] === id) return true;
  return false;
}

function passes(values: DocValues, facet: number, ids: number[], any: boolean): boolean {
  if (any) {
    for (let i = 0; i < ids.length; i++) if (holds(values, facet, ids[i]!)) return true;
    return false;
  }
  for (let i = 0; i < ids.length; i++) if (!holds(values, facet, ids[i]!)) return false;
  return true;
}

export function runSearch(input: RunInput): RunOutput {
  const { docs, docValues, openNow, ns, scores, wanted, openFilter, near } = input;
  const every = ns === null;
  const size = every ? docs.length : ns.length;
  const keptN = new Int32Array(size);
  const keptScore = new Float64Array(size);
  const measure = near !== undefined && (input.allDistances || near.radiusKm !== undefined);
  const keptDistance = measure && input.allDistances ? new Float64Array(size) : undefined;
  const counts = input.valueCounts.map((c) => new Uint32Array(c));
  const openCounts = new Uint32Array(3);
  const openFacet = counts.length;
  const active = wanted.length + (openFilter ? 1 : 0);
  const radius = near?.radiusKm;
  const wantNow = openFilter?.includes('now') ?? false;
  const wantEvening = openFilter?.includes('evening') ?? false;
  // As before: any other value asks for the weekend.
  const wantWeekend = openFilter?.some((o) => o !== 'now' && o !== 'evening') ?? false;
  let kept = 0;
  for (let i = 0; i < size; i++) {
    const n = every ? i : ns[i]!;
    const doc = docs[n];
    const values = docValues[n];
    if (!doc || !values) continue;
    let distance: number | undefined;
    if (measure) {
      distance = distanceOf(near, doc);
      if (radius && (distance === undefined || distance > radius)) continue;
    }
    // A document counts in a facet when it passes every other filter, so each facet shows what
    // choosing another of its values would give.
    let failed = -1;
    let failures = 0;
    for (let w = 0; w < wanted.length; w++) {
      const want = wanted[w]!;
      if (!passes(values, want.facet, want.ids, want.any)) {
        failed = want.facet;
        failures++;
      }
    }
    if (failures > 1) continue;
    if (openFilter) {
      const ok =
        (!wantNow || openNow.has(n)) && (!wantEvening || doc.evening) && (!wantWeekend || doc.weekend);
      if (!ok) {
        failed = openFacet;
        if (++failures > 1) continue;
      }
    }
    if (failures === 0) {
      keptN[kept] = n;
      keptScore[kept] = every ? doc.trust : scores![i]!;
      if (keptDistance) keptDistance[kept] = distance ?? Infinity;
      kept++;
    } else if (active === 0) continue;
    const only = failures === 0 ? -1 : failed;
    for (let k = 0; k < openFacet; k++) {
      if (only !== -1 && only !== k) continue;
      const c = counts[k]!;
      for (let j = values[k]!, end = values[k + 1]!; j < end; j++) c[values[j]!]!++;
    }
    if (only === -1 || only === openFacet) {
      if (openNow.has(n)) openCounts[0]!++;
      if (doc.evening) openCounts[1]!++;
      if (doc.weekend) openCounts[2]!++;
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
