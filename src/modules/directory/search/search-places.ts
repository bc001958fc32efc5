// Places in a search (see search.service.ts): a commune, quartier, station or landmark named in
// the words becomes a place filter, and an unknown "near" is told to the reader.
import type { Locale } from '../../../shared/i18n-text.ts';
import { type Place, placeInQuery } from '../../geo/index.ts';

/** A place named in the query: the words that named it and the query without them. */
export interface PlaceFilter {
  label: string;
  kind: NonNullable<Place['kind']>;
  named: string;
  rest: string;
  /** Within this distance of the place's point, for a station or landmark; else its area. */
  radiusKm?: number;
}

export type NearProblem =
  { near: string; reason: 'unknown' } | { near: string; reason: 'unplaced'; street: string };

/** How far from a station or square named in the query a result may be. */
export const pointRadiusKm = 1;
/** How many of the nearest results to offer when a place filter leaves none. */
export const nearestCount = 3;

/** A place named in the words, unless a commune or quartier filter is already chosen. */
export function placeFilterOf(
  params: { q?: string; commune?: string; quartier?: number },
  locale: Locale,
): { found: ReturnType<typeof placeInQuery>; filter: PlaceFilter | null } {
  const found =
    params.q && !params.commune && params.quartier === undefined ? placeInQuery(params.q, locale) : null;
  if (!found) return { found: null, filter: null };
  const kind = found.place.kind ?? 'commune';
  const filter: PlaceFilter = {
    label: found.place.label,
    kind,
    named: found.named,
    rest: found.rest,
    ...(kind === 'commune' || kind === 'quartier' ? {} : { radiusKm: pointRadiusKm }),
  };
  return { found, filter };
}
