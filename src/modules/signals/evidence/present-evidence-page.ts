// What the evidence page shows, with names in the reader's language: the views get this, never the cube.
import type { Locale } from '../../../shared/i18n-text.ts';
import type { Theme } from '../../directory/index.ts';
import { geoReference } from '../../geo/index.ts';
import { evidenceSources } from '../evidence-source.ts';
import type { EvidenceFigures, PlaceFigure } from './evidence-query.ts';
import { placeName, ratePerThousand, residents } from './evidence-places.ts';

export type Measure = 'count' | 'rate';
export type MapLevel = 'quartier' | 'commune';

export interface PlaceRow {
  level: PlaceFigure['level'];
  code: string;
  name: string;
  count: number | null;
  rate: number | null;
  residents: number | null;
}

export interface EvidencePageData {
  filter: EvidenceFigures['filter'];
  measure: Measure;
  level: MapLevel;
  currentMonth: string;
  builtAt: Date;
  themes: { code: string; name: string }[];
  communes: { nis: string; name: string }[];
  periods: string[];
  /** The chosen place's name; null for the whole region. */
  placeName: string | null;
  themeName: string | null;
  total: PlaceRow;
  /** The places the map colours (quartiers or communes). */
  mapPlaces: PlaceRow[];
  /** Communes with their quartiers and "not known", for the table. */
  table: { commune: PlaceRow; parts: PlaceRow[] }[];
  byTheme: { name: string; count: number | null }[];
  bySource: { source: string; count: number | null }[];
  months: { month: string; count: number | null }[];
  rising: {
    last: [string, string];
    before: [string, string];
    communes: { name: string; rising: { name: string; last: number; before: number }[]; unknown: string[] }[];
  };
  /** The same filters for the API's JSON, CSV and GeoJSON. */
  query: string;
}

export function presentEvidencePage(
  figures: EvidenceFigures,
  options: {
    locale: Locale;
    themes: Theme[];
    measure: Measure;
    level: MapLevel;
    currentMonth: string;
    builtAt: Date;
    unknownName: (commune: string) => string;
  },
): EvidencePageData {
  const { locale } = options;
  const geo = geoReference();
  const themeName = new Map(options.themes.map((t) => [t.code, t.name[locale] ?? t.code]));
  const row = (p: PlaceFigure): PlaceRow => ({
    level: p.level,
    code: p.code,
    name: p.level === 'unknown' ? options.unknownName(placeName(p, locale)) : placeName(p, locale),
    count: p.count,
    rate: ratePerThousand(p),
    residents: p.level === 'unknown' ? null : residents(p),
  });
  const byName = (a: PlaceRow, b: PlaceRow) =>
    a.level === 'unknown' ? 1 : b.level === 'unknown' ? -1 : a.name.localeCompare(b.name, locale);
  const rows = figures.places.map(row);
  const communeRows = rows.filter((p) => p.level === 'commune').sort(byName);
  const { filter } = figures;
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries({
    source: filter.source,
    theme: filter.theme,
    commune: filter.commune,
    quartier: filter.quartier,
    from: filter.from,
    to: filter.to,
  }))
    if (value !== null) query.set(key, String(value));
  const communeOf = (nis: string) => geo.commune(nis)?.name[locale] ?? nis;
  return {
    filter,
    measure: options.measure,
    level: options.level,
    currentMonth: options.currentMonth,
    builtAt: options.builtAt,
    themes: options.themes.map((t) => ({ code: t.code, name: themeName.get(t.code)! })),
    communes: geo.communes.map((c) => ({ nis: c.nis, name: c.name[locale] })),
    periods: figures.periods,
    placeName:
      filter.quartier !== null
        ? placeName({ level: 'quartier', code: String(filter.quartier) }, locale)
        : filter.commune !== null
          ? communeOf(filter.commune)
          : null,
    themeName: filter.theme === null ? null : (themeName.get(filter.theme) ?? null),
    total: row(figures.total),
    mapPlaces: rows.filter((p) => p.level === options.level),
    table: communeRows.map((commune) => ({
      commune,
      parts: rows
        .filter(
          (p, i) =>
            (p.level === 'quartier' || p.level === 'unknown') &&
            figures.places[i]!.communeNis === commune.code,
        )
        .sort(byName),
    })),
    byTheme: figures.themes.map((t) => ({ name: themeName.get(t.theme) ?? t.theme, count: t.count })),
    bySource: evidenceSources.map((s, i) => ({ source: s, count: figures.sources[i]!.count })),
    months: figures.months,
    rising: {
      last: figures.rising.last,
      before: figures.rising.before,
      communes: figures.rising.communes
        .map((c) => ({
          name: communeOf(c.communeNis),
          rising: c.rising.map((r) => ({
            name: themeName.get(r.theme) ?? r.theme,
            last: r.last,
            before: r.before,
          })),
          unknown: c.unknown.map((code) => themeName.get(code) ?? code),
        }))
        .sort((a, b) => a.name.localeCompare(b.name, locale)),
    },
    query: query.toString(),
  };
}
