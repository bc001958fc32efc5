// The places of the evidence map: their residents (for the rate per 1,000), their names, and their
// shapes, simplified once per process for the GeoJSON and the map drawn on the server.
import { readFileSync } from 'node:fs';
import simplify from '@turf/simplify';
import type { MultiPolygon, Polygon } from 'geojson';
import type { Locale } from '../../../shared/i18n-text.ts';
import { geoReference } from '../../geo/index.ts';
import type { PlaceFigure } from './evidence-query.ts';

/** Under this many residents a rate would say more about the few people than about need. */
export const fewestResidentsForRate = 100;

let populations: Map<string, number> | undefined;

/** Residents of a quartier (its code), a commune (its NIS code, the sum of its quartiers) or the region; null if not known. */
export function residents(place: Pick<PlaceFigure, 'level' | 'code'>): number | null {
  if (!populations) {
    const file = JSON.parse(
      readFileSync(new URL('./data/quartier-population.json', import.meta.url), 'utf8'),
    ) as {
      population: Record<string, number>;
    };
    populations = new Map();
    let region = 0;
    for (const q of geoReference().quartiers) {
      const n = file.population[String(q.code)] ?? 0;
      populations.set(`quartier:${q.code}`, n);
      populations.set(`commune:${q.communeNis}`, (populations.get(`commune:${q.communeNis}`) ?? 0) + n);
      region += n;
    }
    populations.set('region:region', region);
  }
  return populations.get(`${place.level}:${place.code}`) ?? null;
}

/** Mentions per 1,000 residents, one decimal; null when hidden or when too few people live there. */
export function ratePerThousand(place: PlaceFigure): number | null {
  const people = residents(place);
  if (place.count === null || people === null || people < fewestResidentsForRate) return null;
  return Math.round((place.count / people) * 10_000) / 10;
}

/** The place's name in a language: a quartier, a commune, "not known" is named by the caller. */
export function placeName(place: Pick<PlaceFigure, 'level' | 'code'>, locale: Locale): string {
  const geo = geoReference();
  if (place.level === 'quartier') return geo.quartier(Number(place.code))?.name[locale] ?? place.code;
  if (place.level === 'commune' || place.level === 'unknown')
    return geo.commune(place.code)?.name[locale] ?? place.code;
  return '';
}

export interface Shape {
  level: 'quartier' | 'commune';
  code: string;
  geometry: Polygon | MultiPolygon;
}

let shapes: Shape[] | undefined;

/** Quartier and commune outlines, simplified to about 20 m: light enough for a phone. */
export function placeShapes(): Shape[] {
  if (shapes) return shapes;
  const geo = geoReference();
  const light = (feature: Parameters<typeof simplify>[0]) =>
    (simplify(feature, { tolerance: 0.0002, highQuality: false }) as { geometry: Polygon | MultiPolygon })
      .geometry;
  shapes = [
    ...geo.quartierAreas.map(({ quartier, feature }) => ({
      level: 'quartier' as const,
      code: String(quartier.code),
      geometry: light(feature),
    })),
    ...geo.communeAreas.map(({ commune, feature }) => ({
      level: 'commune' as const,
      code: commune.nis,
      geometry: light(feature),
    })),
  ];
  return shapes;
}
