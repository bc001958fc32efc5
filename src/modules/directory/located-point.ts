// Where a location stands, as stored: its coordinates and the commune and quartier they lie in
// (derived when it is written, so the directory filters on plain columns).
import { geoReference } from '../geo/index.ts';

/** A location's point with its commune and quartier; null ones outside the region or without a point. */
export function locatedPoint(latitude: number | null, longitude: number | null) {
  const place = latitude !== null && longitude !== null ? geoReference().locate(latitude, longitude) : null;
  return {
    latitude,
    longitude,
    communeNis: place?.commune.nis ?? null,
    quartierCode: place?.quartier?.code ?? null,
  };
}
