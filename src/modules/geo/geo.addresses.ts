// Places an address ("Chaussée de Wavre 50", postcode 1050) on the part of its street that lies in
// the postcode's area, or says why it cannot. The streets and their parts per postcode come from
// data/street-parts.json (OpenStreetMap via EqualStreetNames.Brussels, built by
// scripts/build-street-parts.ts; see data/SOURCE.md). House numbers are not in the data: a place is
// put on its street, not at its door.
import { readFileSync } from 'node:fs';
import { distance as editDistance } from 'fastest-levenshtein';
import { distanceKm, type Point } from '../../shared/distance.ts';
import { fold } from './geo.fold.ts';
import { geoReference, type Postcode } from './geo.reference.ts';

/** Why an address cannot be placed; each is a field problem code (`fields.<code>`). */
export type AddressProblem = 'postcode_outside_brussels' | 'street_unknown' | 'street_not_in_postcode';

export type AddressPlacement =
  | {
      placed: true;
      lat: number;
      lon: number;
      communeNis: string;
      quartierCode: number | null;
      /** On the street's part in the postcode's area, or (a street whose course is not in the data) at the postcode's centre. */
      precision: 'street' | 'postcode';
      /** The street as the data names it, "Rue de la Senne - Zennestraat". */
      street: string;
    }
  | { placed: false; problem: AddressProblem; field: 'address' | 'postcode' };

/** Postcodes that also serve part of another commune than their own (bpost): the City of
 * Brussels' European quarter has 1040, and its strip along the avenue Louise has 1050. */
const alsoServes: Record<string, string[]> = { '1040': ['21004'], '1050': ['21004'] };
/** How far from the postcode's centre such a part may lie: those parts border the postcode's own commune. */
const alsoServesKm = 2.5;

/** The communes a Brussels postcode serves, its own first; none outside the region. */
export function postcodeCommunes(postcode: string): string[] {
  const own = geoReference().postcode(postcode.trim());
  return own ? [own.communeNis, ...(alsoServes[own.postcode] ?? [])] : [];
}

interface Part {
  postcode: string;
  /** The point nearest to the middle of the part first, then a few far from it. */
  points: Point[];
}
interface Street {
  name: string;
  /** False when the source has only part of the street's course, or none. */
  complete: boolean;
  parts: Part[];
}

type Row = [name: string, complete: 0 | 1, ...parts: number[][]];

// Long and short forms of the words of street names, so "Chée", "Av." and "Zennestr." match too.
const shortForms: Record<string, string> = {
  avenue: 'av',
  ave: 'av',
  boulevard: 'bd',
  bld: 'bd',
  boul: 'bd',
  chaussee: 'chee',
  chssee: 'chee',
  place: 'pl',
  square: 'sq',
  saint: 'st',
  sint: 'st',
  sainte: 'ste',
  straat: 'str',
  steenweg: 'stwg',
  stwg: 'stwg',
  laan: 'ln',
  plein: 'pln',
  docteur: 'dr',
  dokter: 'dr',
};
/** Dutch names glue the kind of street to the name: "Zennestraat", "Waversesteenweg". */
const glued = /(?<=.)(straat|steenweg|laan|plein)$/;

const words = (text: string) => fold(text).split(' ');

/** A street name as a comparable key: no accents, case, spaces, punctuation or long forms. */
export function streetKey(text: string): string {
  return words(text)
    .map((word) => shortForms[word] ?? word.replace(glued, (kind) => shortForms[kind]!))
    .join('');
}

/** The same with the words as written, to find a name with a typing mistake ("Chausee"). */
const looseKey = (text: string) => words(text).join('');

interface Index {
  byKey: Map<string, Street[]>;
  byLooseKey: Map<string, Street[]>;
}
let index: Index | undefined;

function add(map: Map<string, Street[]>, key: string, street: Street) {
  if (key) map.set(key, [...(map.get(key) ?? []), street]);
}

function streetIndex() {
  if (index) return index;
  const data = JSON.parse(readFileSync(new URL('./data/street-parts.json', import.meta.url), 'utf8')) as {
    streets: Row[];
    names: string[];
  };
  const streets: Street[] = [
    ...data.streets.map(([name, complete, ...parts]) => ({
      name,
      complete: complete === 1,
      parts: parts.map(([postcode, ...coordinates]) => ({
        postcode: String(postcode),
        points: Array.from({ length: coordinates.length / 2 }, (_, i) => ({
          lat: coordinates[2 * i]!,
          lon: coordinates[2 * i + 1]!,
        })),
      })),
    })),
    ...data.names.map((name) => ({ name, complete: false, parts: [] })),
  ];
  index = { byKey: new Map(), byLooseKey: new Map() };
  for (const street of streets) {
    // The bilingual name, and each language's name: "Rue de la Senne - Zennestraat".
    const names = [street.name, ...street.name.split(' - ')];
    for (const key of new Set(names.map(streetKey))) add(index.byKey, key, street);
    for (const key of new Set(names.map(looseKey))) add(index.byLooseKey, key, street);
  }
  return index;
}

