// The in-memory search index of one app process: MiniSearch for the words (BM25, prefixes, typos),
// bitsets for filters and facet counts. It holds only public directory data and is rebuilt from
// PostgreSQL, which stays the one source of truth (see search-sync.ts).
import MiniSearch, { type Query, type SearchResult } from 'minisearch';
import { DateTime } from 'luxon';
import type { Locale } from '../../../shared/i18n-text.ts';
import { geoReference } from '../../geo/index.ts';
import { publicHoliday, zone } from '../opening-hours.ts';
import { type SearchDoc, type SearchField, searchFields, themeToken } from './search-docs.ts';
import { allowedEdits, type ConceptMatch, conceptToken, type Thesaurus } from './thesaurus.ts';
import { fold, isStopword, queryForms, words } from './text.ts';

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
}

const boosts: Record<SearchField, number> = {
  title: 3,
  organisation: 2.5,
  themes: 1.5,
  place: 2,
  description: 1,
};
const maxQueryWords = 12;

class Bitset {
  readonly words: Uint32Array;
  constructor(size: number) {
    this.words = new Uint32Array(Math.ceil(size / 32) || 1);
  }
  set(n: number): void {
    this.words[n >>> 5]! |= 1 << (n & 31);
  }
  has(n: number): boolean {
    return (this.words[n >>> 5]! & (1 << (n & 31))) !== 0;
  }
}

function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/** Great-circle distance in km. */
export function distanceKm(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 12742 * Math.asin(Math.sqrt(h));
}

/** The facet values of a document. */
function valuesOf(doc: SearchDoc, key: Exclude<FacetKey, 'open'>): readonly (string | number)[] {
  switch (key) {
    case 'theme':
      return doc.themes;
    case 'commune':
      return doc.communes;
    case 'quartier':
      return doc.quartiers;
    case 'kind':
      return [doc.kind];
    case 'language':
      return doc.languages;
    case 'target':
      return doc.targetGroups;
    case 'access':
      return doc.access;
  }
}

interface Moment {
  minuteOfWeek: number;
  today: string;
  minuteOfDay: number;
  holiday: boolean;
}

function momentOf(now: DateTime): Moment {
  const local = now.setZone(zone);
  const today = local.toISODate()!;
  return {
    minuteOfWeek: (local.weekday - 1) * 1440 + local.hour * 60 + local.minute,
    minuteOfDay: local.hour * 60 + local.minute,
    today,
    holiday: publicHoliday(today) !== undefined,
  };
}

/** Whether a document is open at a moment: the fast path of opening-hours.ts for whole result sets. */
function openAt(doc: SearchDoc, m: Moment): boolean {
  const exception = doc.exceptions.find((e) => e.startsOn <= m.today && m.today <= e.endsOn);
  if (exception) {
    if (exception.closed || !exception.opensAt || !exception.closesAt) return false;
    const opens = Number(exception.opensAt.slice(0, 2)) * 60 + Number(exception.opensAt.slice(3, 5));
    let closes = Number(exception.closesAt.slice(0, 2)) * 60 + Number(exception.closesAt.slice(3, 5));
    if (closes <= opens) closes += 1440;
    return m.minuteOfDay >= opens && m.minuteOfDay < closes;
  }
  if (m.holiday && doc.closedOnPublicHolidays) return false;
  for (const w of doc.weekly) {
    if ((w.validFrom && w.validFrom > m.today) || (w.validTo && w.validTo < m.today)) continue;
    if (
      (m.minuteOfWeek >= w.start && m.minuteOfWeek < w.end) ||
      (m.minuteOfWeek + 10080 >= w.start && m.minuteOfWeek + 10080 < w.end)
    ) {
      return true;
    }
  }
  return false;
}

