// Small-cell protection of the whole evidence cube, computed once per build and never per request:
// every number shown is a cell of the cube or a sum of cells, so protecting the cube protects them all.
// This is the first layer; perturbation.ts then moves every count shown by a little noise, because
// on a grid this linked (places, periods, themes and sources, each with its totals) no heuristic
// keeps every chain of totals from pinning a hidden count down: the noise makes such chains inexact.
//
// Primary: a cell counting 1 to 4 is hidden (0 is shown: it is nobody).
// Secondary: every total is the sum of its parts along one axis (quartiers and "not known" into
// their commune, communes into the region; months into their quarter, quarters into their year;
// themes into "all themes", not an exact sum for signals naming several themes but kept as a relation,
// which hides more, never less; sources into "all sources"). In each such relation, the hidden cells
// must not be worked out by subtraction:
// - with the total shown, the hidden parts are none, or at least two that together count 5 or more
//   (two hidden parts adding up to 3 would tell that each is 1 or 2);
// - with the total hidden, at least one part is hidden too (else the parts add up to it).
// While a relation fails, its smallest non-zero part still shown is hidden, or its total when none is
// left; hiding a cell can break the other relations it belongs to, so those are checked again, until
// nothing changes. It ends: cells are only ever hidden. (The classic hypercube heuristic; it keeps
// each relation safe, which is what row, column and period totals can reveal.)
import type { EvidenceCube } from './evidence-cube.ts';

export const smallestShown = 5;

const axes = ['source', 'theme', 'place', 'period'] as const;
type Axis = 0 | 1 | 2 | 3;

/** The cube's relations as index arithmetic, made once per cube: parts and total of each cell, per axis. */
class Relations {
  readonly strides: number[];
  /** Per place and per period: the offsets (in places or periods) of its parts, and of its total. */
  private readonly placeParts: (Int32Array | null)[];
  private readonly placeTotal: Int32Array;
  private readonly periodParts: (Int32Array | null)[];
  private readonly periodTotal: Int32Array;
  /** The most parts a relation has: the size of the buffers `parts` writes into. */
  readonly maxParts: number;

  constructor(private readonly cube: EvidenceCube) {
    const s = cube.strides;
    this.strides = [s.source, s.theme, s.place, s.period];
    this.placeParts = cube.places.map((_, p) => {
      const children = cube.children.get(p);
      return children ? Int32Array.from(children, (c) => c - p) : null;
    });
    this.placeTotal = Int32Array.from(cube.places, (place, p) => (place.parent < 0 ? 0 : place.parent - p));
    this.periodParts = Array.from({ length: cube.periodCount }, (_, q) => {
      const children = cube.periodChildren(q);
      return children.length ? Int32Array.from(children, (c) => c - q) : null;
    });
    this.periodTotal = Int32Array.from({ length: cube.periodCount }, (_, q) => {
      const parent = cube.periodParent(q);
      return parent < 0 ? 0 : parent - q;
    });
    this.maxParts = Math.max(
      cube.sourceCount,
      cube.themeCount,
      4,
      ...[...cube.children.values()].map((children) => children.length),
    );
  }

  /** The coordinate of `cell` on `axis`. */
  private at(cell: number, axis: Axis): number {
    const c = this.cube;
    switch (axis) {
      case 0:
        return Math.floor(cell / this.strides[0]!);
      case 1:
        return Math.floor(cell / this.strides[1]!) % c.themeCount;
      case 2:
        return Math.floor(cell / this.strides[2]!) % c.places.length;
      case 3:
        return cell % c.periodCount;
    }
  }

  /** The parts of the relation whose total is `total` on `axis`, written into `into`; their number (0: no such relation). */
  parts(total: number, axis: Axis, into: Int32Array): number {
    const c = this.cube;
    const at = this.at(total, axis);
    const stride = this.strides[axis]!;
    if (axis === 0 || axis === 1) {
      const all = axis === 0 ? c.allSources : c.allThemes;
      if (at !== all) return 0;
      for (let k = 0; k < all; k++) into[k] = total - (all - k) * stride;
      return all;
    }
    const offsets = axis === 2 ? this.placeParts[at] : this.periodParts[at];
    if (!offsets) return 0;
    for (let k = 0; k < offsets.length; k++) into[k] = total + offsets[k]! * stride;
    return offsets.length;
  }

  /** The total `cell` is a part of on `axis`, or -1. */
  totalAbove(cell: number, axis: Axis): number {
    const c = this.cube;
    const at = this.at(cell, axis);
    const stride = this.strides[axis]!;
    if (axis === 0 || axis === 1) {
      const all = axis === 0 ? c.allSources : c.allThemes;
      return at === all ? -1 : cell + (all - at) * stride;
    }
    const offset = axis === 2 ? this.placeTotal[at]! : this.periodTotal[at]!;
    return offset === 0 ? -1 : cell + offset * stride;
  }
}

