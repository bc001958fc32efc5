// Reading the published cube: every figure is one published cell (its count moved by its noise,
// perturbation.ts) or a sum of published cells, and a sum that would take in a hidden cell is hidden. A period from one month to another is cut into whole years, then
// quarters, then months, each a cell of the cube, so two overlapping periods give nothing that the
// protected cube does not already show.
import { type EvidenceSource, evidenceSources } from '../evidence-source.ts';
import type { EvidenceCube, PlaceLevel } from './evidence-cube.ts';

/** The cube as it is shown: the counts, what is hidden, the numbers shown, and when it was made. */
export interface PublishedCube {
  cube: EvidenceCube;
  hidden: Uint8Array;
  /** Per cell, the number shown: its true count moved by its noise (perturbation.ts). */
  shown: Int32Array;
  /** The month in progress when it was built (yyyy-MM); nothing after it is asked. */
  currentMonth: string;
  builtAt: Date;
  version: number;
}

export interface EvidenceFilter {
  source: EvidenceSource | null;
  theme: string | null;
  commune: string | null;
  quartier: number | null;
  /** yyyy-MM, both included. */
  from: string;
  to: string;
}

export interface Figure {
  /** Null: hidden, because it would describe fewer than 5, or let a hidden count be worked out. */
  count: number | null;
}

export interface PlaceFigure extends Figure {
  level: PlaceLevel;
  code: string;
  communeNis: string | null;
}

export interface RisingNeeds {
  communeNis: string;
  rising: { theme: string; last: number; before: number }[];
  /** Themes for which one of the two periods has a hidden count: whether they rise cannot be said. */
  unknown: string[];
}

export interface EvidenceFigures {
  filter: EvidenceFilter;
  /** The cells the period is made of: 2025, 2026-Q1, 2026-04 … */
  periods: string[];
  /** The chosen place (quartier, commune, or the region). */
  total: PlaceFigure;
  /** Every quartier, commune's "quartier not known", commune and the region. */
  places: PlaceFigure[];
  themes: (Figure & { theme: string })[];
  sources: (Figure & { source: EvidenceSource })[];
  /** Month by month, for the trend. */
  months: (Figure & { month: string })[];
  rising: { last: [string, string]; before: [string, string]; communes: RisingNeeds[] };
}

export function addMonths(month: string, n: number): string {
  const total = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + n;
  return `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}`;
}

export function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  for (let m = from; m <= to; m = addMonths(m, 1)) months.push(m);
  return months;
}

/** The cells of the period from..to: whole years, then whole quarters, then months. */
export function periodCells(cube: EvidenceCube, from: string, to: string): number[] {
  const first = `${cube.shape.firstYear}-01`;
  const cells: number[] = [];
  for (let m = from < first ? first : from; m <= to;) {
    const year = Number(m.slice(0, 4));
    const month = Number(m.slice(5, 7));
    if (month === 1 && `${year}-12` <= to) {
      cells.push(cube.yearPeriod(year));
      m = `${year + 1}-01`;
    } else if ((month - 1) % 3 === 0 && addMonths(m, 2) <= to) {
      cells.push(cube.quarterPeriod(year, (month - 1) / 3));
      m = addMonths(m, 3);
    } else {
      const period = cube.monthPeriod(m);
      if (period === undefined) break;
      cells.push(period);
      m = addMonths(m, 1);
    }
  }
  return cells;
}

/** The sum of the published cells at these coordinates over these periods; null when one of them is hidden. */
export function sumOver(
  published: PublishedCube,
  at: { source: number; theme: number; place: number },
  periods: readonly number[],
): number | null {
  const { cube, hidden, shown } = published;
  const base = cube.index({ ...at, period: 0 });
  let sum = 0;
  for (const p of periods) {
    if (hidden[base + p]) return null;
    sum += shown[base + p]!;
  }
  return sum;
}

/** The place a filter chooses: its quartier, else its commune, else the region. */
export function chosenPlace(
  cube: EvidenceCube,
  filter: Pick<EvidenceFilter, 'commune' | 'quartier'>,
): number {
  if (filter.quartier !== null) return cube.quartierPlace.get(filter.quartier) ?? cube.regionPlace;
  if (filter.commune !== null) return cube.communePlace.get(filter.commune) ?? cube.regionPlace;
  return cube.regionPlace;
}

/** Everything a page or the API shows for a filter, from the published cells only. */
export function readEvidence(published: PublishedCube, filter: EvidenceFilter): EvidenceFigures {
  const { cube } = published;
  const source = filter.source === null ? cube.allSources : cube.source(filter.source);
  const theme = filter.theme === null ? cube.allThemes : cube.theme(filter.theme)!;
  const place = chosenPlace(cube, filter);
  const periods = periodCells(cube, filter.from, filter.to);
  const placeFigure = (p: number): PlaceFigure => {
    const { level, code, communeNis } = cube.places[p]!;
    return { level, code, communeNis, count: sumOver(published, { source, theme, place: p }, periods) };
  };
  return {
    filter,
    periods: periods.map((p) => cube.periodName(p)),
    total: placeFigure(place),
    places: cube.places.map((_, p) => placeFigure(p)),
    themes: cube.shape.themes.map((code, t) => ({
      theme: code,
      count: sumOver(published, { source, theme: t, place }, periods),
    })),
    sources: evidenceSources.map((s, i) => ({
      source: s,
      count: sumOver(published, { source: i, theme, place }, periods),
    })),
    months: monthsBetween(filter.from, filter.to).map((month) => {
      const period = cube.monthPeriod(month);
      return {
        month,
        count: period === undefined ? 0 : sumOver(published, { source, theme, place }, [period]),
      };
    }),
    rising: risingNeedsOnce(published, source, filter.commune),
  };
}

// The rising needs do not depend on the theme, place or period chosen: worked out once per cube.
const risingByCube = new WeakMap<PublishedCube, Map<string, EvidenceFigures['rising']>>();
function risingNeedsOnce(
  published: PublishedCube,
  source: number,
  commune: string | null,
): EvidenceFigures['rising'] {
  let known = risingByCube.get(published);
  if (!known) risingByCube.set(published, (known = new Map()));
  const key = `${source}|${commune}`;
  let rising = known.get(key);
  if (!rising) known.set(key, (rising = risingNeeds(published, source, commune)));
  return rising;
}

/**
 * Per commune, the themes whose last three full months count more than the three months before,
 * from published cells only; a theme whose two sums are not both shown is listed as unknown.
 */
function risingNeeds(
  published: PublishedCube,
  source: number,
  commune: string | null,
): EvidenceFigures['rising'] {
  const { cube, currentMonth } = published;
  const last: [string, string] = [addMonths(currentMonth, -3), addMonths(currentMonth, -1)];
  const before: [string, string] = [addMonths(currentMonth, -6), addMonths(currentMonth, -4)];
  const lastCells = periodCells(cube, ...last);
  const beforeCells = periodCells(cube, ...before);
  const communes = [...cube.communePlace].filter(([nis]) => commune === null || nis === commune);
  return {
    last,
    before,
    communes: communes.map(([communeNis, place]) => {
      const result: RisingNeeds = { communeNis, rising: [], unknown: [] };
      cube.shape.themes.forEach((code, theme) => {
        const now = sumOver(published, { source, theme, place }, lastCells);
        const then = sumOver(published, { source, theme, place }, beforeCells);
        if (now === null || then === null) result.unknown.push(code);
        else if (now > then) result.rising.push({ theme: code, last: now, before: then });
      });
      result.rising.sort((a, b) => b.last - b.before - (a.last - a.before));
      return result;
    }),
  };
}
