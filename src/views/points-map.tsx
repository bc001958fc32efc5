// Points on a map of Brussels, drawn by map.js over the commune outlines; without JavaScript nothing
// shows, so a page never depends on it. A point with a link opens it from its popup.
import type { PageContext } from '../http/request-context.ts';

export interface MapPoint {
  lat: number | null;
  lon: number | null;
  label: string;
  href?: string;
}

export function PointsMap({
  ctx,
  points,
  class: className,
  label,
}: {
  ctx: PageContext;
  points: MapPoint[];
  class: string;
  label: string;
}) {
  return (
    <div
      class={`map ${className}`}
      data-map="points"
      data-communes="/api/v1/geo/communes"
      data-points={JSON.stringify(points)}
      data-tiles={ctx.tiles.url}
      data-attribution={ctx.tiles.attribution}
      role="region"
      aria-label={label}
    ></div>
  );
}
