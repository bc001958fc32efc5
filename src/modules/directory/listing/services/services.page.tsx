// The services of a listing: the list, and the form for one service.
import type { PageContext } from '../../../../http/request-context.ts';
import type { FieldProblem } from '../../../../shared/errors.ts';
import { type I18nText, locales, pickText } from '../../../../shared/i18n-text.ts';
import { label, vocabularyOptions } from '../../../../views/components.tsx';
import { type FormValues, one } from '../../../../shared/form-values.ts';
import { formFields } from '../../../../views/form-fields.tsx';
import { ErrorSummary, Form } from '../../../../views/forms.tsx';
import { Completeness, ListingLayout } from '../listing-parts.tsx';

/** The service's longer texts that share one shape: how to apply, who may, what it costs. */
const longTexts = [
  ['applicationProcess', 'directory.edit.application_process'],
  ['eligibilityDescription', 'directory.edit.eligibility'],
  ['feesDescription', 'directory.edit.fees'],
] as const;

export function EditServicePage({
  ctx,
  serviceId,
  organisationId,
  name,
  values,
  problems = [],
  saved,
  vocabularies,
}: {
  ctx: PageContext;
  /** Unset for a new service. */
  serviceId?: string;
  organisationId: string;
  name: I18nText;
  values: FormValues;
  problems?: FieldProblem[];
  saved?: boolean;
  vocabularies: {
    statuses: readonly string[];
    targetGroups: readonly string[];
    accessConditions: readonly string[];
    /** The 19 communes, named in the reader's language. */
    communes: { value: string; label: string }[];
    themes: { code: string; name: I18nText; children: { code: string; name: I18nText }[] }[];
  };
}) {
  const { t } = ctx;
  const title = serviceId
    ? t.t('directory.edit.service_title', { service: pickText(name, ctx.locale)?.text ?? '' })
    : t.t('directory.edit.new_service');
  const action = serviceId
    ? `/${ctx.locale}/manage/services/${serviceId}`
    : `/${ctx.locale}/manage/organisations/${organisationId}/services/new`;
  const f = formFields(ctx, { values, problems });
  const texts = ['name', 'description', 'applicationProcess', 'feesDescription', 'eligibilityDescription'];
  const textsOf = (field: string): I18nText =>
    Object.fromEntries(locales.map((l) => [l, one(values[`${field}.${l}`]) ?? ''])) as I18nText;
  return (
    <ListingLayout ctx={ctx} title={title} organisationId={organisationId} saved={saved}>
      {serviceId ? (
        <p>
          <a href={`/${ctx.locale}/manage/services/${serviceId}/hours`}>{t.html('directory.hours.link')}</a>
        </p>
      ) : (
        ''
      )}
      <ErrorSummary ctx={ctx} problems={problems} />
      <Completeness ctx={ctx} texts={texts.map(textsOf)} />
      <Form ctx={ctx} action={action} submit={t.t('directory.edit.save')} wide>
        {f.inLanguages('name', t.t('directory.edit.service_name'), { maxlength: 200 })}
        {f.inLanguages('description', t.t('directory.edit.description'), {
          hint: t.t('directory.edit.description_hint'),
          long: true,
          maxlength: 5000,
        })}
        {longTexts.map(([name, legend]) => f.inLanguages(name, t.t(legend), { long: true, maxlength: 1000 }))}
        {f.select(
          'status',
          t.t('directory.edit.status'),
          vocabularyOptions(ctx, 'directory.status', vocabularies.statuses),
        )}
        <fieldset class="themes-choice" id="f-themes">
          <legend>{t.html('directory.edit.themes')}</legend>
          <p class="hint">{t.html('directory.edit.themes_hint')}</p>
          {vocabularies.themes.map((theme) => (
            <details
              open={
                [theme, ...theme.children].some((c) => f.checked('themes').includes(c.code))
                  ? true
                  : undefined
              }
            >
              <summary safe>{pickText(theme.name, ctx.locale)?.text ?? theme.code}</summary>
              {[theme, ...theme.children].map((c, i) => (
                <label class="check">
                  <input
                    type="checkbox"
                    name="themes"
                    value={c.code}
                    checked={f.checked('themes').includes(c.code) ? true : undefined}
                  />{' '}
                  <span safe>
                    {i === 0
                      ? t.t('directory.edit.theme_general')
                      : (pickText(c.name, ctx.locale)?.text ?? c.code)}
                  </span>
                </label>
              ))}
            </details>
          ))}
        </fieldset>
        {f.choices(
          'target_groups',
          t.t('directory.edit.target_groups'),
          vocabularyOptions(ctx, 'directory.target', vocabularies.targetGroups),
          { multiple: true },
        )}
        {f.choices(
          'access_conditions',
          t.t('directory.edit.access_conditions'),
          vocabularyOptions(ctx, 'directory.access', vocabularies.accessConditions),
          { multiple: true },
        )}
        {f.choices('resident_communes', t.t('directory.edit.resident_communes'), vocabularies.communes, {
          multiple: true,
          hint: t.t('directory.edit.resident_communes_hint'),
        })}
        {f.text('languages', t.t('directory.edit.languages'), {
          hint: t.t('directory.edit.languages_hint'),
          maxlength: 300,
        })}
        {f.email(t.t('directory.register_org.email'))}
        {f.url('url', t.t('directory.register_org.website'))}
      </Form>
    </ListingLayout>
  );
}

export function ServicesListPage({
  ctx,
  organisationId,
  name,
  services,
}: {
  ctx: PageContext;
  organisationId: string;
  name: I18nText;
  services: { id: string; name: I18nText; status: string }[];
}) {
  const { t } = ctx;
  const title = t.t('directory.edit.services_title', {
    organisation: pickText(name, ctx.locale)?.text ?? '',
  });
  return (
    <ListingLayout ctx={ctx} title={title} organisationId={organisationId}>
      {services.length ? (
        <ul class="cards">
          {services.map((s) => (
            <li class="card">
              <h2>
                <a href={`/${ctx.locale}/manage/services/${s.id}`} safe>
                  {pickText(s.name, ctx.locale)?.text ?? ''}
                </a>
              </h2>
              <p safe>{label(ctx, 'directory.status', s.status)}</p>
            </li>
          ))}
        </ul>
      ) : (
        <p>{t.html('directory.edit.no_services')}</p>
      )}
      <p>
        <a class="button" href={`/${ctx.locale}/manage/organisations/${organisationId}/services/new`}>
          {t.html('directory.edit.add_service')}
        </a>
      </p>
    </ListingLayout>
  );
}
