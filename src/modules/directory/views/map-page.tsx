import type { PageContext } from '../../../http/request-context.ts';
import { href } from '../../../http/request-context.ts';
import { textIn } from '../../../shared/i18n-text.ts';
import { Layout } from '../../../views/layout.tsx';
import { geoReference } from '../../geo/index.ts';
import type { MapPoint } from '../presenters/page-data.ts';

/** The map of organisations; those that list no service yet only when `all` is asked for. */
export function MapPage({
  ctx,
  points,
  all = false,
}: {
  ctx: PageContext;
  points: MapPoint[];
  all?: boolean;
}) {
  const { t } = ctx;
  const communes = geoReference().communes;
  const byCommune = new Map<string, Map<string, string>>();
  for (const p of points) {
    const key = p.communeNis ?? '';
    if (!byCommune.has(key)) byCommune.set(key, new Map());
    byCommune.get(key)!.set(p.organisationId, textIn(p.name, ctx.locale));
  }
  const sorted = (names: Map<string, string>) =>
    [...names].sort((a, b) => a[1].localeCompare(b[1], ctx.locale));
  return (
    <Layout
      ctx={ctx}
      title={t.t('directory.map.title')}
      description={t.t('directory.map.lead')}
      scripts={['vendor/leaflet/leaflet.js', 'vendor/markercluster/leaflet.markercluster.js', 'map.js']}
      styles={[
        'vendor/leaflet/leaflet.css',
        'vendor/markercluster/MarkerCluster.css',
        'vendor/markercluster/MarkerCluster.Default.css',
      ]}
    >
      <h1>{t.html('directory.map.title')}</h1>
      <p class="lead" safe>
        {t.t('directory.map.lead_count', { count: points.length })}
      </p>
      <p class="map-scope">
        <span>{t.html(all ? 'directory.map.all_shown' : 'directory.map.with_services_only')}</span>{' '}
        <a href={href(ctx, '/map', all ? {} : { all: '1' })}>
          {t.html(all ? 'directory.map.show_with_services' : 'directory.map.show_all')}
        </a>
      </p>
      <div
        id="map"
        class="map big-map"
        data-map="directory"
        data-source={all ? '/api/v1/map' : '/api/v1/map?with_services=true'}
        data-communes="/api/v1/geo/communes"
        data-tiles={ctx.tiles.url}
        data-attribution={ctx.tiles.attribution}
        data-link={`/${ctx.locale}/organisations/`}
        role="region"
        aria-label={t.t('directory.map.label')}
      >
        <p class="map-fallback">{t.html('directory.map.no_js')}</p>
      </div>
      <section class="map-list" aria-labelledby="map-list-title">
        <h2 id="map-list-title">{t.html('directory.map.list_title')}</h2>
        {communes
          .filter((c) => byCommune.has(c.nis))
          .map((c) => (
            <details>
              <summary safe>
                {t.t('directory.map.commune_count', {
                  commune: c.name[ctx.locale],
                  count: byCommune.get(c.nis)!.size,
                })}
              </summary>
              <ul>
                {sorted(byCommune.get(c.nis)!).map(([id, name]) => (
                  <li>
                    <a href={href(ctx, `/organisations/${id}`)} safe>
                      {name}
                    </a>
                  </li>
                ))}
              </ul>
            </details>
          ))}
      </section>
    </Layout>
  );
}
