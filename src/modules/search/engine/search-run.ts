// One search's pass over the documents its words matched (or every document, without words): the
// filters, the facet counts and the keys the results are ordered by (page-order.ts). A tight loop
// over typed arrays, as a broad search passes over all 50,000 documents.
import { type NearPoint, type IndexedDoc, valueFacets } from './search-types.ts';
import { type Bitset, distanceKm } from './index-parts.ts';
import { drain, type Steps } from './term-match.ts';
import { float64s, int32s, uint32s } from './typed-pool.ts';

export interface Wanted {
  facet: number;
  ids: number[];
  any: boolean;
}

/** Bits of what a search's pass reads of each document (kept by number in a typed array). */
export const docFlag = { evening: 1, weekend: 2, points: 4, organisation: 8 } as const;

export function flagsOf(doc: IndexedDoc): number {
  return (
    (doc.evening ? docFlag.evening : 0) |
    (doc.weekend ? docFlag.weekend : 0) |
    (doc.points.length ? docFlag.points : 0) |
    (doc.type === 'organisation' ? docFlag.organisation : 0)
  );
}

export interface RunInput {
  docs: readonly (IndexedDoc | undefined)[];
  /** Per document number, its trust and its docFlag bits. */
  trusts: Float64Array;
  flags: Uint8Array;
  /**
   * Per document, its value ids (doc-values.ts): the records, and where each document's starts
   * (-1: none). Read again at every slice: the store may have moved its records in between.
   */
  values: { readonly data: Uint16Array; readonly start: Int32Array };
  /** How many value ids there are (FacetDictionary.size). */
  valueCount: number;
  openNow: Bitset;
  /** The documents the words matched, best first, and their scores; null for every document. */
  ns: Int32Array | null;
  scores: Float32Array | null;
  wanted: Wanted[];
  openFilter: readonly string[] | undefined;
  near: NearPoint | undefined;
  /** Whether the results' distances are needed for all (sorting by them), not for the page only. */
  allDistances: boolean;
  /** Whether facets are counted (false: `counts` and `openCounts` stay 0). */
  countFacets?: boolean;
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
  /** Gives the arrays above back to typed-pool.ts: call once none of them is read again. */
  release(): void;
}

/** The distance from a point to a document's nearest point, or undefined without points. */
export function distanceOf(near: NearPoint | undefined, doc: IndexedDoc): number | undefined {
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

/** Documents a pass reads between two yields of runSearchSteps: a millisecond or two. */
const passSlice = 8192;

export function runSearch(input: RunInput): RunOutput {
  return drain(runSearchSteps(input));
}

/** The pass as steps that yield every `passSlice` documents (term-match.ts's drain runs them in one turn). */
export function* runSearchSteps(input: RunInput): Steps<RunOutput> {
  const pass = new SearchPass(input);
  for (let from = 0; from < pass.size; from += passSlice) {
    pass.over(from, Math.min(pass.size, from + passSlice));
    if (from + passSlice < pass.size) yield;
  }
  return pass.output();
}

/** One search's pass, over its documents a range at a time, in order. */
class SearchPass {
  readonly size: number;
  private readonly every: boolean;
  private readonly keptN: Int32Array;
  private readonly keptScore: Float64Array;
  private readonly keptDistance: Float64Array | undefined;
  private readonly measure: boolean;
  private readonly counts: Uint32Array;
  private readonly openCounts = new Uint32Array(3);
  private kept = 0;

  constructor(private readonly input: RunInput) {
    const { docs, ns, near } = input;
    this.every = ns === null;
    this.size = this.every ? docs.length : ns!.length;
    // From the pools (a broad search's are hundreds of kilobytes): longer than asked, maybe.
    this.keptN = int32s.take(this.size);
    this.keptScore = float64s.take(this.size);
    this.measure = near !== undefined && (input.allDistances || near.radiusKm !== undefined);
    this.keptDistance = this.measure && input.allDistances ? float64s.take(this.size) : undefined;
    this.counts = uint32s.takeZeroed(input.valueCount);
  }

  output(): RunOutput {
    const { kept, keptN, keptScore, keptDistance, counts } = this;
    return {
      n: keptN.subarray(0, kept),
      score: keptScore.subarray(0, kept),
      distance: keptDistance?.subarray(0, kept),
      count: kept,
      counts: counts.subarray(0, this.input.valueCount),
      openCounts: this.openCounts,
      release: () => {
        int32s.give(keptN);
        float64s.give(keptScore);
        if (keptDistance) float64s.give(keptDistance);
        uint32s.give(counts);
      },
    };
  }

  /** The documents from..to-1 (positions in the matches, or numbers without words). */
  over(start: number, end: number): void {
    const { docs, trusts, flags, openNow, ns, scores, wanted, openFilter, near } = this.input;
    const { data: values, start: valuesStart } = this.input.values;
    const { every, keptN, keptScore, keptDistance, measure, counts, openCounts } = this;
    let kept = this.kept;
    // The facet a document failed, when it failed one: "open" after the value facets.
    const openFacet = valueFacets.length;
    // A document failing one filter still counts in that filter's facet; without facets it is done.
    const counting = this.input.countFacets !== false;
    const tolerated = counting ? 1 : 0;
    const radius = near?.radiusKm;
    const wantNow = openFilter?.includes('now') ?? false;
    const wantEvening = openFilter?.includes('evening') ?? false;
    // As before: any other value asks for the weekend.
    const wantWeekend = openFilter?.some((o) => o !== 'now' && o !== 'evening') ?? false;
    for (let i = start; i < end; i++) {
      const n = every ? i : ns![i]!;
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
      if (failures > tolerated) continue;
      if (openFilter) {
        const ok =
          (!wantNow || openNow.has(n)) &&
          (!wantEvening || (flag & docFlag.evening) !== 0) &&
          (!wantWeekend || (flag & docFlag.weekend) !== 0);
        if (!ok) {
          failed = openFacet;
          if (++failures > tolerated) continue;
        }
      }
      if (failures === 0) {
        keptN[kept] = n;
        keptScore[kept] = every ? trusts[n]! : scores![i]!;
        if (keptDistance) keptDistance[kept] = distance ?? Infinity;
        kept++;
      }
      if (!counting) continue;
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
    this.kept = kept;
  }
}
