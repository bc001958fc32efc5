// The geo module's public surface.

export type { Commune, GeoReference, Postcode, Quartier } from './geo.reference.ts';
export { geoReference } from './geo.reference.ts';
export { findPlace, type Place } from './geo.places.ts';
export { nearestStations, railwayStations, type Station } from './geo.stations.ts';
