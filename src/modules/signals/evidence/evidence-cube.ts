// The evidence cube: counts by source, theme, place and period, at every level of each (a source or
// all sources; a theme or all themes; a quartier, a commune's "quartier not known", a commune or the
// region; a month, a calendar quarter or a calendar year). A theme counts the records naming it;
// "all themes" counts each record once (a signal naming three themes is one signal), from the
// sources' own "*" rows, so it is not the sum of the themes. Every other total is the exact sum of
// its parts. Each cell also holds the sum of its records' keys modulo 256, which adds up the same
// way and seeds the cell's noise (perturbation.ts). The cube is protected as a whole (suppression.ts,
// then perturbation.ts) before anything of it is shown. Plain typed arrays: millions of cells, built
// in a few hundred milliseconds.
import {
  allThemesCode,
  type EvidenceCount,
  type EvidenceSource,
  evidenceSources,
} from '../evidence-source.ts';

export type PlaceLevel = 'quartier' | 'unknown' | 'commune' | 'region';
export type PeriodLevel = 'month' | 'quarter' | 'year';

/** What the cube is laid out over: the themes, and the communes with their quartiers, in order. */
export interface CubeShape {
  themes: readonly string[];
  communes: readonly { nis: string; quartiers: readonly number[] }[];
  /** The first calendar year held, and how many (the last one holds the current month). */
  firstYear: number;
  years: number;
}

export interface CubePlace {
  level: PlaceLevel;
  /** The quartier's code, the commune's NIS code (for "unknown" too), or "region". */
  code: string;
  communeNis: string | null;
  /** The place it adds up into; -1 for the region. */
  parent: number;
}

/** The cube's coordinates: one index per axis; the last index of sources and themes is "all". */
export interface Coordinates {
  source: number;
  theme: number;
  place: number;
  period: number;
}

export class EvidenceCube {
  readonly sourceCount = evidenceSources.length + 1;
  readonly themeCount: number;
  readonly places: CubePlace[] = [];
  /** Index of each commune's place, of its "quartier not known", and of each quartier. */
  readonly communePlace = new Map<string, number>();
  readonly unknownPlace = new Map<string, number>();
  readonly quartierPlace = new Map<number, number>();
  readonly regionPlace: number;
  /** The leaf places (quartiers and "not known") under each commune place; the communes under the region. */
  readonly children = new Map<number, number[]>();
  readonly periodCount: number;
  readonly counts: Int32Array;
  /** Per cell, the sum of its records' keys modulo 256 (a Uint8Array wraps by itself). */
  readonly keys: Uint8Array;
  private readonly themeIndex: Map<string, number>;

  constructor(readonly shape: CubeShape) {
    this.themeCount = shape.themes.length + 1;
    this.themeIndex = new Map(shape.themes.map((code, i) => [code, i]));
    const leaves: { commune: number; place: CubePlace }[] = [];
    shape.communes.forEach((c, ci) => {
      for (const q of c.quartiers)
        leaves.push({
          commune: ci,
          place: { level: 'quartier', code: String(q), communeNis: c.nis, parent: -1 },
        });
      leaves.push({ commune: ci, place: { level: 'unknown', code: c.nis, communeNis: c.nis, parent: -1 } });
    });
    const firstCommune = leaves.length;
    this.regionPlace = firstCommune + shape.communes.length;
    for (const leaf of leaves) {
      leaf.place.parent = firstCommune + leaf.commune;
      const index = this.places.push(leaf.place) - 1;
      if (leaf.place.level === 'quartier') this.quartierPlace.set(Number(leaf.place.code), index);
      else this.unknownPlace.set(leaf.place.code, index);
      const siblings = this.children.get(leaf.place.parent) ?? [];
      siblings.push(index);
      this.children.set(leaf.place.parent, siblings);
    }
    shape.communes.forEach((c) => {
      const index =
        this.places.push({ level: 'commune', code: c.nis, communeNis: c.nis, parent: this.regionPlace }) - 1;
      this.communePlace.set(c.nis, index);
    });
    this.places.push({ level: 'region', code: 'region', communeNis: null, parent: -1 });
    this.children.set(
      this.regionPlace,
      shape.communes.map((_, i) => firstCommune + i),
    );
    this.periodCount = 17 * shape.years;
    this.counts = new Int32Array(this.sourceCount * this.themeCount * this.places.length * this.periodCount);
    this.keys = new Uint8Array(this.counts.length);
  }

