// Every place a reader may name, with the written forms that name it: postcodes and their localities,
// communes, railway stations, landmarks (metro stations, squares, neighbourhoods), quartiers and
// streets. Built once per process from the files in ./data (see data/SOURCE.md) into lookup maps,
// so a search never scans the list.
import { readFileSync } from 'node:fs';
import { fold } from './geo.fold.ts';
import { geoReference } from './geo.reference.ts';
import { railwayStations } from './geo.stations.ts';

export type PlaceKind = 'postcode' | 'commune' | 'station' | 'landmark' | 'quartier' | 'street';

/** When two places share a name, the first kind wins: "Schaerbeek" is the commune, not the station. */
export const kindOrder: readonly PlaceKind[] = [
  'postcode',
  'commune',
  'station',
  'landmark',
  'quartier',
  'street',
];

export interface PlaceEntry {
  kind: PlaceKind;
  /** The name to show, per language. */
  label: { nl: string; fr: string; en: string };
  /** Null for a street of the list that no source places (see data/SOURCE.md). */
  point: { lat: number; lon: number } | null;
  /** The commune's NIS code, for communes, quartiers and postcodes. */
  commune?: string;
  quartier?: number;
}

// Short names people use for communes, besides the official nl, fr and en ones. "Bruxelles" alone is
// the commune for "near", but in the words of a query it means the region (see `regionNames`).
const communeAliases: Record<string, string[]> = {
  '21003': ['berchem', 'st agatha berchem', 'berchem ste agathe', 'berchem st agathe'],
  '21004': ['ville de bruxelles', 'bruxelles ville', 'stad brussel', 'brussel stad', 'brussels city'],
  '21012': ['molenbeek', 'molenbeek st jean', 'st jans molenbeek'],
  '21013': ['st gilles', 'st gillis'],
  '21014': ['saint josse', 'sint joost', 'st josse', 'st joost', 'st josse ten noode'],
  '21017': ['watermael', 'boitsfort', 'watermaal', 'bosvoorde'],
  '21018': ['woluwe st lambert', 'st lambrechts woluwe'],
  '21019': ['woluwe st pierre', 'st pieters woluwe'],
};
export const regionNames = new Set(['bruxelles', 'brussel', 'brussels', 'bxl']);

/** Words that name a quartier or station but mean something else in a search ("justice de paix"). */
export const notInQueries = new Set(
  (
    'paix vrede chasse jacht conscience delta dries duchesse hertogin globe martyrs martelaars ' +
    'observatoire observatorium squares universite universiteitswijk basilique basiliek bosnie helmet ' +
    'haren roue rad aurore dauw rosee veterinaire veeartsenij industrie louise louiza central centraal ' +
    'nord noord midi zuid ouest west congres chapelle kapellekerk luxembourg luxemburg arcades arcaden ' +
    'botanique kruidtuin constellations sterrebeelden heembeek bon air goede lucht dixmude diksmuide ' +
    'roosendaal potaarde scheut churchill woeste buffon grote munt hal'
  ).split(' '),
);

// French street types, with the article that may follow; Dutch ones come at the end of a word.
const frenchType =
  /^(rue|avenue|boulevard|chaussee|place|square|parvis|quai|chemin|allee|dreve|impasse|rond point|clos|passage|galerie|sentier|venelle|cours|petite rue|ruelle|carrefour|esplanade|promenade|cite|porte|pont|tunnel)( (de la|de l|des|du|de|d))? (.{3,})$/;
const dutchType =
  /^(.{3,}?) ?(straat|laan|plein|steenweg|dreef|weg|kaai|lei|gang|pad|voorplein|plantsoen|square|markt|tunnel|galerij|brug)$/;

/** The forms of one name: as written, and without its street type ("rue neuve" → "neuve"). */
export function nameForms(name: string): string[] {
  const folded = fold(name);
  const forms = [folded];
  const fr = frenchType.exec(folded)?.[4];
  if (fr) forms.push(fr);
  const nl = dutchType.exec(folded)?.[1];
  if (nl && !fr) forms.push(nl);
  return forms;
}

export interface PlaceIndex {
  entries: PlaceEntry[];
  /** Every written form to the entries it names, best kind first. */
  exact: Map<string, number[]>;
  /** The forms a query's words may contain (fewer: see `notInQueries`). */
  inQuery: Map<string, number[]>;
  /** Each word of every form to the entries it appears in, for partial names. */
  words: Map<string, number[]>;
  /** The same words, sorted, for prefixes. */
  sortedWords: string[];
  /** The longest query form, in words. */
  longestQueryForm: number;
}

const read = <T>(file: string): T =>
  JSON.parse(readFileSync(new URL(`./data/${file}`, import.meta.url), 'utf8')) as T;

interface Landmark {
  id: string;
  kind: string;
  names: { fr: string; nl: string; en?: string };
  aliases?: string[];
  query: boolean;
  lat: number;
  lon: number;
}