export class SearchIndex {
  private readonly mini: MiniSearch<{ n: number }>;
  private readonly docs: (SearchDoc | undefined)[] = [];
  private readonly byOrganisation = new Map<string, number[]>();
  private size = 0;
  /** Bumped on every change; caches built on the index compare it. */
  version = 0;
  private openCache: { minute: string; version: number; set: Bitset } | undefined;

  constructor(private readonly thesaurus: Thesaurus) {
    this.mini = new MiniSearch<{ n: number }>({
      fields: [...searchFields],
      idField: 'n',
      extractField: (doc, field) => (field === 'n' ? doc.n : this.docs[doc.n]!.fields[field as SearchField]),
      // Documents arrive analysed (text.ts): split on spaces and keep the terms as they are.
      tokenize: (text) => text.split(' '),
      processTerm: (term) => term || null,
      searchOptions: { boost: boosts },
      autoVacuum: { minDirtCount: 200, minDirtFactor: 0.1 },
    });
  }

  get count(): number {
    return this.size;
  }

  /** Replaces the documents of some organisations (all of them when `organisationIds` is absent). */
  replace(docs: SearchDoc[], organisationIds?: string[]): void {
    const gone = organisationIds ?? [...this.byOrganisation.keys()];
    for (const orgId of gone) {
      for (const n of this.byOrganisation.get(orgId) ?? []) {
        this.mini.discard(n);
        this.docs[n] = undefined;
        this.size--;
      }
      this.byOrganisation.delete(orgId);
    }
    const added: { n: number }[] = [];
    for (const doc of docs) {
      const n = this.docs.length;
      this.docs.push(doc);
      added.push({ n });
      let list = this.byOrganisation.get(doc.organisationId);
      if (!list) this.byOrganisation.set(doc.organisationId, (list = []));
      list.push(n);
      this.size++;
    }
    this.mini.addAll(added);
    this.version++;
  }

  /** Documents open at this minute, kept for the minute. */
  private openNow(now: DateTime): Bitset {
    const minute = now.setZone(zone).toFormat('yyyy-MM-dd HH:mm');
    if (this.openCache?.minute === minute && this.openCache.version === this.version)
      return this.openCache.set;
    const m = momentOf(now);
    const set = new Bitset(this.docs.length);
    this.docs.forEach((doc, n) => {
      if (doc && openAt(doc, m)) set.set(n);
    });
    this.openCache = { minute, version: this.version, set };
    return set;
  }

  /** The MiniSearch query for the words of a search, with thesaurus concepts expanded. */
  private textQuery(text: string): { query: Query | null; concepts: ConceptMatch[]; groups: number } {
    const typed = words(text)
      .filter((w) => !isStopword(w))
      .slice(0, maxQueryWords);
    if (!typed.length) return { query: null, concepts: [], groups: 0 };
    const folded = typed.map(fold);
    const concepts = this.thesaurus.match(folded, isPlaceWord);
    const groups: Query[] = [];
    const wordGroup = (i: number): Query => {
      const word = typed[i]!;
      const surface = folded[i]!;
      const last = i === typed.length - 1;
      // A place is looked up as written ("Elsene" is no typo of anything).
      if (isPlaceWord(surface)) return { queries: [surface], fuzzy: false, prefix: false };
      const stems = queryForms(word).filter((f) => f !== surface);
      return {
        combineWith: 'OR',
        queries: [
          { queries: [surface], fuzzy: allowedEdits(surface) || false, prefix: last && surface.length >= 2 },
          ...(stems.length ? [{ queries: stems, fuzzy: false, prefix: false }] : []),
          // Swapped letters ("dentsit") are one slip but two Levenshtein edits: look them up as written.
          ...(surface.length >= 5 ? [{ queries: transpositions(surface), fuzzy: false, prefix: false }] : []),
        ],
      };
    };
    for (let i = 0; i < typed.length;) {
      const concept = concepts.find((c) => c.start === i);
      if (!concept) {
        groups.push(wordGroup(i++));
        continue;
      }
      // Documents carry a token for every concept their texts name, in any language and wording
      // (search-docs.ts); the concept's themes bring in services that do not name it.
      const tokens = [conceptToken(concept.concept.id), ...concept.concept.themes.map(themeToken)];
      // The words as typed still count, exactly, for texts that use them outside the concept's phrase.
      const asTyped: Query = {
        combineWith: 'AND',
        fuzzy: false,
        prefix: false,
        queries: typed
          .slice(concept.start, concept.end)
          .map((w) => ({ combineWith: 'OR' as const, queries: queryForms(w) })),
      };
      groups.push({
        combineWith: 'OR',
        queries: [{ queries: tokens, fuzzy: false, prefix: false }, asTyped],
      });
      i = concept.end;
    }
    return { query: { combineWith: 'AND', queries: groups }, concepts, groups: groups.length };
  }

