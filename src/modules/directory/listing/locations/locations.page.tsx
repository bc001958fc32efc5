// The places of a listing and which services are given at each. Each form has a map whose marker
// writes the coordinates (src/http/assets/map.js); without JavaScript the coordinate
// fields are there as they are.
import type { PageContext } from '../../../../http/request-context.ts';
import { type I18nText, pickText } from '../../../../shared/i18n-text.ts';
import { Notice } from '../../../../views/forms.tsx';
import { PartsPage, type PartsPageProps } from '../parts-page.tsx';
import { spread } from '../listing-forms.ts';

export interface LocationView {
  id: string;
  name: I18nText | null;
  address: string | null;
  postcode: string | null;
  locality: string | null;
  latitude: number | null;
  longitude: number | null;
  communeNis: string | null;
  /** How the position was found; an approximate one ("street", "postcode") is not in the form's fields. */
  placement: 'coordinates' | 'street' | 'postcode' | null;
  accessibility: I18nText | null;
  transport: I18nText | null;
  serviceIds: string[];
}

/** What the page says about a place's position: missing, or put on its street approximately. */
function PositionNote({ ctx, place }: { ctx: PageContext; place: LocationView }) {
  if (!place.communeNis) return <Notice tone="warn" text={ctx.t.t('directory.locations.no_position')} />;
  if (place.placement === 'street')
    return <Notice tone="warn" text={ctx.t.t('directory.locations.placed_street')} />;
  if (place.placement === 'postcode')
    return <Notice tone="warn" text={ctx.t.t('directory.locations.placed_postcode')} />;
  return '';
}

/** The map of one form: the marker stands where the place is and writes the coordinates when moved. */
function PlaceMap({ ctx, place }: { ctx: PageContext; place: LocationView | undefined }) {
  const approximate = place && place.placement !== 'coordinates' && place.latitude !== null;
  return (
    <div
      class="map small-map location-map"
      data-map="location"
      data-communes="/api/v1/geo/communes"
      data-lat={approximate ? String(place.latitude) : undefined}
      data-lon={approximate ? String(place.longitude) : undefined}
      data-tiles={ctx.tiles.url}
      data-attribution={ctx.tiles.attribution}
      data-marker={ctx.t.t('directory.locations.marker')}
      role="region"
      aria-label={ctx.t.t('directory.locations.map_label')}
    ></div>
  );
}

const approximate = (l: LocationView) => l.placement === 'street' || l.placement === 'postcode';

export function LocationsPage({
  services,
  ...page
}: PartsPageProps<LocationView> & { services: { id: string; name: I18nText }[] }) {
  const { ctx } = page;
  const { t } = ctx;
  return (
    <PartsPage
      page={page}
      kind="locations"
      title={(organisation) => t.t('directory.locations.title', { organisation })}
      heading={(l) => [l.address, l.postcode, l.locality].filter(Boolean).join(', ')}
      removeName={(l) => l.address ?? ''}
      note={(l) => <PositionNote ctx={ctx} place={l} />}
      scripts={['vendor/leaflet/leaflet.js', 'map.js']}
      styles={['vendor/leaflet/leaflet.css']}
      valuesOf={(l) => ({
        ...spread('name', l.name),
        ...spread('accessibility', l.accessibility),
        ...spread('transport', l.transport),
        address: l.address ?? '',
        postcode: l.postcode ?? '',
        locality: l.locality ?? '',
        // An approximate position is placed again from the street at each save, until someone gives one.
        latitude: l.latitude === null || approximate(l) ? '' : String(l.latitude),
        longitude: l.longitude === null || approximate(l) ? '' : String(l.longitude),
        services: l.serviceIds,
      })}
      fields={(f, place) => (
        <>
          {f.inLanguages('name', t.t('directory.locations.name'), { maxlength: 1000 })}
          {f.text('address', t.t('directory.locations.address'), {
            hint: t.t('directory.locations.address_hint'),
            maxlength: 200,
          })}
          {f.text('postcode', t.t('directory.locations.postcode'), { maxlength: 4 })}
          {f.text('locality', t.t('directory.locations.locality'), { maxlength: 100 })}
          <div class="side-by-side">
            {f.text('latitude', t.t('directory.locations.latitude'), {
              hint: t.t('directory.locations.coordinates_hint'),
              maxlength: 20,
            })}
            {f.text('longitude', t.t('directory.locations.longitude'), { maxlength: 20 })}
          </div>
          <PlaceMap ctx={ctx} place={place} />
          {f.inLanguages('accessibility', t.t('directory.locations.accessibility'), { maxlength: 1000 })}
          {f.inLanguages('transport', t.t('directory.locations.transport'), { maxlength: 1000 })}
          {services.length
            ? f.choices(
                'services',
                t.t('directory.locations.services'),
                services.map((s) => ({ value: s.id, label: pickText(s.name, ctx.locale)?.text ?? '' })),
                { multiple: true },
              )
            : ''}
        </>
      )}
      addTitle={t.t('directory.locations.add')}
    />
  );
}
