// The outlines of the quartiers and communes, made once per process into one SVG file that pages
// point into (<use href="…#q36">): the outlines are the same on every evidence page, so a browser
// fetches them once and each page carries only its colours. Brussels is small enough for a plain
// projection (longitudes shortened by the cosine of its latitude); steps are relative, in tenths of
// a pixel.
import { createHash } from 'node:crypto';
import type { Position } from 'geojson';
import { placeShapes } from '../evidence-places.ts';

const width = 600;
export type ShapeLevel = 'quartier' | 'commune';

interface PlacesSprite {
  height: number;
  codes: Map<ShapeLevel, string[]>;
  svg: string;
  url: string;
}
let made: PlacesSprite | undefined;

/** The id of a place's outline in the sprite. */
export const shapeId = (level: ShapeLevel, code: string) => `${level === 'quartier' ? 'q' : 'c'}${code}`;
/** The id of the group of all commune outlines in the sprite. */
export const communeOutlinesId = 'communes';

function ringPath(ring: { x: number; y: number }[]): string {
  const steps: number[] = [];
  for (let i = 1; i < ring.length - 1; i++)
    steps.push(ring[i]!.x - ring[i - 1]!.x, ring[i]!.y - ring[i - 1]!.y);
  // A minus sign separates two numbers by itself.
  const numbers = (ns: number[]) => ns.map((n, i) => (i && n >= 0 ? ' ' : '') + n / 10).join('');
  return `M${numbers([ring[0]!.x, ring[0]!.y])}l${numbers(steps)}z`;
}

function make(): PlacesSprite {
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
  // In tenths of a pixel, so that the relative steps add up exactly.
  const project = ([lon, lat]: Position) => ({
    x: Math.round((lon! - minLon) * shrink * scale * 10),
    y: Math.round((maxLat - lat!) * scale * 10),
  });
  const codes = new Map<ShapeLevel, string[]>([
    ['quartier', []],
    ['commune', []],
  ]);
  const defs: string[] = [];
  const communeOutlines: string[] = [];
  for (const s of shapes) {
    codes.get(s.level)!.push(s.code);
    const d = rings(s.geometry)
      .map((ring) => ringPath(ring.map(project)))
      .join('');
    defs.push(`<path id="${shapeId(s.level, s.code)}" d="${d}"/>`);
    if (s.level === 'commune') communeOutlines.push(`<use href="#${shapeId(s.level, s.code)}"/>`);
  }
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}"><defs>${defs.join('')}` +
    `<g id="${communeOutlinesId}">${communeOutlines.join('')}</g></defs></svg>`;
  const hash = createHash('sha256').update(svg).digest('hex').slice(0, 10);
  made = { height, codes, svg, url: `/evidence/places.svg?v=${hash}` };
  return made;
}

export function mapSize(): { width: number; height: number } {
  return { width, height: make().height };
}

/** The codes of the places drawn at a level, in drawing order. */
export function shapeCodes(level: ShapeLevel): string[] {
  return make().codes.get(level)!;
}

/** The sprite of all outlines, and the address that changes with it (so it may be cached for a year). */
export function placesSprite(): { svg: string; url: string } {
  const { svg, url } = make();
  return { svg, url };
}
