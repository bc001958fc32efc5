// Brussels reference geography: the 19 communes, the 145 Monitoring des Quartiers zones and the
// 22 geographic postcodes. Loaded once from the files in ./data (see ./data/SOURCE.md); static, so
// it lives in memory rather than in the database.
import { readFileSync } from 'node:fs';
import bbox from '@turf/bbox';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { I18nText } from '../../shared/i18n-text.ts';

export interface Commune {
  /** NIS/REFNIS code, e.g. "21009" for Ixelles/Elsene. */
  nis: string;
  name: I18nText & { nl: string; fr: string; en: string };
  centre: { lat: number; lon: number };
}

export interface Quartier {
  /** Monitoring des Quartiers zone code (mdzone), 1-699 residential, 700+ parks, cemeteries, industry. */
  code: number;
  name: I18nText & { nl: string; fr: string; en: string };
  communeNis: string;
  centre: { lat: number; lon: number };
}

export interface Postcode {
  postcode: string;
  locality: { nl: string; fr: string; en: string };
  communeNis: string;
  centre: { lat: number; lon: number };
}

type Area = Feature<Polygon | MultiPolygon>;
interface Indexed<T> {
  item: T;
  feature: Area;
  box: [number, number, number, number];
}

const dataDir = new URL('./data/', import.meta.url);

function readGeoJson(file: string): FeatureCollection<Polygon | MultiPolygon, Record<string, unknown>> {
  return JSON.parse(readFileSync(new URL(file, dataDir), 'utf8'));
}

/** English has no official names of its own for the communes except the City of Brussels. */
const englishNames: Record<string, string> = { '21004': 'City of Brussels' };

/** Quartier names arrive in upper case ("MATONGE"); readers expect "Matonge", "Gare du Midi". */
function titleCase(name: string): string {
  return name
    .toLocaleLowerCase('fr')
    .replace(
      /(^|[\s\-'’(/.])(\p{L})/gu,
      (_m, sep: string, letter: string) => sep + letter.toLocaleUpperCase('fr'),
    )
    .replace(
      /\b(De|Du|Des|La|Le|Les|Van|Den|Der|Het|Sur|En|Aux|Au|Et|Ten|Ter)\b/g,
      (w, _x, offset: number) => (offset === 0 ? w : w.toLowerCase()),
    )
    .replace(/\b[IVX]{2,4}\b/gi, (numeral) => numeral.toUpperCase());
}

function indexed<T>(item: T, feature: Area): Indexed<T> {
  return { item, feature, box: bbox(feature) as [number, number, number, number] };
}

function contains(entry: Indexed<unknown>, lon: number, lat: number): boolean {
  const [minX, minY, maxX, maxY] = entry.box;
  if (lon < minX || lon > maxX || lat < minY || lat > maxY) return false;
  return booleanPointInPolygon([lon, lat], entry.feature);
}

/**
 * Each area of a GeoJSON file of ./data, as the item its properties `P` describe; every area there
 * also has the point inside it that names its centre.
 */
function loadAreas<P, T>(
  file: string,
  itemOf: (properties: P & { geo_point_2d: { lat: number; lon: number } }) => T,
): Indexed<T>[] {
  return readGeoJson(file).features.map((f) =>
    indexed(itemOf(f.properties as Parameters<typeof itemOf>[0]), f as Area),
  );
}

function loadCommunes(): Indexed<Commune>[] {
  return loadAreas<{ national_code: string; name_fr: string; name_nl: string }, Commune>(
    'communes.geojson',
    (p) => ({
      nis: p.national_code,
      name: { nl: p.name_nl, fr: p.name_fr, en: englishNames[p.national_code] ?? p.name_fr },
      centre: { lat: p.geo_point_2d.lat, lon: p.geo_point_2d.lon },
    }),
  );
}

function loadQuartiers(communes: Indexed<Commune>[]): Indexed<Quartier>[] {
  return loadAreas<{ mdzone: number; namefre: string; namedut: string }, Quartier>(
    'quartiers.geojson',
    (p) => {
      // The source's own commune columns are wrong for about a third of the zones: join spatially.
      const { lat, lon } = p.geo_point_2d;
      const commune = communes.find((c) => contains(c, lon, lat));
      if (!commune) throw new Error(`quartier ${p.mdzone} lies outside every commune`);
      const fr = titleCase(p.namefre);
      return {
        code: Math.round(p.mdzone),
        name: { nl: titleCase(p.namedut), fr, en: fr },
        communeNis: commune.item.nis,
        centre: { lat, lon },
      };
    },
  );
}

function loadPostcodes(): Postcode[] {
  const [, ...rows] = readFileSync(new URL('brussels-postcodes.csv', dataDir), 'utf8').trim().split('\n');
  return rows.map((row) => {
    const [postcode, localityFr, localityNl, nis, , , lat, lon] = row.split(',');
    return {
      postcode: postcode!,
      locality: { nl: localityNl!, fr: localityFr!, en: localityFr! },
      communeNis: nis!,
      centre: { lat: Number(lat), lon: Number(lon) },
    };
  });
}

export interface GeoReference {
  communes: Commune[];
  quartiers: Quartier[];
  postcodes: Postcode[];
  /** The polygons, for maps. */
  communeAreas: { commune: Commune; feature: Area }[];
  quartierAreas: { quartier: Quartier; feature: Area }[];
  /** The commune and quartier a point lies in; null outside the Brussels-Capital Region. */
  locate(lat: number, lon: number): { commune: Commune; quartier: Quartier | null } | null;
  commune(nis: string): Commune | undefined;
  quartier(code: number): Quartier | undefined;
  postcode(code: string): Postcode | undefined;
}

let cached: GeoReference | undefined;

export function geoReference(): GeoReference {
  if (cached) return cached;
  const communeIndex = loadCommunes();
  const quartierIndex = loadQuartiers(communeIndex);
  const postcodes = loadPostcodes();
  const byNis = new Map(communeIndex.map((c) => [c.item.nis, c.item]));
  const byCode = new Map(quartierIndex.map((q) => [q.item.code, q.item]));
  const byPostcode = new Map(postcodes.map((p) => [p.postcode, p]));
  const collator = new Intl.Collator('fr');
  cached = {
    communes: communeIndex.map((c) => c.item).sort((a, b) => collator.compare(a.name.fr, b.name.fr)),
    quartiers: quartierIndex.map((q) => q.item).sort((a, b) => collator.compare(a.name.fr, b.name.fr)),
    postcodes,
    communeAreas: communeIndex.map((c) => ({ commune: c.item, feature: c.feature })),
    quartierAreas: quartierIndex.map((q) => ({ quartier: q.item, feature: q.feature })),
    locate(lat, lon) {
      if (!Number.isFinite(lat) || !Number.isFinite(lon)) return null;
      const commune = communeIndex.find((c) => contains(c, lon, lat));
      if (!commune) return null;
      const quartier = quartierIndex.find(
        (q) => q.item.communeNis === commune.item.nis && contains(q, lon, lat),
      );
      // A point on a commune border can fall in a neighbouring commune's quartier polygon.
      const anyQuartier = quartier ?? quartierIndex.find((q) => contains(q, lon, lat));
      return { commune: commune.item, quartier: anyQuartier?.item ?? null };
    },
    commune: (nis) => byNis.get(nis),
    quartier: (code) => byCode.get(code),
    postcode: (code) => byPostcode.get(code),
  };
  return cached;
}
