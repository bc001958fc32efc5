// The profile form: names and description in three languages, kind, numbers, logo.
import type { PageContext } from '../../../../http/request-context.ts';
import type { FieldProblem } from '../../../../shared/errors.ts';
import { type I18nText, locales, pickText } from '../../../../shared/i18n-text.ts';
import { CsrfField, ErrorSummary, fieldMessage, Form } from '../../../../views/forms.tsx';
import { type FormValues, one } from '../listing-forms.ts';
import { Completeness, ListingLayout } from '../listing-parts.tsx';
import { OrganisationFields } from './organisation-fields.tsx';

export function EditOrganisationPage({
  ctx,
  organisationId,
  name,
  values,
  problems = [],
  saved,
  logoUpdatedAt,
}: {
  ctx: PageContext;
  organisationId: string;
  name: I18nText;
  values: FormValues;
  problems?: FieldProblem[];
  saved?: boolean;
  logoUpdatedAt?: Date | null;
}) {
  const { t } = ctx;
  const title = t.t('directory.edit.organisation_title', {
    organisation: pickText(name, ctx.locale)?.text ?? '',
  });
  const textsOf = (field: string): I18nText =>
    Object.fromEntries(locales.map((l) => [l, one(values[`${field}.${l}`]) ?? ''])) as I18nText;
  return (
    <ListingLayout ctx={ctx} title={title} organisationId={organisationId} saved={saved}>
      <ErrorSummary ctx={ctx} problems={problems} />
      <Completeness ctx={ctx} texts={[textsOf('name'), textsOf('description')]} />
      <Form
        ctx={ctx}
        action={`/${ctx.locale}/manage/organisations/${organisationId}/profile`}
        submit={t.t('directory.edit.save')}
        wide
      >
        <OrganisationFields ctx={ctx} values={values} problems={problems} withDescription />
      </Form>
      <section class="logo-section" aria-labelledby="logo-title">
        <h2 id="logo-title">{t.html('directory.logo.title')}</h2>
        {logoUpdatedAt ? (
          <p>
            <img
              src={`/logos/${organisationId}?v=${logoUpdatedAt.getTime()}`}
              alt={t.t('directory.logo.current')}
              class="logo-preview"
              width="96"
              height="96"
            />
          </p>
        ) : (
          ''
        )}
        <form
          method="post"
          action={`/${ctx.locale}/manage/organisations/${organisationId}/logo`}
          enctype="multipart/form-data"
          class="form"
        >
          <CsrfField ctx={ctx} />
          <div class="field">
            <label for="f-logo">{t.html('directory.logo.file')}</label>
            <p class="hint" id="f-logo-hint">
              {t.html('directory.logo.hint')}
            </p>
            {problems.some((p) => p.field === 'logo') ? (
              <p class="field-error" id="f-logo-error" safe>
                {fieldMessage(
                  ctx,
                  problems.find((p) => p.field === 'logo')!,
                )}
              </p>
            ) : (
              ''
            )}
            <input
              id="f-logo"
              name="logo"
              type="file"
              accept="image/png,image/jpeg,image/webp"
              aria-describedby={
                problems.some((p) => p.field === 'logo') ? 'f-logo-hint f-logo-error' : 'f-logo-hint'
              }
              aria-invalid={problems.some((p) => p.field === 'logo') ? 'true' : undefined}
            />
          </div>
          <div class="form-actions">
            <button type="submit">{t.html('directory.logo.upload')}</button>
            {logoUpdatedAt ? (
              <button type="submit" name="remove" value="1" class="secondary">
                {t.html('directory.logo.remove')}
              </button>
            ) : (
              ''
            )}
          </div>
        </form>
      </section>
    </ListingLayout>
  );
}