  search(query: IndexQuery, now: DateTime = DateTime.now()): IndexResult {
    const { query: textQuery, concepts, groups } = this.textQuery(query.text);
    let matches: SearchResult[] | null = null;
    let partial = false;
    if (textQuery) {
      const boostDocument = (n: number) => this.docs[n]?.trust ?? 0;
      matches = this.mini.search(textQuery, { boostDocument });
      if (!matches.length && groups > 1) {
        matches = this.mini.search({ ...(textQuery as object), combineWith: 'OR' } as Query, {
          boostDocument,
        });
        partial = matches.length > 0;
      }
    }

    const openNow = this.openNow(now);
    const near = query.near;
    const distanceOf = (doc: SearchDoc): number | undefined =>
      near && doc.points.length ? Math.min(...doc.points.map((p) => distanceKm(near, p))) : undefined;

    // Candidates: every document for an empty query, the matches otherwise.
    const candidates: { n: number; score: number; terms: string[] }[] = matches
      ? matches.map((m) => ({ n: m.id as number, score: m.score, terms: m.terms }))
      : this.allDocs();

    const f = query.filters;
    const passes = (doc: SearchDoc, n: number, key: FacetKey): boolean => {
      switch (key) {
        case 'theme':
          return doc.themes.includes(f.theme!);
        case 'commune':
          return doc.communes.includes(f.commune!);
        case 'quartier':
          return doc.quartiers.includes(f.quartier!);
        case 'kind':
          return doc.kind === f.kind;
        case 'language':
          return doc.languages.includes(f.language!);
        case 'target':
          return doc.targetGroups.includes(f.target!);
        case 'access':
          return f.access!.every((a) => doc.access.includes(a));
        case 'open':
          return f.open!.every((o) =>
            o === 'now' ? openNow.has(n) : o === 'evening' ? doc.evening : doc.weekend,
          );
      }
    };
    const active = facetKeys.filter((k) =>
      k === 'access' || k === 'open' ? f[k]?.length : f[k] !== undefined,
    );

    const facets = Object.fromEntries(
      facetKeys.map((k) => [k, new Map<string, number>()]),
    ) as IndexResult['facets'];
    const count = (key: FacetKey, doc: SearchDoc, n: number) => {
      const counts = facets[key];
      const add = (v: string) => counts.set(v, (counts.get(v) ?? 0) + 1);
      if (key !== 'open') {
        for (const v of valuesOf(doc, key)) add(String(v));
        return;
      }
      if (openNow.has(n)) add('now');
      if (doc.evening) add('evening');
      if (doc.weekend) add('weekend');
    };
    const kept: Hit[] = [];
    for (const c of candidates) {
      const doc = this.docs[c.n];
      if (!doc) continue;
      if (near?.radiusKm) {
        const d = distanceOf(doc);
        if (d === undefined || d > near.radiusKm) continue;
      }
      // A document counts in a facet when it passes every other filter, so each facet shows what
      // choosing another of its values would give.
      const failed = active.filter((k) => !passes(doc, c.n, k));
      if (failed.length === 0) {
        kept.push({
          doc,
          score: c.score,
          terms: c.terms,
          openNow: doc.weekly.length ? openNow.has(c.n) : null,
        });
        for (const key of facetKeys) count(key, doc, c.n);
      } else if (failed.length === 1) {
        count(failed[0]!, doc, c.n);
      }
    }

    if (near) for (const hit of kept) hit.distanceKm = distanceOf(hit.doc);
    if (query.sort === 'distance' && near) {
      kept.sort((a, b) => (a.distanceKm ?? Infinity) - (b.distanceKm ?? Infinity) || b.score - a.score);
    } else if (!matches) {
      kept.sort((a, b) => b.score - a.score);
    }
    return {
      total: kept.length,
      hits: kept.slice(query.offset, query.offset + query.limit),
      facets,
      concepts,
      partial,
    };
  }