  get allSources(): number {
    return this.sourceCount - 1;
  }

  get allThemes(): number {
    return this.themeCount - 1;
  }

  theme(code: string): number | undefined {
    return this.themeIndex.get(code);
  }

  source(source: EvidenceSource): number {
    return evidenceSources.indexOf(source);
  }

  // Periods: months first (12 a year), then quarters (4 a year), then years.
  monthPeriod(month: string): number | undefined {
    const year = Number(month.slice(0, 4)) - this.shape.firstYear;
    const m = Number(month.slice(5, 7)) - 1;
    if (!(year >= 0 && year < this.shape.years && m >= 0 && m < 12)) return undefined;
    return year * 12 + m;
  }

  quarterPeriod(year: number, quarter: number): number {
    return 12 * this.shape.years + (year - this.shape.firstYear) * 4 + quarter;
  }

  yearPeriod(year: number): number {
    return 16 * this.shape.years + (year - this.shape.firstYear);
  }

  periodLevel(period: number): PeriodLevel {
    const y = this.shape.years;
    return period < 12 * y ? 'month' : period < 16 * y ? 'quarter' : 'year';
  }

  /** The period a month or quarter adds up into; -1 for a year. */
  periodParent(period: number): number {
    const y = this.shape.years;
    if (period < 12 * y) return 12 * y + Math.floor(period / 3);
    if (period < 16 * y) return 16 * y + Math.floor((period - 12 * y) / 4);
    return -1;
  }

  /** The months of a quarter, or the quarters of a year; none for a month. */
  periodChildren(period: number): number[] {
    const y = this.shape.years;
    if (period < 12 * y) return [];
    const first = period < 16 * y ? (period - 12 * y) * 3 : 12 * y + (period - 16 * y) * 4;
    return Array.from({ length: period < 16 * y ? 3 : 4 }, (_, i) => first + i);
  }

  /** The period as written in the API: 2026-03, 2026-Q1, 2026. */
  periodName(period: number): string {
    const y = this.shape.years;
    const first = this.shape.firstYear;
    if (period < 12 * y)
      return `${first + Math.floor(period / 12)}-${String((period % 12) + 1).padStart(2, '0')}`;
    if (period < 16 * y)
      return `${first + Math.floor((period - 12 * y) / 4)}-Q${((period - 12 * y) % 4) + 1}`;
    return String(first + period - 16 * y);
  }

  index(c: Coordinates): number {
    return (
      ((c.source * this.themeCount + c.theme) * this.places.length + c.place) * this.periodCount + c.period
    );
  }

  coordinates(index: number): Coordinates {
    const period = index % this.periodCount;
    let rest = (index - period) / this.periodCount;
    const place = rest % this.places.length;
    rest = (rest - place) / this.places.length;
    const theme = rest % this.themeCount;
    return { source: (rest - theme) / this.themeCount, theme, place, period };
  }

  /** Strides of each axis in `counts`, for the suppression's walk along one axis. */
  get strides() {
    const period = 1;
    const place = this.periodCount;
    const theme = place * this.places.length;
    return { period, place, theme, source: theme * this.themeCount };
  }
}

/** How the rows of the sources were placed: what the cube could not hold is counted, never lost silently. */
export interface BuildReport {
  rows: number;
  /** Records counted once per theme they name. */
  mentions: number;
  /** Records counted once each ("all themes"). */
  records: number;
  unknownTheme: number;
  unknownPlace: number;
  outsidePeriod: number;
}

