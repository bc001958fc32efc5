// Derives street-names.json and landmarks.json from the project's shared reference data (see
// SOURCE.md), once, by hand: `npx tsx src/modules/geo/data/derive-places.ts ../shared/data`.
// Nothing here is typed in as a coordinate: every point comes from a file named in SOURCE.md.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fold } from '../geo.fold.ts';
import { geoReference } from '../geo.reference.ts';
import { railwayStations } from '../geo.stations.ts';

const shared = process.argv[2] ?? '../shared/data';
const out = new URL('./', import.meta.url);
const round = (x: number) => Math.round(x * 1e5) / 1e5;

/** The first column of the street CSVs: bilingual names, quoted. */
function namesOf(file: string): string[] {
  return readFileSync(join(shared, 'brussels-streets', file), 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => (/^"((?:[^"]|"")*)"/.exec(line)?.[1] ?? line.split(',')[0]!).replace(/""/g, '"'));
}

const names = [...new Set([...namesOf('gender.csv'), ...namesOf('other.csv')])].sort();
const ways = new Map(
  (JSON.parse(readFileSync(new URL('streets.json', out), 'utf8')) as [string, number, number][]).map((s) => [
    s[0],
    { lat: s[1], lon: s[2] },
  ]),
);

// Each language's side of a bilingual name, folded, to the names it belongs to.
const byPart = new Map<string, string[]>();
for (const name of names)
  for (const part of name.split(' - ')) {
    const key = fold(part);
    byPart.set(key, [...(byPart.get(key) ?? []), name]);
  }
const abbreviations: [RegExp, string][] = [
  [/^av\.?\s/i, 'Avenue '],
  [/^bd\.?\s/i, 'Boulevard '],
  [/^pl\.?\s/i, 'Place '],
  [/^r\.?\s/i, 'Rue '],
];

interface Geocoded {
  street: string;
  number: string;
  lat: number;
  lon: number;
}
const geo = geoReference();
const sample = (
  JSON.parse(
    readFileSync(
      join(shared, 'brussels-organisations-sample', 'city-of-brussels-subsidy-beneficiaries-2022.json'),
      'utf8',
    ),
  ) as Record<string, string>[]
)
  .map((r) => ({
    street: abbreviations.reduce((s, [re, full]) => s.replace(re, full), r.Rue ?? '').trim(),
    number: (r['Numéro de maison'] ?? '').trim(),
    lat: Number(r.Latitude),
    lon: Number(r.Longitude),
  }))
  .filter((r): r is Geocoded => r.lat !== 0 && r.street !== '' && geo.locate(r.lat, r.lon) !== null);

// Addresses per bilingual street name, each address once.
const addresses = new Map<string, Map<string, Geocoded>>();
for (const r of sample) {
  const matches = byPart.get(fold(r.street));
  if (matches?.length !== 1) continue; // unknown, or a name several streets share
  const name = matches[0]!;
  const list = addresses.get(name) ?? new Map<string, Geocoded>();
  list.set(fold(r.number), r);
  addresses.set(name, list);
}

/** Of a street's geocoded addresses, the one nearest to their mean (as streets.json does with vertices). */
function pointOf(found: Geocoded[]): { lat: number; lon: number } {
  const mean = {
    lat: found.reduce((s, p) => s + p.lat, 0) / found.length,
    lon: found.reduce((s, p) => s + p.lon, 0) / found.length,
  };
  const d = (p: Geocoded) => (p.lat - mean.lat) ** 2 + (p.lon - mean.lon) ** 2;
  const best = [...found].sort((a, b) => d(a) - d(b))[0]!;
  return { lat: round(best.lat), lon: round(best.lon) };
}

const streetPoints = new Map(ways);
const rows: (string | number)[][] = [];
for (const name of names) {
  if (ways.has(name)) continue;
  const found = addresses.get(name);
  if (found) {
    const p = pointOf([...found.values()]);
    streetPoints.set(name, p);
    rows.push([name, p.lat, p.lon]);
  } else rows.push([name]);
}
writeFileSync(new URL('street-names.json', out), `[\n${rows.map((r) => JSON.stringify(r)).join(',\n')}\n]\n`);
console.log(
  `street-names.json: ${rows.length} names beyond streets.json, ${rows.filter((r) => r.length === 3).length} placed`,
);

// Landmarks: metro stations and well-known squares and neighbourhoods, each placed by reference to
// one of the sources above. `query`: also understood inside the words of a search.
type At = { street: string } | { address: string } | { quartier: number } | { station: string };
interface LandmarkSpec {
  id: string;
  kind: 'metro' | 'square' | 'neighbourhood';
  names: { fr: string; nl: string; en?: string };
  aliases?: string[];
  query: boolean;
  at: At;
}
const specs: LandmarkSpec[] = JSON.parse(readFileSync(new URL('landmarks.src.json', out), 'utf8'));

function resolve(at: At): { lat: number; lon: number; source: string } {
  if ('street' in at) {
    const p = streetPoints.get(at.street);
    if (!p) throw new Error(`no point for street ${at.street}`);
    return { ...p, source: `${ways.has(at.street) ? 'osm' : 'geocoded'} street "${at.street}"` };
  }
  if ('address' in at) {
    const [, street, number] = /^(.*\D)\s+(\d\S*)$/.exec(at.address) ?? [];
    const hit = sample.find((r) => fold(r.street) === fold(street ?? '') && fold(r.number) === fold(number ?? ''));
    if (!hit) throw new Error(`no geocoded address ${at.address}`);
    return { lat: round(hit.lat), lon: round(hit.lon), source: `geocoded address "${at.address}"` };
  }
  if ('quartier' in at) {
    const q = geo.quartier(at.quartier);
    if (!q) throw new Error(`no quartier ${at.quartier}`);
    return { lat: round(q.centre.lat), lon: round(q.centre.lon), source: `quartier ${q.code} "${q.name.fr}"` };
  }
  const s = railwayStations().find((x) => x.name === at.station || x.names.fr === at.station);
  if (!s) throw new Error(`no station ${at.station}`);
  return { lat: round(s.lat), lon: round(s.lon), source: `railway station "${s.name}"` };
}

const landmarks = specs.map(({ at, ...spec }) => ({ ...spec, ...resolve(at) }));
writeFileSync(
  new URL('landmarks.json', out),
  `[\n${landmarks.map((l) => JSON.stringify(l)).join(',\n')}\n]\n`,
);
console.log(`landmarks.json: ${landmarks.length} landmarks`);
