// The places of a listing and which services are given at each.
import type { PageContext } from '../../../../http/request-context.ts';
import type { FieldProblem } from '../../../../shared/errors.ts';
import { type I18nText, locales, pickText } from '../../../../shared/i18n-text.ts';
import { languageNames } from '../../../../views/components.tsx';
import { Field, Form, Notice } from '../../../../views/forms.tsx';
import { ListingLayout } from '../listing-parts.tsx';
import { PartCards } from '../part-cards.tsx';
import { type FormValues, list, one, partPrefix } from '../listing-forms.ts';

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

function LocationForm({
  ctx,
  organisationId,
  location,
  values,
  problems,
  services,
}: {
  ctx: PageContext;
  organisationId: string;
  location?: LocationView;
  values: FormValues;
  problems: FieldProblem[];
  services: { id: string; name: I18nText }[];
}) {
  const { t } = ctx;
  const prefix = partPrefix('locations', location?.id);
  const scoped = problems.map((p) => ({ ...p, field: `${prefix}-${p.field}` }));
  const v = (name: string) => one(values[name]);
  const texts = (field: string, legend: string) => (
    <fieldset class="languages-side-by-side">
      <legend safe>{legend}</legend>
      <div class="side-by-side">
        {locales.map((l) => (
          <Field
            ctx={ctx}
            name={`${prefix}-${field}.${l}`}
            label={languageNames[l]}
            value={v(`${field}.${l}`)}
            problems={scoped}
            lang={l}
            maxlength={1000}
          />
        ))}
      </div>
    </fieldset>
  );
  return (
    <Form
      ctx={ctx}
      action={`/${ctx.locale}/manage/organisations/${organisationId}/locations`}
      submit={location ? t.t('directory.edit.save') : t.t('directory.locations.add')}
      wide
      browserChecks
    >
      {location ? <input type="hidden" name="location_id" value={location.id} /> : ''}
      {texts('name', t.t('directory.locations.name'))}
      <Field
        ctx={ctx}
        name={`${prefix}-address`}
        label={t.t('directory.locations.address')}
        hint={t.t('directory.locations.address_hint')}
        value={v('address')}
        problems={scoped}
        maxlength={200}
      />
      <Field
        ctx={ctx}
        name={`${prefix}-postcode`}
        label={t.t('directory.locations.postcode')}
        value={v('postcode')}
        problems={scoped}
        maxlength={4}
      />
      <Field
        ctx={ctx}
        name={`${prefix}-locality`}
        label={t.t('directory.locations.locality')}
        value={v('locality')}
        problems={scoped}
        maxlength={100}
      />
      <div class="side-by-side">
        <Field
          ctx={ctx}
          name={`${prefix}-latitude`}
          label={t.t('directory.locations.latitude')}
          hint={t.t('directory.locations.coordinates_hint')}
          value={v('latitude')}
          problems={scoped}
          maxlength={20}
        />
        <Field
          ctx={ctx}
          name={`${prefix}-longitude`}
          label={t.t('directory.locations.longitude')}
          value={v('longitude')}
          problems={scoped}
          maxlength={20}
        />
      </div>
      {texts('accessibility', t.t('directory.locations.accessibility'))}
      {texts('transport', t.t('directory.locations.transport'))}
      {services.length ? (
        <fieldset class="checks">
          <legend>{t.html('directory.locations.services')}</legend>
          {services.map((s) => (
            <label class="check">
              <input
                type="checkbox"
                name={`${prefix}-services`}
                value={s.id}
                checked={list(values.services).includes(s.id) ? true : undefined}
              />{' '}
              <span safe>{pickText(s.name, ctx.locale)?.text ?? ''}</span>
            </label>
          ))}
        </fieldset>
      ) : (
        ''
      )}
    </Form>
  );
}

export function LocationsPage({
  ctx,
  organisationId,
  name,
  locations,
  services,
  problems = [],
  values = {},
  failedId,
  saved,
}: {
  ctx: PageContext;
  organisationId: string;
  name: I18nText;
  locations: LocationView[];
  services: { id: string; name: I18nText }[];
  problems?: FieldProblem[];
  values?: FormValues;
  failedId?: string;
  saved?: boolean;
}) {
  const { t } = ctx;
  const title = t.t('directory.locations.title', { organisation: pickText(name, ctx.locale)?.text ?? '' });
  const valuesOf = (l: LocationView): FormValues => ({
    ...Object.fromEntries(
      (['name', 'accessibility', 'transport'] as const).flatMap((f) =>
        locales.map((lang) => [`${f}.${lang}`, l[f]?.[lang] ?? '']),
      ),
    ),
    address: l.address ?? '',
    postcode: l.postcode ?? '',
    locality: l.locality ?? '',
    latitude: l.latitude === null ? '' : String(l.latitude),
    longitude: l.longitude === null ? '' : String(l.longitude),
    services: l.serviceIds,
  });
  return (
    <ListingLayout ctx={ctx} title={title} organisationId={organisationId} saved={saved}>
      <PartCards
        ctx={ctx}
        organisationId={organisationId}
        kind="locations"
        parts={locations}
        heading={(l) => [l.address, l.postcode, l.locality].filter(Boolean).join(', ')}
        removeName={(l) => l.address ?? ''}
        note={(l) =>
          l.communeNis ? '' : <Notice tone="warn" text={t.t('directory.locations.no_position')} />
        }
        valuesOf={valuesOf}
        form={(form) => (
          <LocationForm
            ctx={ctx}
            organisationId={organisationId}
            location={form.part}
            values={form.values}
            problems={form.problems}
            services={services}
          />
        )}
        addTitle={t.t('directory.locations.add')}
        failedId={failedId}
        values={values}
        problems={problems}
      />
    </ListingLayout>
  );
}