/**
 * The cube of these counts. `themeOf` folds a theme or sub-theme code into its theme (undefined:
 * not in the taxonomy); `communeOfQuartier` gives a quartier's commune. Rows naming a quartier
 * count there, under the quartier's own commune; rows without one count in their commune's "not known".
 */
export function buildCube(
  shape: CubeShape,
  rows: readonly EvidenceCount[],
  themeOf: (code: string) => string | undefined,
): { cube: EvidenceCube; report: BuildReport } {
  const cube = new EvidenceCube(shape);
  const report: BuildReport = {
    rows: rows.length,
    mentions: 0,
    records: 0,
    unknownTheme: 0,
    unknownPlace: 0,
    outsidePeriod: 0,
  };
  const { counts, keys } = cube;
  for (const row of rows) {
    const all = row.themeCode === allThemesCode;
    const theme = all ? cube.allThemes : cube.theme(themeOf(row.themeCode) ?? '');
    if (theme === undefined) {
      report.unknownTheme += row.count;
      continue;
    }
    const place =
      (row.quartierCode !== null ? cube.quartierPlace.get(row.quartierCode) : undefined) ??
      cube.unknownPlace.get(row.communeNis);
    if (place === undefined) {
      report.unknownPlace += row.count;
      continue;
    }
    const period = cube.monthPeriod(row.month);
    if (period === undefined) {
      report.outsidePeriod += row.count;
      continue;
    }
    const cell = cube.index({ source: cube.source(row.source), theme, place, period });
    counts[cell]! += row.count;
    keys[cell]! += row.keySum;
    if (all) report.records += row.count;
    else report.mentions += row.count;
  }
  aggregate(cube);
  return { cube, report };
}

/**
 * Fills every total from the leaf cells, counts and keys alike: periods, then places, then sources.
 * Not themes: "all themes" has leaf cells of its own (the "*" rows).
 */
function aggregate(cube: EvidenceCube): void {
  for (const values of [cube.counts, cube.keys]) aggregateOne(cube, values);
}

function aggregateOne(cube: EvidenceCube, values: Int32Array | Uint8Array): void {
  const s = cube.strides;
  const years = cube.shape.years;
  const leafSources = cube.sourceCount - 1;
  const leafPlaces = cube.places.filter((p) => p.level === 'quartier' || p.level === 'unknown').length;
  for (let src = 0; src < leafSources; src++)
    for (let th = 0; th < cube.themeCount; th++)
      for (let pl = 0; pl < leafPlaces; pl++) {
        const base = src * s.source + th * s.theme + pl * s.place;
        for (let q = 0; q < 4 * years; q++) {
          const quarter = 12 * years + q;
          values[base + quarter] =
            values[base + q * 3]! + values[base + q * 3 + 1]! + values[base + q * 3 + 2]!;
        }
        for (let y = 0; y < years; y++) {
          let sum = 0;
          for (let q = 0; q < 4; q++) sum += values[base + 12 * years + y * 4 + q]!;
          values[base + 16 * years + y] = sum;
        }
      }
  for (let src = 0; src < leafSources; src++)
    for (let th = 0; th < cube.themeCount; th++) {
      const base = src * s.source + th * s.theme;
      for (const parent of [...cube.communePlace.values(), cube.regionPlace])
        for (const child of cube.children.get(parent)!)
          for (let p = 0; p < cube.periodCount; p++)
            values[base + parent * s.place + p]! += values[base + child * s.place + p]!;
    }
  const themeSpan = cube.themeCount * cube.places.length * cube.periodCount;
  const all = leafSources * s.source;
  for (let src = 0; src < leafSources; src++)
    for (let i = 0; i < themeSpan; i++) values[all + i]! += values[src * s.source + i]!;
}
