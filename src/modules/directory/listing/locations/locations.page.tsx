// The places of a listing and which services are given at each.
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
  accessibility: I18nText | null;
  transport: I18nText | null;
  serviceIds: string[];
}

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
      note={(l) => (l.communeNis ? '' : <Notice tone="warn" text={t.t('directory.locations.no_position')} />)}
      valuesOf={(l) => ({
        ...spread('name', l.name),
        ...spread('accessibility', l.accessibility),
        ...spread('transport', l.transport),
        address: l.address ?? '',
        postcode: l.postcode ?? '',
        locality: l.locality ?? '',
        latitude: l.latitude === null ? '' : String(l.latitude),
        longitude: l.longitude === null ? '' : String(l.longitude),
        services: l.serviceIds,
      })}
      fields={(f) => (
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
