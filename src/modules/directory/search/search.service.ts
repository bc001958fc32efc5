// One search for pages, the JSON API and HSDS: words, filters, place and time in, ranked results,
// facet counts and suggestions out.
import { LRUCache } from 'lru-cache';
import { DateTime } from 'luxon';
import { AppError } from '../../../shared/errors.ts';
import type { Locale } from '../../../shared/i18n-text.ts';
import { findPlace, type Place } from '../../geo/index.ts';
import {
  type ConceptMatch,
  type FacetKey,
  facetKeys,
  fold,
  type Hit,
  isStopword,
  type LiveSearchIndex,
  type SearchFilters,
  thesaurus,
  words,
} from '../../search/index.ts';

export interface SearchParams extends SearchFilters {
  q?: string;
  /** A postcode, a commune or a street. */
  near?: string;
  lat?: number;
  lon?: number;
  radius_km?: number;
  sort?: 'relevance' | 'distance';
  page: number;
  per_page: number;
}

export interface SearchOutcome {
  total: number;
  page: number;
  perPage: number;
  hits: Hit[];
  facets: Record<FacetKey, { value: string; count: number }[]>;
  /** Where "near" was understood to be, or null. */
  place: Place | null;
  /** Thesaurus concepts recognised in the query. */
  concepts: ConceptMatch[];
  /** The same, by their label in the reader's language. */
  understood: string[];
  partial: boolean;
  /** When nothing matched: other words to try, and filters whose removal would give results. */
  didYouMean: string[];
  dropFilters: { filter: keyof SearchParams; total: number }[];
}

const filterParams = [...facetKeys, 'near'] as const;

function filtersOf(params: SearchParams): SearchFilters {
  return {
    theme: params.theme,
    commune: params.commune,
    quartier: params.quartier,
    kind: params.kind,
    language: params.language,
    target: params.target,
    access: params.access?.length ? params.access : undefined,
    open: params.open?.length ? params.open : undefined,
  };
}

/** The point to measure distances from: coordinates from the browser, else a typed place. */
function placeOf(params: SearchParams, locale: Locale): Place | null {
  if (params.lat !== undefined || params.lon !== undefined) {
    if (params.lat === undefined || params.lon === undefined) {
      throw new AppError('VALIDATION_FAILED', {
        fields: [
          {
            field: params.lat === undefined ? 'lat' : 'lon',
            message: 'is required with the other coordinate',
          },
        ],
      });
    }
    return { lat: params.lat, lon: params.lon, label: '' };
  }
  if (!params.near) return null;
  const place = findPlace(params.near, locale);
  if (!place)
    throw new AppError('PLACE_NOT_FOUND', {
      fields: [{ field: 'near', message: 'is not a Brussels postcode, commune or street' }],
    });
  return place;
}

function sortedFacets(facets: Record<FacetKey, Map<string, number>>): SearchOutcome['facets'] {
  return Object.fromEntries(
    Object.entries(facets).map(([key, counts]) => [
      key,
      [...counts]
        .map(([value, count]) => ({ value, count }))
        .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value)),
    ]),
  ) as SearchOutcome['facets'];
}

/**
 * Recent searches and their outcomes. Searches follow a long tail: the same few hundred queries
 * come back all day. An outcome stays right until the index changes; only "open now" moves with the
 * clock, so a search filtered on it is kept for its minute, and any other has its open-now count
 * and badges refreshed when the minute has turned.
 */
const recent = new LRUCache<string, Cached>({
  maxSize: 64 * 2 ** 20,
  sizeCalculation: (entry) => 2_000 + entry.kept.byteLength,
});

interface Cached {
  version: number;
  minute: number;
  kept: Int32Array;
  outcome: Omit<SearchOutcome, LocalParts>;
  /**
   * The full outcome per reader's language, made once: callers get the same object while the entry
   * holds, so they can keep what they derive from it (a rendered page part, a serialised body).
   */
  localised: Partial<Record<Locale, SearchOutcome>>;
}

/** The parts of an outcome written in the reader's language, added after the cache. */
type LocalParts = 'place' | 'understood' | 'didYouMean';

