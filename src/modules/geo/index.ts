// The geo module's public surface.

export type { Commune, GeoReference, Postcode, Quartier } from './geo.reference.ts';
export { geoReference } from './geo.reference.ts';
export {
  findPlace,
  type Place,
  type PlaceInQuery,
  type PlaceKind,
  placeInQuery,
  type PlaceProblem,
  placeProblem,
} from './geo.places.ts';
export { nearestStations, railwayStations, type Station } from './geo.stations.ts';
export {
  placeAddress,
  postcodeCommunes,
  type AddressPlacement,
  type AddressProblem,
} from './geo.addresses.ts';
