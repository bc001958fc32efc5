// Builds src/modules/geo/data/street-parts.json, the street list that places an address from its
// street and postcode (src/modules/geo/geo.addresses.ts). Run from the repository's root:
//
//   npx tsx scripts/build-street-parts.ts [path/to/brussels-streets]
//
// The folder (by default ../shared/data/brussels-streets) holds EqualStreetNames.Brussels' copy of
// the OpenStreetMap street geometries (ways.geojson) and its lists of street names (gender.csv,
// other.csv); see src/modules/geo/data/SOURCE.md. The output is the same for the same input.
//
// How: every street is walked in steps of 15 m. Each step belongs to the commune it lies in, and
// also to a neighbouring commune whose border is at most 20 m away (a street on a border serves
// both sides; the point is then moved just over the border). A commune's steps go to the postcode
// of that commune (for the City of Brussels, with four postcodes, to the nearest postcode centre).
// A part of at least 4 steps (about 50 m, or half of a short street) is kept as a few points: the
// step nearest to the middle of the part first, then up to two steps far from it. A street is
// written as [name, complete, ...parts]: complete is 1 when the source has all of its geometry
// (type "way" in its lists), 0 when part of it is mapped only as an OSM relation, which the source
// lacks. Names with no geometry at all (type "relation") are kept as names alone.
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import type { FeatureCollection, LineString, MultiPolygon, Polygon } from 'geojson';

const root = resolve(import.meta.dirname, '..');
const source = resolve(process.argv[2] ?? join(root, '../shared/data/brussels-streets'));
const dataDir = join(root, 'src/modules/geo/data');
const output = join(dataDir, 'street-parts.json');

const step = 15; // metres between two points along a street
const borderReach = 20; // metres: a street this close to a neighbouring commune serves it too
const minSteps = 4;

// Equirectangular metres around Brussels: precise to a few centimetres over the region.
const lat0 = 50.84;
const mx = 111_320 * Math.cos((lat0 * Math.PI) / 180);
const my = 110_574;
type XY = [number, number];
const toXY = ([lon, lat]: number[]): XY => [lon! * mx, lat! * my];
const toLonLat = ([x, y]: XY): [number, number] => [x / mx, y / my];
const round5 = (n: number) => Math.round(n * 1e5) / 1e5;

interface Commune {
  nis: string;
  feature: Polygon | MultiPolygon;
  segments: [XY, XY][];
  box: [number, number, number, number];
}

const communes: Commune[] = (
  JSON.parse(readFileSync(join(dataDir, 'communes.geojson'), 'utf8')) as FeatureCollection<
    Polygon | MultiPolygon,
    { national_code: string }
  >
).features.map((f) => {
  const polygons = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
  const segments: [XY, XY][] = [];
  for (const ring of polygons.flat())
    for (let i = 1; i < ring.length; i++) segments.push([toXY(ring[i - 1]!), toXY(ring[i]!)]);
  const xs = segments.flatMap(([a, b]) => [a[0], b[0]]);
  const ys = segments.flatMap(([a, b]) => [a[1], b[1]]);
  return {
    nis: f.properties.national_code,
    feature: f.geometry,
    segments,
    box: [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)],
  };
});

const postcodes = readFileSync(join(dataDir, 'brussels-postcodes.csv'), 'utf8')
  .trim()
  .split('\n')
  .slice(1)
  .map((row) => {
    const [code, , , nis, , , lat, lon] = row.split(',');
    return { code: Number(code), nis: nis!, centre: toXY([Number(lon), Number(lat)]) };
  });

const inside = (c: Commune, p: XY) => booleanPointInPolygon(toLonLat(p), c.feature);

function nearestOnBorder(c: Commune, p: XY): { point: XY; distance: number } {
  let best = { point: p, distance: Infinity };
  for (const [a, b] of c.segments) {
    const [dx, dy] = [b[0] - a[0], b[1] - a[1]];
    const length2 = dx * dx + dy * dy;
    const t = length2 ? Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / length2)) : 0;
    const q: XY = [a[0] + t * dx, a[1] + t * dy];
    const distance = Math.hypot(p[0] - q[0], p[1] - q[1]);
    if (distance < best.distance) best = { point: q, distance };
  }
  return best;
}

/** The communes a point serves, each with the point to use there (moved over a nearby border). */
function communesAt(p: XY): { commune: Commune; point: XY }[] {
  const found: { commune: Commune; point: XY }[] = [];
  for (const c of communes) {
    const [x0, y0, x1, y1] = c.box;
    if (
      p[0] < x0 - borderReach ||
      p[0] > x1 + borderReach ||
      p[1] < y0 - borderReach ||
      p[1] > y1 + borderReach
    )
      continue;
    if (inside(c, p)) {
      found.push({ commune: c, point: p });
      continue;
    }
    const border = nearestOnBorder(c, p);
    if (border.distance > borderReach) continue;
    const [ux, uy] = [(border.point[0] - p[0]) / border.distance, (border.point[1] - p[1]) / border.distance];
    for (const over of [3, 6, 10]) {
      const moved: XY = [border.point[0] + ux * over, border.point[1] + uy * over];
      if (inside(c, moved)) {
        found.push({ commune: c, point: moved });
        break;
      }
    }
  }
  return found;
}