export async function searchDirectory(
  live: LiveSearchIndex,
  params: SearchParams,
  locale: Locale,
  now: DateTime = DateTime.now(),
): Promise<SearchOutcome> {
  await live.readyWithin(10_000);
  const place = placeOf(params, locale);
  const key = JSON.stringify(params);
  const minute = Math.floor(now.toMillis() / 60_000);
  let cached = recent.get(key);
  const fresh =
    cached?.version === live.index.version && (cached.minute === minute || !params.open?.includes('now'));
  if (!cached || !fresh) {
    cached = {
      version: live.index.version,
      minute,
      ...searchUncached(live, params, place, now),
      localised: {},
    };
    recent.set(key, cached);
  } else if (cached.minute !== minute) {
    // A new outcome, not a change to the old one: earlier callers may still hold it.
    const openNow = live.index.countOpen(cached.kept, now);
    const open = cached.outcome.facets.open.filter((f) => f.value !== 'now');
    cached = {
      ...cached,
      minute,
      localised: {},
      outcome: {
        ...cached.outcome,
        facets: {
          ...cached.outcome.facets,
          open: openNow ? [{ value: 'now', count: openNow }, ...open] : open,
        },
        hits: cached.outcome.hits.map((h) => ({ ...h, openNow: live.index.isOpen(h.n, now) })),
      },
    };
    recent.set(key, cached);
  }
  const t = thesaurus();
  cached.localised[locale] ??= {
    ...cached.outcome,
    place,
    understood: cached.outcome.concepts.map((c) => t.label(c.concept, locale)),
    didYouMean: cached.outcome.total === 0 ? didYouMean(params.q ?? '', locale) : [],
  };
  return cached.localised[locale];
}

function searchUncached(
  live: LiveSearchIndex,
  params: SearchParams,
  place: Place | null,
  now: DateTime,
): { kept: Int32Array; outcome: Omit<SearchOutcome, LocalParts> } {
  const run = (p: SearchParams) =>
    live.index.search(
      {
        text: p.q ?? '',
        filters: filtersOf(p),
        near: place
          ? {
              lat: place.lat,
              lon: place.lon,
              radiusKm: p.near || p.lat !== undefined ? p.radius_km : undefined,
            }
          : undefined,
        sort: p.sort === 'distance' && place ? 'distance' : 'relevance',
        offset: (p.page - 1) * p.per_page,
        limit: p.per_page,
      },
      now,
    );
  const result = run(params);
  const outcome: Omit<SearchOutcome, LocalParts> = {
    total: result.total,
    page: params.page,
    perPage: params.per_page,
    hits: result.hits,
    facets: sortedFacets(result.facets),
    concepts: result.concepts,
    partial: result.partial,
    dropFilters: [],
  };
  if (result.total === 0) {
    for (const filter of filterParams) {
      const value = params[filter];
      if (value === undefined || (Array.isArray(value) && !value.length)) continue;
      const without = { ...params, [filter]: undefined, page: 1, per_page: 1 };
      if (filter === 'near') Object.assign(without, { radius_km: undefined });
      const total = run(without).total;
      if (total > 0) outcome.dropFilters.push({ filter, total });
    }
  }
  return { kept: result.kept, outcome };
}

/** Other names for what was typed: the thesaurus concepts it comes close to, in the reader's language first. */
export function didYouMean(text: string, locale: Locale): string[] {
  const typed = words(text)
    .filter((w) => !isStopword(w))
    .map(fold);
  const t = thesaurus();
  const out = new Set<string>();
  for (const match of t.match(typed)) {
    const typedPart = typed.slice(match.start, match.end).join(' ');
    for (const lang of [locale, ...(['nl', 'fr', 'en'] as const).filter((l) => l !== locale)]) {
      const label = t.label(match.concept, lang);
      if (fold(label) !== typedPart) out.add(label);
    }
  }
  return [...out].slice(0, 5);
}

export async function suggest(live: LiveSearchIndex, text: string, locale: Locale) {
  await live.readyWithin(10_000);
  return live.index.suggest(text, locale);
}

/** Service ids matching a text, best first, for the HSDS API's `search` parameter. */
export async function searchServiceIds(
  live: LiveSearchIndex,
  text: string,
  filters: { theme?: string; organisationId?: string } = {},
): Promise<string[]> {
  await live.readyWithin(10_000);
  const result = live.index.search({
    text,
    filters: { theme: filters.theme },
    sort: 'relevance',
    offset: 0,
    limit: 100_000,
  });
  return result.hits
    .filter(
      (h) =>
        h.doc.type === 'service' &&
        (!filters.organisationId || h.doc.organisationId === filters.organisationId),
    )
    .map((h) => h.doc.id);
}
