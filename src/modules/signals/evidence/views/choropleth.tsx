// Brussels coloured by quartier or by commune, drawn on the server as SVG: it shows without
// JavaScript and prints; with JavaScript, evidence-map.js puts the same colours on a Leaflet map.
// Hidden counts are hatched, and the legend says why.
import type { PageContext } from '../../../../http/request-context.ts';
import type { MapLevel, Measure, PlaceRow } from '../present-evidence-page.ts';
import { communeOutlinesId, mapSize, placesSprite, shapeCodes, shapeId } from './map-paths.ts';

/** Light to dark, the brand's teal at the end; white is 0. */
export const palette = ['#e3f1ef', '#a9d6cf', '#64b1a7', '#2b8479', '#0b5d5b'];

export interface Classes {
  /** Upper bounds of the classes but the last. */
  breaks: number[];
  classOf(value: number): number;
}

/** Up to five classes from the values shown (above 0), cut at their quintiles. */
export function classesOf(values: number[]): Classes {
  const sorted = values.filter((v) => v > 0).sort((a, b) => a - b);
  const breaks: number[] = [];
  for (let k = 1; k < palette.length; k++) {
    const at = sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * k) / palette.length))];
    if (
      at !== undefined &&
      (breaks.length === 0 || at > breaks[breaks.length - 1]!) &&
      at < sorted[sorted.length - 1]!
    )
      breaks.push(at);
  }
  return {
    breaks,
    classOf: (value) => {
      const index = breaks.findIndex((b) => value <= b);
      const klass = index < 0 ? breaks.length : index;
      // Few classes: spread them over the palette so that the darkest is the most.
      return breaks.length ? Math.round((klass * (palette.length - 1)) / breaks.length) : palette.length - 1;
    },
  };
}

/** Grey stripes on light grey: a hidden count. */
export function Hatch({ id }: { id: string }) {
  return (
    <pattern id={id} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
      <rect width="6" height="6" fill="#f2f2f2" />
      <line x1="0" y1="0" x2="0" y2="6" stroke="#6b6b6b" stroke-width="2" />
    </pattern>
  );
}

export function valueOf(place: PlaceRow, measure: Measure): number | null {
  return measure === 'rate' ? place.rate : place.count;
}

export function Choropleth({
  ctx,
  id,
  places,
  level,
  measure,
  title,
}: {
  ctx: PageContext;
  id: string;
  places: PlaceRow[];
  level: MapLevel;
  measure: Measure;
  title: string;
}) {
  const { t } = ctx;
  const classes = classesOf(places.map((p) => valueOf(p, measure)).filter((v): v is number => v !== null));
  const format = (n: number) => t.number(n);
  const { width, height } = mapSize();
  const sprite = placesSprite().url;
  const byCode = new Map(places.map((p) => [p.code, p]));
  const fillOf = (p: PlaceRow | undefined): { fill: string; note: string } => {
    if (!p) return { fill: '#ffffff', note: '' };
    if (p.count === null) return { fill: `url(#${id}-hatch)`, note: t.t('signals.evidence.hidden_short') };
    const value = valueOf(p, measure);
    if (value === null) return { fill: '#d9d9d9', note: t.t('signals.evidence.no_rate') };
    if (value === 0) return { fill: '#ffffff', note: format(0) };
    return { fill: palette[classes.classOf(value)]!, note: format(value) };
  };
  const legend: { fill: string; label: string }[] = [];
  let lower = 0;
  classes.breaks.forEach((b, i) => {
    legend.push({
      fill: palette[classes.classOf(b)]!,
      label: `${i === 0 ? '> 0' : `> ${format(lower)}`} – ${format(b)}`,
    });
    lower = b;
  });
  const values = places.map((p) => valueOf(p, measure)).filter((v): v is number => v !== null && v > 0);
  if (values.length)
    legend.push({
      fill: palette[palette.length - 1]!,
      label: classes.breaks.length
        ? `> ${format(lower)}`
        : `${format(Math.min(...values))} – ${format(Math.max(...values))}`,
    });
  return (
    <figure class="evidence-figure">
      <figcaption id={`${id}-title`} safe>
        {title}
      </figcaption>
      <div
        class="evidence-map"
        data-level={level}
        data-outlines={`/api/v1/geo/${level}s`}
        data-tiles={ctx.tiles.url ?? ''}
      >
        <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby={`${id}-title`} class="choropleth">
          <defs>
            <Hatch id={`${id}-hatch`} />
          </defs>
          {shapeCodes(level).map((code) => {
            const place = byCode.get(code);
            const { fill, note } = fillOf(place);
            const label = place ? `${place.name}: ${note}` : '';
            return (
              <use href={`${sprite}#${shapeId(level, code)}`} fill={fill} class="area" data-code={code}>
                <title safe>{label}</title>
              </use>
            );
          })}
          {level === 'quartier' ? <use href={`${sprite}#${communeOutlinesId}`} class="outline" /> : ''}
        </svg>
      </div>
      <ul class="legend" data-hatch={`${id}-legend-hatch`}>
        {legend.map((item) => (
          <li>
            <svg width="18" height="14" aria-hidden="true">
              <rect width="18" height="14" fill={item.fill} stroke="#6b6b6b" />
            </svg>
            <span safe>{item.label}</span>
          </li>
        ))}
        <li>
          <svg width="18" height="14" aria-hidden="true">
            <rect width="18" height="14" fill="#ffffff" stroke="#6b6b6b" />
          </svg>
          <span safe>{format(0)}</span>
        </li>
        <li>
          <svg width="18" height="14" aria-hidden="true">
            {/* Its own hatching: the map's is not drawn while Leaflet shows the map instead. */}
            <defs>
              <Hatch id={`${id}-legend-hatch`} />
            </defs>
            <rect width="18" height="14" fill={`url(#${id}-legend-hatch)`} stroke="#6b6b6b" />
          </svg>
          <span>{t.html('signals.evidence.legend_hidden')}</span>
        </li>
        {measure === 'rate' ? (
          <li>
            <svg width="18" height="14" aria-hidden="true">
              <rect width="18" height="14" fill="#d9d9d9" stroke="#6b6b6b" />
            </svg>
            <span>{t.html('signals.evidence.no_rate')}</span>
          </li>
        ) : (
          ''
        )}
      </ul>
    </figure>
  );
}
