// One search for pages, the JSON API and HSDS: words, filters, place and time in, ranked results,
// facet counts and suggestions out.
import { LRUCache } from 'lru-cache';
import { DateTime } from 'luxon';
import { cacheBudget } from '../../../shared/cache-budgets.ts';
import { AppError } from '../../../shared/errors.ts';
import type { Locale } from '../../../shared/i18n-text.ts';
import { findPlace, geoReference, type Place, type placeInQuery, placeProblem } from '../../geo/index.ts';
import {
  nearestCount,
  type NearProblem,
  type PlaceFilter,
  placeFilterOf,
  pointRadiusKm,
} from './search-places.ts';
import { type DocSet, docNumbers, docSet, docSetBytes } from './doc-set.ts';
import { outcomeBytes } from './outcome-bytes.ts';
import {
  type ConceptMatch,
  directoryTypes,
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
  /** A commune, quartier, station or landmark named in the words, searched as a place (not as words). */
  placeFilter: PlaceFilter | null;
  /** When the place filter leaves nothing: the nearest results outside it, nearest first. */
  nearest: Hit[];
  /** A "near" that names no known point: the page says so, and searches without it. */
  nearProblem: NearProblem | null;
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
    type: params.type?.length ? params.type : undefined,
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

/**
 * The point to measure distances from: coordinates from the browser, else a typed place. An unknown
 * place is an error for the API; the page (`tolerant`) says so and searches without it.
 */
function placeOf(params: SearchParams, locale: Locale, tolerant = false): Place | null {
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
    const commune = geoReference().locate(params.lat, params.lon)?.commune.nis;
    return { lat: params.lat, lon: params.lon, label: '', ...(commune ? { commune } : {}) };
  }
  if (!params.near) return null;
  const place = findPlace(params.near, locale);
  if (!place && !tolerant)
    throw new AppError('PLACE_NOT_FOUND', {
      fields: [
        {
          field: 'near',
          message:
            placeProblem(params.near, locale)?.reason === 'unplaced'
              ? 'is a street we cannot place yet: add its postcode'
              : 'is not a Brussels postcode, commune, street, station or square',
        },
      ],
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
 * Recent searches and their outcomes (a few hundred queries come back all day), right until the index
 * changes; only "open now" moves with the clock, so a search filtered on it is kept for its minute and
 * any other has its open-now count and badges refreshed when the minute has turned. Budget: cache-budgets.ts.
 */
const recent = new LRUCache<string, Cached>({
  maxSize: cacheBudget('searchOutcomes'),
  sizeCalculation: (entry, key) => cachedBytes(entry, key),
});

/** An entry's bytes as V8 holds them, roughly: its outcome (outcome-bytes.ts), its documents' set, its key. */
export function cachedBytes(entry: Cached, key: string): number {
  return outcomeBytes(entry.outcome) + 2 * key.length + docSetBytes(entry.kept);
}

export interface Cached {
  version: number;
  minute: number;
  kept: DocSet;
  outcome: Omit<SearchOutcome, LocalParts>;
  /**
   * The full outcome per reader's language, made once: callers get the same object while the entry
   * holds, so they can keep what they derive from it (a rendered page part, a serialised body).
   */
  localised: Partial<Record<Locale, SearchOutcome>>;
}

/** Outcomes being computed, by index version, minute and parameters. */
const computing = new Map<string, Promise<Cached>>();

/** The parts of an outcome written in the reader's language, added after the cache. */
type LocalParts = 'place' | 'understood' | 'didYouMean' | 'placeFilter' | 'nearProblem';

export async function searchDirectory(
  live: LiveSearchIndex,
  params: SearchParams,
  locale: Locale,
  now: DateTime = DateTime.now(),
  options: { unknownPlace?: 'error' | 'report' } = {},
): Promise<SearchOutcome> {
  await live.readyWithin(10_000);
  const tolerant = options.unknownPlace === 'report';
  const place = placeOf(params, locale, tolerant);
  const nearProblem: NearProblem | null =
    params.near && !place && (params.lat === undefined || params.lon === undefined)
      ? { near: params.near, ...(placeProblem(params.near, locale) ?? { reason: 'unknown' }) }
      : null;
  const inQuery = placeFilterOf(params, locale);
  // Keyed by the parameters as given: an unknown "near" has its own entry, which says so.
  const key = JSON.stringify(params);
  const minute = Math.floor(now.toMillis() / 60_000);
  let cached = recent.get(key);
  const fresh =
    cached?.version === live.index.version && (cached.minute === minute || !params.open?.includes('now'));
  if (!cached || !fresh) {
    // Requests for the same outcome while it is computed wait for that one computation: the engine
    // gives the event loop back between its steps, so a popular query arriving fifty times at once
    // would otherwise be computed fifty times.
    const flight = `${live.index.version}|${minute}|${key}`;
    let pending = computing.get(flight);
    if (!pending) {
      const version = live.index.version;
      pending = searchUncached(
        live,
        nearProblem ? { ...params, near: undefined } : params,
        place,
        inQuery.found,
        now,
      ).then((made): Cached => {
        const entry = { version, minute, ...made, localised: {} };
        recent.set(key, entry);
        return entry;
      });
      computing.set(flight, pending);
      const forget = () => computing.delete(flight);
      pending.then(forget, forget);
    }
    cached = await pending;
  } else if (cached.minute !== minute) {
    // A new outcome, not a change to the old one: earlier callers may still hold it.
    const openNow = live.index.countOpen(docNumbers(cached.kept), now);
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
        nearest: cached.outcome.nearest.map((h) => ({ ...h, openNow: live.index.isOpen(h.n, now) })),
      },
    };
    recent.set(key, cached);
  }
  const t = thesaurus();
  cached.localised[locale] ??= {
    ...cached.outcome,
    place,
    placeFilter: inQuery.filter,
    nearProblem,
    understood: cached.outcome.concepts.map((c) => t.label(c.concept, locale)),
    didYouMean:
      cached.outcome.total === 0 && !cached.outcome.nearest.length
        ? didYouMean(inQuery.filter?.rest ?? params.q ?? '', locale)
        : [],
  };
  return cached.localised[locale];
}

/**
 * The engine's searches for one outcome, one after another with the event loop given back in
 * between (and within each, between matching the words and the pass over the matches: see
 * SearchIndex.searchSoon), so that a broad query or one that tries dropping each filter does not
 * hold every other request for its whole time.
 */
async function searchUncached(
  live: LiveSearchIndex,
  params: SearchParams,
  place: Place | null,
  inQuery: ReturnType<typeof placeInQuery>,
  now: DateTime,
): Promise<{ kept: DocSet; outcome: Omit<SearchOutcome, LocalParts> }> {
  // A place named in the words filters by its area (commune, quartier) or by distance from its
  // point (station, landmark), which then also orders by distance when asked.
  const named = inQuery?.place;
  const area = named?.kind === 'commune' || named?.kind === 'quartier';
  const origin = named && !area ? named : place;
  const readerCommune = named?.commune ?? place?.commune;
  // A search with a place is the directory's ("help near here": residence, distance, nearest), and
  // one without words browses the directory: unless types are asked for, services and
  // organisations; the type facet counts the others.
  const typed = (p: SearchParams) =>
    p.type?.length || !(named || place || p.lat !== undefined || !p.q?.trim())
      ? {}
      : { type: [...directoryTypes] };
  const run = (p: SearchParams, placeFilter = true, anyWords = false) =>
    live.index.searchSoon(
      {
        text: (inQuery ? inQuery.rest : p.q) ?? '',
        filters: {
          ...filtersOf(p),
          ...typed(p),
          ...(placeFilter && named?.kind === 'commune' ? { commune: named.commune } : {}),
          ...(placeFilter && named?.kind === 'quartier' ? { quartier: named.quartier } : {}),
        },
        near: origin
          ? {
              lat: origin.lat,
              lon: origin.lon,
              radiusKm:
                named && !area
                  ? placeFilter
                    ? pointRadiusKm
                    : undefined
                  : p.near || p.lat !== undefined
                    ? p.radius_km
                    : undefined,
            }
          : undefined,
        sort: (p.sort === 'distance' || !placeFilter) && origin ? 'distance' : 'relevance',
        readerCommune,
        anyWords,
        offset: (p.page - 1) * p.per_page,
        limit: p.per_page,
      },
      now,
    );
  let result = await run(params);
  // In the place named, results with some of the words rather than none ("free meal Anderlecht").
  if (result.total === 0 && named) {
    const some = await run(params, true, true);
    if (some.total > 0) result = some;
  }
  // Nothing in the place named: the nearest results outside it, measured from its point.
  const nearest =
    result.total === 0 && named
      ? (
          await live.index.searchSoon(
            {
              text: inQuery.rest,
              filters: { ...filtersOf(params), ...typed(params) },
              near: { lat: named.lat, lon: named.lon },
              sort: 'distance',
              readerCommune,
              offset: 0,
              limit: nearestCount,
            },
            now,
          )
        ).hits.filter((h) => h.distanceKm !== undefined)
      : [];
  const outcome: Omit<SearchOutcome, LocalParts> = {
    total: result.total,
    page: params.page,
    perPage: params.per_page,
    hits: result.hits,
    facets: sortedFacets(result.facets),
    concepts: result.concepts,
    partial: result.partial,
    dropFilters: [],
    nearest,
  };
  if (result.total === 0 && !nearest.length) {
    for (const filter of filterParams) {
      const value = params[filter];
      if (value === undefined || (Array.isArray(value) && !value.length)) continue;
      const without = { ...params, [filter]: undefined, page: 1, per_page: 1 };
      if (filter === 'near') Object.assign(without, { radius_km: undefined });
      const total = (await run(without)).total;
      if (total > 0) outcome.dropFilters.push({ filter, total });
    }
  }
  return { kept: docSet(result.kept), outcome };
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
    filters: { type: ['service'], theme: filters.theme },
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
