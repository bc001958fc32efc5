// What the search index takes and gives: the documents every source supplies, queries, results.
import type { I18nText } from '../../../shared/i18n-text.ts';
import type { HoursException } from '../../../shared/opening-hours.ts';
import type { ConceptMatch } from './thesaurus.ts';

/** What a document is: the directory's services and organisations, and what other modules give. */
export const docTypes = [
  'service',
  'organisation',
  'event',
  'question',
  'practice',
  'term',
  'room',
  'offer',
  'call',
] as const;
export type DocType = (typeof docTypes)[number];
/** The directory's own types: its pages, map and HSDS show only these. */
export const directoryTypes: readonly DocType[] = ['service', 'organisation'];

/**
 * One thing search can find. The directory's documents fill every field; another source's fill
 * what they have (title, text, path, date, owner) and leave the rest neutral (otherDoc in
 * other-doc.ts fills them): empty lists, no hours, no kind.
 */
export interface SearchDoc {
  type: DocType;
  /** The service's id, or the organisation's for an organisation document; the item's own id otherwise. */
  id: string;
  /**
   * What groups a source's documents, which it replaces together after a change (owner_id of its
   * change log): the organisation for the directory, the item itself for most others. Absent: the
   * organisation.
   */
  ownerId?: string;
  /** The directory's organisation; empty for a document of another source. */
  organisationId: string;
  /** The title shown on the result card. */
  name: I18nText;
  /** The organisation's name; for another source the name of who offers it, where it has one ({} if not). */
  organisationName: I18nText;
  /** The text the card's snippet comes from. */
  description: I18nText;
  /** The page's path without the language prefix ("/network/events/…"); absent for the directory's own. */
  path?: string;
  /** When it happens or was written (ISO date or date-time), where it has one: shown on the card. */
  date?: string;
  /** The organisation's kind (a directory code, e.g. "self_organisation"); empty for another source. */
  kind: string;
  verified: boolean;
  lastConfirmedAt: string | null;
  /** Theme and sub-theme codes, parents included. */
  themes: string[];
  communes: string[];
  /** The communes of every place of the organisation (the directory's list of organisations filters on them). */
  organisationCommunes?: string[];
  quartiers: number[];
  points: { lat: number; lon: number }[];
  languages: string[];
  /** The number to call, shown on the result card: the service's own, else the organisation's. */
  phone: string | null;
  targetGroups: string[];
  access: string[];
  /** Communes (NIS codes) whose residents alone may use it, as a CPAS/OCMW; empty or absent: anyone. */
  residentCommunes?: string[];
  /** Open after 18:00 on some day, or overnight. */
  evening: boolean;
  weekend: boolean;
  /** Weekly hours as [start, end) minutes from Monday 00:00; an overnight span may pass 10,080. */
  weekly: { start: number; end: number; validFrom: string | null; validTo: string | null }[];
  exceptions: HoursException[];
  closedOnPublicHolidays: boolean;
  /** Boost for verified and recently confirmed listings, 0.8 to 1.3. */
  trust: number;
  /** Analysed text per index field, space-separated terms; dropped once the document is indexed. */
  fields?: Record<SearchField, string>;
}

/**
 * A document as the index holds it: its description is kept apart, as bytes (text-store.ts), and given
 * back with the results a page shows (Hit.description).
 */
export type IndexedDoc = Omit<SearchDoc, 'description'>;

export const searchFields = ['title', 'organisation', 'themes', 'place', 'description'] as const;
export type SearchField = (typeof searchFields)[number];

/** The facets counted from a document's own values, and where it has them. */
export const facetValues = {
  type: (doc: IndexedDoc) => [doc.type],
  theme: (doc: IndexedDoc) => doc.themes,
  commune: (doc: IndexedDoc) => doc.communes,
  quartier: (doc: IndexedDoc) => doc.quartiers,
  kind: (doc: IndexedDoc) => (doc.kind ? [doc.kind] : []),
  language: (doc: IndexedDoc) => doc.languages,
  target: (doc: IndexedDoc) => doc.targetGroups,
  access: (doc: IndexedDoc) => doc.access,
} satisfies Record<string, (doc: IndexedDoc) => readonly (string | number)[]>;
export type ValueFacet = keyof typeof facetValues;
export const valueFacets = Object.keys(facetValues) as ValueFacet[];

/** Every facet: the value facets, and "open", counted from the hours at the time of the query. */
export const facetKeys = [...valueFacets, 'open'] as const;
export type FacetKey = (typeof facetKeys)[number];
export type OpenFilter = 'now' | 'evening' | 'weekend';

export interface SearchFilters {
  /** Any of these types (a document has one). */
  type?: DocType[];
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
  /** The reader's commune (NIS), when a place says it: services for other communes' residents go last. */
  readerCommune?: string;
  /** Documents with some of the words, not all (as when none has them all): for a place named in the words. */
  anyWords?: boolean;
  /**
   * False when only the results are wanted (the best of one type beside the search page's results):
   * the pass then counts no facet, and a document failing a filter costs nothing more.
   */
  facets?: boolean;
  offset: number;
  limit: number;
}

export interface Hit {
  /** The document's number in the index. */
  n: number;
  doc: IndexedDoc;
  /**
   * Its description, parsed when read (text-store.ts) from its bytes as they were when it was found:
   * an answer of ids (the HSDS API's search, up to 100,000 results) parses none.
   */
  readonly description: I18nText;
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
  /** Every result's document number (in no particular order): enough to recount "open now" in a later minute. */
  kept: Int32Array;
}

/** A theme code as one index term, so a thesaurus concept can find every service of its themes. */
export function themeToken(code: string): string {
  return `theme:${code}`;
}