/** Whether a relation holds: see the rules at the top. */
function holds(counts: Int32Array, hidden: Uint8Array, total: number, parts: Int32Array, n: number): boolean {
  let hiddenParts = 0;
  let hiddenSum = 0;
  for (let k = 0; k < n; k++) {
    const p = parts[k]!;
    if (hidden[p]) {
      hiddenParts++;
      hiddenSum += counts[p]!;
    }
  }
  if (hidden[total]) return hiddenParts > 0;
  return hiddenParts === 0 || (hiddenParts >= 2 && hiddenSum >= smallestShown);
}

/** The work of suppression, as steps: it yields now and then, and returns the hidden cells (1 where hidden). */
function* suppression(cube: EvidenceCube, secondary: boolean): Generator<void, Uint8Array> {
  const { counts } = cube;
  const relations = new Relations(cube);
  const hidden = new Uint8Array(counts.length);
  const queue: number[] = [];
  /** Per cell, one bit per axis: its relation as a total is waiting in the queue. */
  const queued = new Uint8Array(counts.length);
  const enqueue = (total: number, axis: Axis) => {
    if (total < 0 || queued[total]! & (1 << axis)) return;
    queued[total]! |= 1 << axis;
    queue.push(total * 4 + axis);
  };
  /** Every relation a newly hidden cell belongs to, to be checked again. */
  const recheck = (cell: number) => {
    for (let axis = 0 as Axis; axis < 4; axis = (axis + 1) as Axis) {
      enqueue(cell, axis);
      enqueue(relations.totalAbove(cell, axis), axis);
    }
  };
  for (let i = 0; i < counts.length; i++) {
    const n = counts[i]!;
    if (n > 0 && n < smallestShown) {
      hidden[i] = 1;
      if (secondary) recheck(i);
    }
  }
  const parts = new Int32Array(relations.maxParts);
  for (let done = 0; queue.length; done++) {
    if (done % 50_000 === 49_999) yield;
    const key = queue.pop()!;
    const axis = (key % 4) as Axis;
    const total = (key - axis) / 4;
    queued[total]! &= ~(1 << axis);
    const n = relations.parts(total, axis, parts);
    if (!n) continue;
    while (!holds(counts, hidden, total, parts, n)) {
      let next = -1;
      for (let k = 0; k < n; k++) {
        const p = parts[k]!;
        if (!hidden[p] && counts[p]! > 0 && (next < 0 || counts[p]! < counts[next]!)) next = p;
      }
      if (next < 0) {
        if (hidden[total]) break; // cannot happen: a hidden total is not 0, so some part is not 0
        next = total;
      }
      hidden[next] = 1;
      recheck(next);
    }
  }
  return hidden;
}

/** The cells hidden from the cube: 1 where hidden. `secondary: false` only for tests that show why it is needed. */
export function suppress(cube: EvidenceCube, options: { secondary?: boolean } = {}): Uint8Array {
  const steps = suppression(cube, options.secondary !== false);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** The same, letting the process answer requests between slices of the work. */
export async function suppressInSlices(cube: EvidenceCube, pause: () => Promise<void>): Promise<Uint8Array> {
  const steps = suppression(cube, true);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    await pause();
  }
}

/** Every relation of the cube that does not hold, and every cell of 1 to 4 shown: empty when protected. */
export function auditSuppression(cube: EvidenceCube, hidden: Uint8Array): string[] {
  const problems: string[] = [];
  const { counts } = cube;
  const relations = new Relations(cube);
  const parts = new Int32Array(relations.maxParts);
  for (let cell = 0; cell < counts.length; cell++) {
    const n = counts[cell]!;
    if (!hidden[cell] && n > 0 && n < smallestShown)
      problems.push(`shown small cell ${describe(cube, cell)} = ${n}`);
    for (let axis = 0 as Axis; axis < 4; axis = (axis + 1) as Axis) {
      const count = relations.parts(cell, axis, parts);
      if (!count) continue;
      let members = hidden[cell]!;
      for (let k = 0; k < count; k++) members += hidden[parts[k]!]!;
      if (members === 1 || !holds(counts, hidden, cell, parts, count))
        problems.push(`${axes[axis]} relation of ${describe(cube, cell)}: ${members} hidden`);
    }
  }
  return problems;
}

export function describe(cube: EvidenceCube, cell: number): string {
  const c = cube.coordinates(cell);
  const place = cube.places[c.place]!;
  return [
    c.source === cube.allSources ? 'all sources' : `source ${c.source}`,
    c.theme === cube.allThemes ? 'all themes' : cube.shape.themes[c.theme],
    `${place.level} ${place.code}`,
    cube.periodName(c.period),
  ].join(' / ');
}
