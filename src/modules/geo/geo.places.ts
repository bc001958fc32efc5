// Turns what a person types as "near" into a point, and finds a place named inside the words of a
// search ("logement Molenbeek"): postcodes, communes, railway stations, metro stations and
// well-known squares, quartiers and the streets of the street list (see geo.place-index.ts and
// data/SOURCE.md).
import { LRUCache } from 'lru-cache';
import type { Locale } from '../../shared/i18n-text.ts';
import { fold } from './geo.fold.ts';
import { type PlaceEntry, placeIndex, type PlaceKind } from './geo.place-index.ts';
import { geoReference } from './geo.reference.ts';

export type { PlaceKind } from './geo.place-index.ts';

export interface Place {
  lat: number;
  lon: number;
  /** What was found, to show back: "1080 Molenbeek-Saint-Jean", "Rue Haute - Hoogstraat". */
  label: string;
  kind?: PlaceKind;
  /** The commune the place is in or is, when known: whose residents live there. */
  commune?: string;
  /** Set for a quartier. */
  quartier?: number;
  /** True when the point stands for a larger area than what was named (a postcode's centre). */
  approximate?: boolean;
}

/** Why a "near" text gave no point: nothing of that name, or a known street no source places. */
export type PlaceProblem = { reason: 'unknown' } | { reason: 'unplaced'; street: string };

const results = new LRUCache<string, { place: Place | null; problem: PlaceProblem | null }>({ max: 5_000 });

function labelOf(entry: PlaceEntry, locale: Locale): string {
  return entry.kind === 'street' ? entry.label.en : entry.label[locale];
}

function placeOf(entry: PlaceEntry & { point: { lat: number; lon: number } }, locale: Locale): Place {
  const geo = geoReference();
  const commune = entry.commune ?? geo.locate(entry.point.lat, entry.point.lon)?.commune.nis;
  return {
    ...entry.point,
    label: labelOf(entry, locale),
    kind: entry.kind,
    ...(commune ? { commune } : {}),
    ...(entry.quartier !== undefined ? { quartier: entry.quartier } : {}),
  };
}

/** Entries whose forms contain every typed word, the last one possibly unfinished. */
function partialMatches(wanted: string): number[] {
  const { words, sortedWords } = placeIndex();
  const typed = wanted.split(' ');
  const last = typed.pop()!;
  let found: Set<number> | null = null;
  for (const word of typed) {
    const ids = words.get(word);
    if (!ids) return [];
    found = new Set(found ? ids.filter((n) => found!.has(n)) : ids);
  }
  // The last word as a prefix: a binary search, then the words that start with it (a few hundred at most).
  let lo = 0;
  let hi = sortedWords.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sortedWords[mid]! < last) lo = mid + 1;
    else hi = mid;
  }
  const withLast = new Set<number>();
  for (let i = lo; i < sortedWords.length && sortedWords[i]!.startsWith(last) && i < lo + 500; i++)
    for (const n of words.get(sortedWords[i]!)!) if (!found || found.has(n)) withLast.add(n);
  return [...withLast];
}

function lookUp(text: string, locale: Locale): { place: Place | null; problem: PlaceProblem | null } {
  const { entries, exact } = placeIndex();
  const geo = geoReference();
  const raw = text.trim();
  if (!raw || raw.length > 200) return { place: null, problem: { reason: 'unknown' } };
  const postcode = /(?:^|\D)(1\d{3})(?:\D|$)/.exec(raw)?.[1];
  const inPostcode = postcode ? geo.postcode(postcode) : undefined;
  // House numbers and postcodes inside an address do not help find the street, nor does the
  // commune after it ("Rue Haute 298, 1000 Bruxelles").
  const wanted = withoutLocality(fold(raw.split(',')[0]!.replace(/\b\d+[a-z]?\b/gi, ' ')));
  if (!wanted && !inPostcode) return { place: null, problem: { reason: 'unknown' } };
  if (wanted && wanted.length < 3) return { place: null, problem: { reason: 'unknown' } };
  let ids = exact.get(wanted || inPostcode!.postcode) ?? [];
  if (!ids.length) {
    const shortest = (n: number) => entries[n]!.label.en.length;
    ids = partialMatches(wanted).sort(
      (a, b) =>
        Number(entries[b]!.point !== null) - Number(entries[a]!.point !== null) || shortest(a) - shortest(b),
    );
  }
  // With a postcode, a street of that commune first (several communes have a "Rue de l'Église").
  if (inPostcode) {
    const inCommune = (n: number) => {
      const p = entries[n]!.point;
      return p !== null && geo.locate(p.lat, p.lon)?.commune.nis === inPostcode.communeNis;
    };
    ids = [...ids.filter(inCommune), ...ids.filter((n) => !inCommune(n))];
  }
  // A street no source places, named like a neighbourhood ("Cureghem"): the neighbourhood.
  if (ids.length && !entries[ids[0]!]!.point && wanted) {
    const area = partialMatches(wanted).find((n) => entries[n]!.point && entries[n]!.kind !== 'street');
    if (area !== undefined) ids = [area];
  }
  const best = ids[0] === undefined ? undefined : entries[ids[0]];
  if (!best) return { place: null, problem: { reason: 'unknown' } };
  if (best.point) return { place: placeOf(best as Parameters<typeof placeOf>[0], locale), problem: null };
  // A street of the list without a point: its postcode's centre stands for it, said as approximate.
  if (inPostcode)
    return {
      place: {
        ...inPostcode.centre,
        label: `${best.label.en}, ${inPostcode.postcode} ${inPostcode.locality[locale]}`,
        kind: 'street',
        commune: inPostcode.communeNis,
        approximate: true,
      },
      problem: null,
    };
  return { place: null, problem: { reason: 'unplaced', street: best.label.en } };
}

