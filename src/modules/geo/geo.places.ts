// Turns what a person types as "near" into a point: a Brussels postcode, a commune, or a street
// from the street list (data/streets.json, derived from OpenStreetMap, see data/SOURCE.md).
import { readFileSync } from 'node:fs';
import { geoReference } from './geo.reference.ts';

export interface Place {
  lat: number;
  lon: number;
  /** What was found, to show back: "1080 Molenbeek-Saint-Jean", "Rue Haute - Hoogstraat". */
  label: string;
}

type Street = [name: string, lat: number, lon: number];

const fold = (text: string) =>
  text
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

let streets: { street: Street; keys: string[] }[] | undefined;

function streetIndex() {
  streets ??= (
    JSON.parse(readFileSync(new URL('./data/streets.json', import.meta.url), 'utf8')) as Street[]
  ).map((street) => ({ street, keys: street[0].split(' - ').map(fold) }));
  return streets;
}

export function findPlace(text: string, locale: 'nl' | 'fr' | 'en' = 'fr'): Place | null {
  const geo = geoReference();
  const raw = text.trim();
  if (!raw || raw.length > 200) return null;
  const postcode = /^(1\d{3})$/.exec(raw)?.[1];
  if (postcode) {
    const p = geo.postcode(postcode);
    return p ? { ...p.centre, label: `${p.postcode} ${p.locality[locale]}` } : null;
  }
  // House numbers and postcodes inside an address do not help find the street.
  const wanted = fold(raw.replace(/\b\d+[a-z]?\b/gi, ' '));
  if (wanted.length < 3) return null;
  const commune = geo.communes.find((c) => [c.name.nl, c.name.fr, c.name.en].some((n) => fold(n) === wanted));
  if (commune) return { ...commune.centre, label: commune.name[locale] };
  const candidates = streetIndex().filter(({ keys }) => keys.some((k) => ` ${k}`.includes(` ${wanted}`)));
  if (!candidates.length) return null;
  const best = candidates.sort(
    (a, b) =>
      Number(b.keys.includes(wanted)) - Number(a.keys.includes(wanted)) ||
      a.street[0].length - b.street[0].length,
  )[0]!;
  return { lat: best.street[1], lon: best.street[2], label: best.street[0] };
}
