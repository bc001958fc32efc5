// The outlines of the quartiers and communes as SVG paths, made once per process: Brussels is
// small enough for a plain projection (longitudes shortened by the cosine of its latitude).
import type { Position } from 'geojson';
import { placeShapes } from '../evidence-places.ts';

const width = 600;
let made: { height: number; paths: Map<'quartier' | 'commune', { code: string; d: string }[]> } | undefined;

function make() {
  if (made) return made;
  const shapes = placeShapes();
  const rings = (g: (typeof shapes)[number]['geometry']): Position[][] =>
    g.type === 'Polygon' ? g.coordinates : g.coordinates.flat();
  let minLon = Infinity;
  let maxLon = -Infinity;
  let minLat = Infinity;
  let maxLat = -Infinity;
  for (const s of shapes)
    for (const ring of rings(s.geometry))
      for (const [lon, lat] of ring) {
        minLon = Math.min(minLon, lon!);
        maxLon = Math.max(maxLon, lon!);
        minLat = Math.min(minLat, lat!);
        maxLat = Math.max(maxLat, lat!);
      }
  const shrink = Math.cos((((minLat + maxLat) / 2) * Math.PI) / 180);
  const scale = width / ((maxLon - minLon) * shrink);
  const height = Math.ceil((maxLat - minLat) * scale);
  const round = (n: number) => Math.round(n * 10) / 10;
  const point = ([lon, lat]: Position) =>
    `${round((lon! - minLon) * shrink * scale)},${round((maxLat - lat!) * scale)}`;
  const paths = new Map<'quartier' | 'commune', { code: string; d: string }[]>([
    ['quartier', []],
    ['commune', []],
  ]);
  for (const s of shapes)
    paths.get(s.level)!.push({
      code: s.code,
      d: rings(s.geometry)
        .map((ring) => `M${ring.map(point).join('L')}Z`)
        .join(''),
    });
  made = { height, paths };
  return made;
}

export function mapSize(): { width: number; height: number } {
  return { width, height: make().height };
}

export function shapePaths(level: 'quartier' | 'commune'): { code: string; d: string }[] {
  return make().paths.get(level)!;
}
