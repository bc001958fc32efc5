// The frame of a chart drawn on the server: a figure whose caption names the SVG picture for screen
// readers, scaled to the width of the page.
import type { Children } from '@kitajs/html';

export function ChartFigure({
  id,
  title,
  width,
  height,
  children,
}: {
  id: string;
  title: string;
  width: number;
  height: number;
  children: Children;
}) {
  return (
    <figure class="chart">
      <figcaption id={`${id}-title`} safe>
        {title}
      </figcaption>
      <svg
        viewBox={`0 0 ${width} ${height}`}
        role="img"
        aria-labelledby={`${id}-title`}
        preserveAspectRatio="xMinYMin meet"
      >
        {children}
      </svg>
    </figure>
  );
}
