// What the search index takes and gives.
import type { SearchDoc } from './search-docs.ts';
import type { ConceptMatch } from './thesaurus.ts';
export const facetKeys = [
  'theme',
  'commune',
  'quartier',
  'kind',
  'language',
  'target',
  'access',
  'open',
] as const;
export type FacetKey = (typeof facetKeys)[number];
export type OpenFilter = 'now' | 'evening' | 'weekend';

export interface SearchFilters {
  theme?: string;
  commune?: string;
  quartier?: number;
  kind?: string;
  language?: string;
  target?: string;
  /** Every listed access condition must hold. */
  access?: string[];
  /** Every listed time condition must hold. */
  open?: OpenFilter[];
}

export interface NearPoint {
  lat: number;
  lon: number;
  radiusKm?: number;
}

export interface IndexQuery {
  text: string;
  filters: SearchFilters;
  near?: NearPoint;
  sort: 'relevance' | 'distance';
  offset: number;
  limit: number;
}

export interface Hit {
  /** The document's number in the index. */
  n: number;
  doc: SearchDoc;
  score: number;
  /** Index terms that matched, for highlighting. */
  terms: string[];
  distanceKm?: number;
  /** Null when the listing publishes no hours. */
  openNow: boolean | null;
}

export interface IndexResult {
  total: number;
  hits: Hit[];
  facets: Record<FacetKey, Map<string, number>>;
  concepts: ConceptMatch[];
  /** True when no document matched every word and the results match only some. */
  partial: boolean;
  /** Every result's document number, in order: enough to recount "open now" in a later minute. */
  kept: Int32Array;
}

/** Matches whose matched terms are kept for highlighting; deeper ones show unmarked. */
