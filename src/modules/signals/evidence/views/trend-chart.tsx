// Month by month, as columns drawn on the server (SVG); a hidden month is a hatched stub marked
// "hidden". The table with the same figures follows it on the page.
import { scaleBand, scaleLinear } from 'd3-scale';
import type { PageContext } from '../../../../http/request-context.ts';
import { ChartFigure } from '../../../../views/chart-figure.tsx';
import { Hatch } from './choropleth.tsx';

const width = 640;
const height = 220;
const left = 44;
const bottom = 28;

export function TrendChart({
  ctx,
  id,
  title,
  months,
  monthLabel,
}: {
  ctx: PageContext;
  id: string;
  title: string;
  months: { month: string; count: number | null }[];
  monthLabel: (month: string) => string;
}) {
  const { t } = ctx;
  const max = Math.max(5, ...months.map((m) => m.count ?? 0));
  const y = scaleLinear()
    .domain([0, max])
    .nice()
    .range([height - bottom, 8]);
  const x = scaleBand()
    .domain(months.map((m) => m.month))
    .range([left, width - 8])
    .paddingInner(0.2);
  // At most six labels under the columns, so that they never run into each other.
  const every = Math.max(1, Math.ceil(months.length / 6));
  return (
    <ChartFigure id={id} title={title} width={width} height={height}>
      <defs>
        <Hatch id={`${id}-hatch`} />
      </defs>
      {y
        .ticks(4)
        .filter(Number.isInteger)
        .map((tick) => (
          <g>
            <line
              class="chart-grid"
              x1={String(left)}
              x2={String(width - 8)}
              y1={String(y(tick))}
              y2={String(y(tick))}
            />
            <text class="chart-tick" x={String(left - 6)} y={String(y(tick) + 4)} text-anchor="end" safe>
              {t.number(tick)}
            </text>
          </g>
        ))}
      {months.map((m, i) => {
        const left = x(m.month) ?? 0;
        const band = x.bandwidth();
        return (
          <g>
            {m.count === null ? (
              <rect
                x={String(left)}
                y={String(height - bottom - 14)}
                width={String(band)}
                height="14"
                fill={`url(#${id}-hatch)`}
              >
                <title safe>{`${monthLabel(m.month)}: ${t.t('signals.evidence.hidden_short')}`}</title>
              </rect>
            ) : (
              <rect
                class="chart-bar"
                x={String(left)}
                y={String(y(m.count))}
                width={String(band)}
                height={String(Math.max(0, height - bottom - y(m.count)))}
              >
                <title safe>{`${monthLabel(m.month)}: ${t.number(m.count)}`}</title>
              </rect>
            )}
            {i % every === 0 ? (
              <text
                class="chart-tick"
                x={String(left + band / 2)}
                y={String(height - 8)}
                text-anchor="middle"
                safe
              >
                {monthLabel(m.month)}
              </text>
            ) : (
              ''
            )}
          </g>
        );
      })}
    </ChartFigure>
  );
}
