// Commune and quartier outlines as GeoJSON, for maps. Geometries are simplified to about 5 m
// (a fifth of the original size) and serialised once per process.

import { featureCollection } from '@turf/helpers';
import simplify from '@turf/simplify';
import type { FastifyPluginAsync } from 'fastify';
import { geoReference } from './geo.reference.ts';

function roundCoordinates(value: unknown): unknown {
  if (typeof value === 'number') return Math.round(value * 1e6) / 1e6;
  return Array.isArray(value) ? value.map(roundCoordinates) : value;
}

function outlines(kind: 'communes' | 'quartiers'): string {
  const geo = geoReference();
  const features =
    kind === 'communes'
      ? geo.communeAreas.map(({ commune: c, feature }) => ({
          ...feature,
          properties: { nis: c.nis, name: c.name },
        }))
      : geo.quartierAreas.map(({ quartier: q, feature }) => ({
          ...feature,
          properties: { code: q.code, name: q.name, commune: q.communeNis },
        }));
  const simplified = features.map((f) => {
    const light = simplify(f, { tolerance: 0.00005, highQuality: false });
    return {
      type: 'Feature',
      properties: f.properties,
      geometry: { ...light.geometry, coordinates: roundCoordinates(light.geometry.coordinates) },
    };
  });
  return JSON.stringify(featureCollection(simplified as never));
}

const cache = new Map<string, string>();

const GeoJsonSchema = {
  type: 'object',
  description: 'A GeoJSON FeatureCollection of MultiPolygons (WGS84) with nl/fr/en names.',
  additionalProperties: true,
} as const;

export const geoApi: FastifyPluginAsync = async (app) => {
  for (const kind of ['communes', 'quartiers'] as const) {
    app.get(
      `/geo/${kind}`,
      {
        schema: {
          tags: ['geo'],
          summary:
            kind === 'communes'
              ? 'The 19 communes of the Brussels-Capital Region (UrbIS)'
              : 'The 145 Monitoring des Quartiers neighbourhoods (IBSA)',
          response: { 200: GeoJsonSchema },
        },
      },
      async (_request, reply) => {
        let body = cache.get(kind);
        if (!body) {
          body = outlines(kind);
          cache.set(kind, body);
        }
        return reply.type('application/geo+json').header('cache-control', 'public, max-age=86400').send(body);
      },
    );
  }
};
