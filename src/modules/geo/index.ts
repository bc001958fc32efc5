// The geo module's public surface.
export { geoReference } from './geo.reference.ts';
export type { Commune, GeoReference, Postcode, Quartier } from './geo.reference.ts';
export { geoApi } from './geo.api.ts';