function stationForms(names: string[]): { all: string[]; query: string[] } {
  const all = new Set<string>();
  const query = new Set<string>();
  for (const name of names) {
    const full = fold(name);
    all.add(full);
    if (!notInQueries.has(full)) query.add(full);
    const short = /^(bruxelles|brussel|brussels) (.+)$/.exec(full)?.[2];
    const base = short ?? full;
    all.add(base);
    if (!notInQueries.has(base)) query.add(base);
    const centrale = base === 'central' ? ['gare centrale'] : [];
    for (const form of [
      ...['gare', 'gare du', 'gare de la', 'gare de l', 'gare de', 'station', 'metro'].map(
        (p) => `${p} ${base}`,
      ),
      `${base} station`,
      `${base}station`,
      `brussels ${base}`,
      ...centrale,
    ]) {
      all.add(form);
      query.add(form);
    }
  }
  return { all: [...all], query: [...query] };
}

function build(): PlaceIndex {
  const geo = geoReference();
  const entries: PlaceEntry[] = [];
  const exact = new Map<string, number[]>();
  const inQuery = new Map<string, number[]>();
  const words = new Map<string, number[]>();
  const add = (map: Map<string, number[]>, key: string, n: number) => {
    if (!key) return;
    const list = map.get(key);
    if (!list) map.set(key, [n]);
    else if (!list.includes(n)) list.push(n);
  };
  const entry = (e: PlaceEntry, forms: string[], queryForms: string[] = []) => {
    const n = entries.push(e) - 1;
    for (const form of forms) {
      add(exact, form, n);
      for (const word of form.split(' ')) add(words, word, n);
    }
    for (const form of queryForms) add(inQuery, form, n);
  };
  const trio = (fr: string, nl: string, en = fr) => ({ fr, nl, en });

  for (const p of geo.postcodes)
    entry(
      {
        kind: 'postcode',
        label: trio(`${p.postcode} ${p.locality.fr}`, `${p.postcode} ${p.locality.nl}`),
        point: p.centre,
        commune: p.communeNis,
      },
      [
        p.postcode,
        ...(p.communeNis === '21004' && p.postcode !== '1000'
          ? [fold(p.locality.fr), fold(p.locality.nl)]
          : []),
      ],
    );
  for (const c of geo.communes) {
    const forms = [...new Set([c.name.fr, c.name.nl, c.name.en].map(fold)), ...(communeAliases[c.nis] ?? [])];
    entry(
      { kind: 'commune', label: c.name, point: c.centre, commune: c.nis },
      forms,
      forms.filter((f) => !regionNames.has(f)),
    );
  }
  for (const s of railwayStations()) {
    const forms = stationForms([...new Set([s.name, ...s.name.split('/'), s.names.fr, s.names.nl])]);
    entry(
      { kind: 'station', label: trio(s.names.fr, s.names.nl, s.names.en), point: { lat: s.lat, lon: s.lon } },
      forms.all,
      forms.query,
    );
  }
  for (const l of read<Landmark[]>('landmarks.json')) {
    const names = [l.names.fr, l.names.nl, ...(l.names.en ? [l.names.en] : []), ...(l.aliases ?? [])];
    const forms = [...new Set(names.flatMap(nameForms))];
    if (l.kind === 'metro') forms.push(...names.map((n) => `metro ${fold(n)}`));
    entry(
      {
        kind: 'landmark',
        label: trio(l.names.fr, l.names.nl, l.names.en),
        point: { lat: l.lat, lon: l.lon },
      },
      forms,
      l.query ? forms.filter((f) => !notInQueries.has(f)) : [],
    );
  }
  for (const q of geo.quartiers) {
    const names = [q.name.fr, q.name.nl];
    const parts = names.flatMap((n) => (n.includes(' - ') ? n.split(' - ') : []));
    const forms = [...new Set([...names, ...parts].map(fold))].filter((f) => f.length >= 4);
    entry(
      { kind: 'quartier', label: q.name, point: q.centre, commune: q.communeNis, quartier: q.code },
      forms,
      forms.filter((f) => !notInQueries.has(f)),
    );
  }
  // Streets placed by OpenStreetMap, then the rest of the street list (some placed by geocoded addresses).
  const streets = [
    ...read<[string, number, number][]>('streets.json'),
    ...read<([string] | [string, number, number])[]>('street-names.json'),
  ];
  for (const [name, lat, lon] of streets) {
    const sides = name.split(' - ');
    const label = trio(sides[0]!, sides[1] ?? sides[0]!, name);
    entry({ kind: 'street', label, point: lat === undefined ? null : { lat, lon: lon! } }, [
      ...new Set(sides.flatMap(nameForms)),
    ]);
  }
  const byKind = (a: number, b: number) =>
    kindOrder.indexOf(entries[a]!.kind) - kindOrder.indexOf(entries[b]!.kind);
  for (const list of [...exact.values(), ...inQuery.values()]) list.sort(byKind);
  return {
    entries,
    exact,
    inQuery,
    words,
    sortedWords: [...words.keys()].sort(),
    longestQueryForm: Math.max(...[...inQuery.keys()].map((k) => k.split(' ').length)),
  };
}

let cached: PlaceIndex | undefined;
export function placeIndex(): PlaceIndex {
  cached ??= build();
  return cached;
}
