// The evidence figures as the API gives them: JSON, CSV (one line per place) and GeoJSON (one
// feature per quartier). Hidden counts are null (JSON, GeoJSON) or empty with hidden = true (CSV).
import type { Locale } from '../../../shared/i18n-text.ts';
import type { EvidenceFigures, PlaceFigure } from './evidence-query.ts';
import { placeName, placeShapes, ratePerThousand, residents } from './evidence-places.ts';
import { smallestShown } from './suppression.ts';

/** The places a filter asks for: one quartier, a commune's places, or all of them. */
export function placesAsked(figures: EvidenceFigures): PlaceFigure[] {
  const { commune, quartier } = figures.filter;
  if (quartier !== null)
    return figures.places.filter((p) => p.level === 'quartier' && p.code === String(quartier));
  if (commune !== null) return figures.places.filter((p) => p.communeNis === commune);
  return figures.places;
}

function presentPlace(p: PlaceFigure) {
  return {
    level: p.level,
    code: p.code,
    commune: p.communeNis,
    count: p.count,
    residents: p.level === 'unknown' ? null : residents(p),
    rate_per_1000: ratePerThousand(p),
  };
}

export function evidenceJson(figures: EvidenceFigures, builtAt: Date) {
  const f = figures.filter;
  return {
    data: {
      filters: {
        source: f.source,
        theme: f.theme,
        commune: f.commune,
        quartier: f.quartier,
        from: f.from,
        to: f.to,
      },
      periods: figures.periods,
      smallest_shown: smallestShown,
      built_at: builtAt.toISOString(),
      total: presentPlace(figures.total),
      places: placesAsked(figures).map(presentPlace),
      themes: figures.themes.map((t) => ({ theme: t.theme, count: t.count })),
      sources: figures.sources.map((s) => ({ source: s.source, count: s.count })),
      months: figures.months.map((m) => ({ month: m.month, count: m.count })),
      rising: {
        last: { from: figures.rising.last[0], to: figures.rising.last[1] },
        before: { from: figures.rising.before[0], to: figures.rising.before[1] },
        communes: figures.rising.communes.map((c) => ({
          commune: c.communeNis,
          rising: c.rising,
          not_computable: c.unknown,
        })),
      },
    },
  };
}

/** RFC 4180: quoted when needed, and never read as a formula by a spreadsheet. */
function field(value: string | number | null): string {
  const text = value === null ? '' : String(value);
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function evidenceCsv(
  figures: EvidenceFigures,
  locale: Locale,
  unknownName: (commune: string) => string,
): string {
  const { filter } = figures;
  const header = [
    'level',
    'code',
    'name',
    'commune',
    'from',
    'to',
    'source',
    'theme',
    'count',
    'hidden',
    'residents',
    'rate_per_1000',
  ];
  const lines = placesAsked(figures).map((p) => {
    const shown = presentPlace(p);
    const name = p.level === 'unknown' ? unknownName(placeName(p, locale)) : placeName(p, locale);
    return [
      p.level,
      p.code,
      name,
      p.communeNis,
      filter.from,
      filter.to,
      filter.source ?? 'all',
      filter.theme ?? 'all',
      p.count,
      p.count === null ? 'true' : 'false',
      shown.residents,
      shown.rate_per_1000,
    ];
  });
  return [header, ...lines].map((line) => line.map(field).join(',')).join('\r\n') + '\r\n';
}

export function evidenceGeoJson(figures: EvidenceFigures, locale: Locale) {
  const asked = new Map(
    placesAsked(figures)
      .filter((p) => p.level === 'quartier')
      .map((p) => [p.code, p]),
  );
  return {
    type: 'FeatureCollection' as const,
    features: placeShapes()
      .filter((s) => s.level === 'quartier' && asked.has(s.code))
      .map((s) => {
        const p = asked.get(s.code)!;
        return {
          type: 'Feature' as const,
          geometry: s.geometry,
          properties: { ...presentPlace(p), name: placeName(p, locale) },
        };
      }),
  };
}