function postcodeOf(nis: string, p: XY): number {
  const candidates = postcodes.filter((pc) => pc.nis === nis);
  return candidates.reduce((a, b) =>
    Math.hypot(a.centre[0] - p[0], a.centre[1] - p[1]) <= Math.hypot(b.centre[0] - p[0], b.centre[1] - p[1])
      ? a
      : b,
  ).code;
}

/** Points every `step` metres along a line, its two ends included. */
function walk(line: number[][]): XY[] {
  const points = line.map(toXY);
  const out: XY[] = [points[0]!];
  let carried = 0;
  for (let i = 1; i < points.length; i++) {
    const [a, b] = [points[i - 1]!, points[i]!];
    const length = Math.hypot(b[0] - a[0], b[1] - a[1]);
    let at = step - carried;
    while (at < length) {
      out.push([a[0] + ((b[0] - a[0]) * at) / length, a[1] + ((b[1] - a[1]) * at) / length]);
      at += step;
    }
    carried = length - (at - step);
  }
  const last = points.at(-1)!;
  if (out.length === 1 || Math.hypot(out.at(-1)![0] - last[0], out.at(-1)![1] - last[1]) > 1) out.push(last);
  return out;
}

/** The point nearest to the middle, then up to two points far from those chosen. */
function fewPoints(points: XY[]): XY[] {
  const mean: XY = [
    points.reduce((s, p) => s + p[0], 0) / points.length,
    points.reduce((s, p) => s + p[1], 0) / points.length,
  ];
  const distance = (a: XY, b: XY) => Math.hypot(a[0] - b[0], a[1] - b[1]);
  const chosen = [points.reduce((a, b) => (distance(a, mean) <= distance(b, mean) ? a : b))];
  while (chosen.length < 3) {
    const far = points.reduce((a, b) =>
      Math.min(...chosen.map((c) => distance(a, c))) >= Math.min(...chosen.map((c) => distance(b, c)))
        ? a
        : b,
    );
    if (Math.min(...chosen.map((c) => distance(far, c))) < 150) break;
    chosen.push(far);
  }
  return chosen;
}

const ways = JSON.parse(readFileSync(join(source, 'ways.geojson'), 'utf8')) as FeatureCollection<
  LineString,
  { name: string }
>;
const byName = new Map<string, number[][][]>();
for (const f of ways.features) {
  if (!f.properties.name || f.geometry?.type !== 'LineString') continue;
  byName.set(f.properties.name, [...(byName.get(f.properties.name) ?? []), f.geometry.coordinates]);
}

// The source's lists say how each name is mapped: "way", "relation" or "relation+way".
const kinds = new Map<string, string>();
for (const file of ['gender.csv', 'other.csv'])
  for (const line of readFileSync(join(source, file), 'utf8').trim().split('\n').slice(1)) {
    const cells = /^(?:"((?:[^"]|"")*)"|([^,]*)),.*,([a-z+]+)$/.exec(line.trim());
    const name = (cells?.[1]?.replaceAll('""', '"') ?? cells?.[2] ?? '').trim();
    if (name) kinds.set(name, cells![3]!);
  }
const names = [...kinds.keys()].filter((name) => !byName.has(name));

const collator = new Intl.Collator('fr');
const streets: (string | number | number[])[][] = [];
for (const name of [...byName.keys()].sort(collator.compare)) {
  const steps = byName.get(name)!.flatMap(walk);
  const parts = new Map<number, XY[]>();
  for (const p of steps)
    for (const { commune, point } of communesAt(p)) {
      const code = postcodeOf(commune.nis, point);
      parts.set(code, [...(parts.get(code) ?? []), point]);
    }
  const kept = [...parts.entries()]
    .filter(([, points]) => points.length >= Math.min(minSteps, Math.ceil(steps.length / 2)))
    .sort(([a], [b]) => a - b)
    .map(([code, points]) => [
      code,
      ...fewPoints(points).flatMap((p) => {
        const [lon, lat] = toLonLat(p);
        return [round5(lat), round5(lon)];
      }),
    ]);
  if (kept.length) streets.push([name, kinds.get(name) === 'way' ? 1 : 0, ...kept]);
  else names.push(name);
}

writeFileSync(
  output,
  `{"streets":[\n${streets.map((s) => JSON.stringify(s)).join(',\n')}\n],\n"names":${JSON.stringify(names.sort(collator.compare))}}\n`,
);
console.log(
  `${output}: ${streets.length} streets with ${streets.reduce((n, s) => n + s.length - 2, 0)} parts, ${names.length} names without a position`,
);
