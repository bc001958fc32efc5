// A horizontal bar chart drawn on the server as SVG: it shows without JavaScript, prints, and costs
// a phone nothing. d3-scale places the bars and picks round ticks. The table it comes from always
// follows it on the page; the chart is the picture, the table the figures (and what screen readers read).
import { scaleBand, scaleLinear } from 'd3-scale';
import { ChartFigure } from './chart-figure.tsx';

export interface Bar {
  label: string;
  /** null: a count hidden because it is under 5. */
  value: number | null;
}

const width = 640;
const labelWidth = 220;
const barHeight = 22;
const gap = 8;
const axis = 24;

export function BarChart({
  id,
  title,
  bars,
  hiddenLabel,
  formatNumber,
}: {
  id: string;
  title: string;
  bars: Bar[];
  /** What a hidden count shows, e.g. "fewer than 5". */
  hiddenLabel: string;
  formatNumber: (n: number) => string;
}) {
  const height = bars.length * (barHeight + gap) + axis;
  // Counts: at least a scale of 5, and whole-number ticks only.
  const max = Math.max(5, ...bars.map((b) => b.value ?? 0));
  const x = scaleLinear()
    .domain([0, max])
    .nice()
    .range([labelWidth, width - 48]);
  const y = scaleBand()
    .domain(bars.map((_, i) => String(i)))
    .range([0, height - axis])
    .paddingInner(gap / (barHeight + gap));
  return (
    <ChartFigure id={id} title={title} width={width} height={height}>
      {x
        .ticks(5)
        .filter(Number.isInteger)
        .map((tick) => (
          <g>
            <line
              class="chart-grid"
              x1={String(x(tick))}
              x2={String(x(tick))}
              y1="0"
              y2={String(height - axis)}
            />
            <text class="chart-tick" x={String(x(tick))} y={String(height - 6)} text-anchor="middle" safe>
              {formatNumber(tick)}
            </text>
          </g>
        ))}
      {bars.map((bar, i) => {
        const top = y(String(i)) ?? 0;
        const middle = top + y.bandwidth() / 2 + 5;
        return (
          <g>
            <text class="chart-label" x={String(labelWidth - 8)} y={String(middle)} text-anchor="end" safe>
              {bar.label.length > 30 ? `${bar.label.slice(0, 29)}…` : bar.label}
            </text>
            {bar.value === null ? (
              <text class="chart-hidden" x={String(labelWidth + 4)} y={String(middle)} safe>
                {hiddenLabel}
              </text>
            ) : (
              <>
                <rect
                  class="chart-bar"
                  x={String(labelWidth)}
                  y={String(top)}
                  width={String(Math.max(0, x(bar.value) - labelWidth))}
                  height={String(y.bandwidth())}
                />
                <text class="chart-value" x={String(x(bar.value) + 4)} y={String(middle)} safe>
                  {formatNumber(bar.value)}
                </text>
              </>
            )}
          </g>
        );
      })}
    </ChartFigure>
  );
}