  /** Every document, scored by trust alone (the order of an empty search). */
  private allDocs(): { n: number; score: number; terms: string[] }[] {
    const out: { n: number; score: number; terms: string[] }[] = [];
    this.docs.forEach((doc, n) => {
      if (doc) out.push({ n, score: doc.trust, terms: [] });
    });
    return out;
  }

  /** Completions for what has been typed so far: names of services, organisations and concepts. */
  suggest(
    text: string,
    locale: Locale,
    limit = 8,
  ): { text: string; type: 'service' | 'organisation' | 'concept'; id?: string }[] {
    const typed = words(text).slice(0, maxQueryWords);
    if (!typed.length) return [];
    const last = fold(typed[typed.length - 1]!);
    const out: { text: string; type: 'service' | 'organisation' | 'concept'; id?: string }[] = [];
    const seen = new Set<string>();
    const push = (s: { text: string; type: 'service' | 'organisation' | 'concept'; id?: string }) => {
      const key = fold(s.text);
      if (seen.has(key) || out.length >= limit) return;
      seen.add(key);
      out.push(s);
    };
    for (const concept of this.thesaurus.concepts) {
      const label = concept.terms[locale][0];
      if (!label) continue;
      const hit = Object.values(concept.terms)
        .flat()
        .some((term) => words(term).some((w) => fold(w).startsWith(last)));
      if (hit && typed.length === 1) push({ text: label, type: 'concept' });
      if (out.length >= 3) break;
    }
    const matches = this.mini.search(
      {
        combineWith: 'AND',
        queries: typed.map((w, i) => ({
          queries: [fold(w)],
          prefix: i === typed.length - 1,
          fuzzy: i < typed.length - 1 ? allowedEdits(fold(w)) || false : false,
        })),
      },
      { fields: ['title', 'organisation'], boostDocument: (n: number) => this.docs[n]?.trust ?? 0 },
    );
    for (const m of matches) {
      const doc = this.docs[m.id as number];
      if (!doc) continue;
      const name = doc.name[locale] ?? doc.name.fr ?? doc.name.nl ?? doc.name.en ?? '';
      push({ text: name, type: doc.type, id: doc.id });
      if (out.length >= limit) break;
    }
    return out;
  }
}

/** The word with each pair of neighbouring letters swapped. */
function transpositions(word: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < word.length - 1; i++) {
    if (word[i] !== word[i + 1]) out.push(word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2));
  }
  return out;
}

let placeWords: Set<string> | undefined;

/** Words of commune and quartier names: "Oudergem" is a place, not a typo of "ouderen". */
function isPlaceWord(word: string): boolean {
  if (!placeWords) {
    const geo = geoReference();
    const names = [
      ...geo.communes.flatMap((c) => [c.name.nl, c.name.fr]),
      ...geo.quartiers.flatMap((q) => [q.name.nl, q.name.fr]),
    ];
    placeWords = new Set(names.flatMap((n) => words(n).map(fold)).filter((w) => w.length > 3));
  }
  return placeWords.has(word);
}