/** "rue haute bruxelles" → "rue haute", when the rest still names something. */
function withoutLocality(wanted: string): string {
  const { entries, exact } = placeIndex();
  if (exact.has(wanted)) return wanted;
  const words = wanted.split(' ');
  for (let n = Math.min(4, words.length - 1); n >= 1; n--) {
    const tail = words.slice(-n).join(' ');
    const head = words.slice(0, -n).join(' ');
    const names = exact.get(tail)?.some((id) => ['commune', 'postcode'].includes(entries[id]!.kind));
    if (names && exact.has(head)) return head;
  }
  return wanted;
}

/** The point a "near" text names, or null. */
export function findPlace(text: string, locale: Locale = 'fr'): Place | null {
  return lookUpCached(text, locale).place;
}

/** Why `findPlace` found no point for this text, to tell the reader; null when it found one. */
export function placeProblem(text: string, locale: Locale = 'fr'): PlaceProblem | null {
  return lookUpCached(text, locale).problem;
}

function lookUpCached(text: string, locale: Locale) {
  const key = `${locale}|${text}`;
  let found = results.get(key);
  if (!found) {
    found = lookUp(text, locale);
    results.set(key, found);
  }
  return found;
}

export interface PlaceInQuery {
  place: Place;
  /** The words that named it, as typed. */
  named: string;
  /** The query without them (and without a word like "à" or "in" before them). */
  rest: string;
}

const linkWords = new Set(
  'a à au aux dans en pres près de du des d l la le in te op bij nabij rond near at around of van het'.split(
    ' ',
  ),
);

/**
 * A commune, quartier, railway station or landmark named in the words of a search, the longest
 * first ("Sint-Jans-Molenbeek" before "Molenbeek"), or null. Only forms that are not ordinary words
 * count (see `notInQueries`), and "Bruxelles" alone means the region, not the commune.
 */
export function placeInQuery(query: string, locale: Locale = 'fr'): PlaceInQuery | null {
  if (!query || query.length > 1000) return null;
  const { entries, inQuery, longestQueryForm } = placeIndex();
  const spans = [...query.matchAll(/[\p{L}\p{N}]+/gu)].map((m) => ({
    start: m.index,
    end: m.index + m[0].length,
    word: fold(m[0]),
  }));
  // Folding may split a written word ("l'Ouest"), so compare folded words one by one.
  const tokens = spans.flatMap((s) => s.word.split(' ').map((word) => ({ ...s, word })));
  for (let length = Math.min(longestQueryForm, tokens.length); length >= 1; length--) {
    for (let i = 0; i + length <= tokens.length; i++) {
      const form = tokens
        .slice(i, i + length)
        .map((t) => t.word)
        .join(' ');
      const id = inQuery.get(form)?.[0];
      if (id === undefined) continue;
      const entry = entries[id]!;
      if (!entry.point) continue;
      let from = i;
      while (from > 0 && linkWords.has(tokens[from - 1]!.word)) from--;
      const start = tokens[from]!.start;
      const end = tokens[i + length - 1]!.end;
      const rest = `${query.slice(0, start)} ${query.slice(end)}`.replace(/\s+/g, ' ').trim();
      return {
        place: placeOf(entry as Parameters<typeof placeOf>[0], locale),
        named: query.slice(tokens[i]!.start, end),
        rest,
      };
    }
  }
  return null;
}