/** What the person may have meant as the street: without house number, box or postcode. */
function streetCandidates(address: string): string[] {
  const candidates: string[] = [];
  for (const piece of address.split(',')) {
    const text = piece.trim();
    if (!/\p{L}/u.test(text)) continue;
    const bare = text
      .replace(/\s+(?:bte|bt|boite|boîte|bus|box)\.?\s*[\w/-]+$/iu, '')
      // "12", "12A", "12 A", "12-14", "12/3", "n° 12"; "sn", "zn": without number.
      .replace(/\s+(?:[sz]\/?n)$/iu, '')
      .replace(/\s*(?:n°|nr\.?|no\.?)?\s*\d+(?:\s?[a-z])?(?:\s*[-/]\s*\d+[a-z]?)*\s*$/iu, '')
      .replace(/^\d+[a-z]?(?:\s*[-/]\s*\d+[a-z]?)*[\s,]+/iu, '');
    candidates.push(bare, text);
  }
  return [...new Set(candidates.filter((c) => c.length >= 3))];
}

/** The streets the person means: an exact match, or one letter or two off on a long name. */
function findStreets(address: string): Street[] {
  const { byKey, byLooseKey } = streetIndex();
  const candidates = streetCandidates(address);
  for (const key of candidates.map(streetKey)) {
    const found = byKey.get(key);
    if (found) return found;
  }
  for (const key of candidates.map(looseKey)) {
    const allowed = key.length >= 18 ? 2 : key.length >= 10 ? 1 : 0;
    if (!allowed) continue;
    let best = allowed + 1;
    let found: Street[] = [];
    for (const [candidate, streets] of byLooseKey) {
      if (Math.abs(candidate.length - key.length) > allowed) continue;
      const d = editDistance(key, candidate);
      if (d < best) [best, found] = [d, [...streets]];
      else if (d === best) found.push(...streets);
    }
    // Only when the near names are one street (its names in several communes), never a guess between two.
    const frenchNames = new Set(found.map((s) => streetKey(s.name.split(' - ')[0]!)));
    if (found.length && frenchNames.size === 1) return found;
  }
  return [];
}

function nearestTo(target: Point, points: Point[]): Point {
  return points.reduce((a, b) => (distanceKm(a, target) <= distanceKm(b, target) ? a : b));
}

/**
 * Where the address lies: on its street's part in the postcode's area (the postcode's own part;
 * else a part in a commune the postcode serves, the one nearest the postcode's centre). A street
 * whose course the data lacks there is put at the postcode's centre, and says so.
 */
export function placeAddress(address: string, postcode: string): AddressPlacement {
  const geo = geoReference();
  const area: Postcode | undefined = geo.postcode(postcode.trim());
  if (!area) return { placed: false, problem: 'postcode_outside_brussels', field: 'postcode' };
  const streets = findStreets(address);
  if (!streets.length) return { placed: false, problem: 'street_unknown', field: 'address' };
  const communes = postcodeCommunes(area.postcode);
  const parts = streets.flatMap((street) => street.parts.map((part) => ({ street, part })));
  const communeOf = (code: string) => geo.postcode(code)?.communeNis ?? '';
  const own = parts.find(({ part }) => part.postcode === area.postcode);
  const served = parts
    .filter(({ part }) => communes.includes(communeOf(part.postcode)))
    .map(({ street, part }) =>
      communeOf(part.postcode) === area.communeNis
        ? { street, part }
        : {
            street,
            part: { ...part, points: part.points.filter((p) => distanceKm(p, area.centre) <= alsoServesKm) },
          },
    )
    .filter(({ part }) => part.points.length);
  const at = (point: Point, street: Street, precision: 'street' | 'postcode'): AddressPlacement | null => {
    const where = geo.locate(point.lat, point.lon);
    if (!where || !communes.includes(where.commune.nis)) return null;
    const { lat, lon } = point;
    const quartierCode = where.quartier?.code ?? null;
    return {
      placed: true,
      lat,
      lon,
      communeNis: where.commune.nis,
      quartierCode,
      precision,
      street: street.name,
    };
  };
  if (own) {
    const placed = at(own.part.points[0]!, own.street, 'street');
    if (placed) return placed;
  }
  for (const commune of communes) {
    const inCommune = served.filter(({ part }) => communeOf(part.postcode) === commune);
    if (!inCommune.length) continue;
    const points = inCommune.flatMap(({ part }) => part.points);
    const point = nearestTo(area.centre, points);
    const { street } = inCommune.find(({ part }) => part.points.includes(point))!;
    const placed = at(point, street, 'street');
    if (placed) return placed;
  }
  // The data has the street's whole course, and none of it is here.
  const partial = streets.find((street) => !street.complete);
  if (!partial) return { placed: false, problem: 'street_not_in_postcode', field: 'address' };
  return at(area.centre, partial, 'postcode')!;
}
