// The profile form: names and description in three languages, kind, numbers, logo.
import type { PageContext } from '../../../../http/request-context.ts';
import type { FieldProblem } from '../../../../shared/errors.ts';
import { type I18nText, locales, pickText } from '../../../../shared/i18n-text.ts';
import { label } from '../../../../views/components.tsx';
import { CsrfField, ErrorSummary, Field, fieldMessage, Notice } from '../../../../views/forms.tsx';
import { Layout } from '../../../../views/layout.tsx';
import { ManageLinks } from '../../../../views/manage-nav.tsx';
import { type FormValues, one } from '../listing-forms.ts';
import { Completeness, TextInLanguages } from '../listing-parts.tsx';

export function EditOrganisationPage({
  ctx,
  organisationId,
  name,
  values,
  problems = [],
  saved,
  kinds,
  logoUpdatedAt,
}: {
  ctx: PageContext;
  organisationId: string;
  name: I18nText;
  values: FormValues;
  problems?: FieldProblem[];
  saved?: boolean;
  kinds: readonly string[];
  logoUpdatedAt?: Date | null;
}) {
  const { t } = ctx;
  const title = t.t('directory.edit.organisation_title', {
    organisation: pickText(name, ctx.locale)?.text ?? '',
  });
  const textsOf = (field: string): I18nText =>
    Object.fromEntries(locales.map((l) => [l, one(values[`${field}.${l}`]) ?? ''])) as I18nText;
  return (
    <Layout ctx={ctx} title={title}>
      <h1 safe>{title}</h1>
      {saved ? <Notice text={t.t('directory.edit.saved')} /> : ''}
      <ManageLinks ctx={ctx} organisationId={organisationId} />
      <ErrorSummary ctx={ctx} problems={problems} />
      <Completeness ctx={ctx} texts={[textsOf('name'), textsOf('description')]} />
      <form
        method="post"
        action={`/${ctx.locale}/manage/organisations/${organisationId}/profile`}
        class="form wide"
        novalidate
      >
        <CsrfField ctx={ctx} />
        <TextInLanguages
          ctx={ctx}
          name="name"
          legend={t.t('directory.register_org.name')}
          hint={t.t('directory.register_org.name_hint')}
          values={values}
          problems={problems}
          maxlength={200}
        />
        <TextInLanguages
          ctx={ctx}
          name="description"
          legend={t.t('directory.edit.description')}
          hint={t.t('directory.edit.description_hint')}
          values={values}
          problems={problems}
          long
          maxlength={5000}
        />
        <div class="field">
          <label for="f-kind">{t.html('directory.register_org.kind')}</label>
          <select id="f-kind" name="kind">
            {kinds.map((k) => (
              <option value={k} selected={one(values.kind) === k ? true : undefined} safe>
                {label(ctx, 'directory.kind', k)}
              </option>
            ))}
          </select>
        </div>
        <Field
          ctx={ctx}
          name="kbo_number"
          label={t.t('directory.register_org.kbo')}
          hint={t.t('directory.register_org.kbo_hint')}
          value={one(values.kbo_number)}
          problems={problems}
          maxlength={20}
        />
        <Field
          ctx={ctx}
          name="email"
          type="email"
          label={t.t('directory.register_org.email')}
          value={one(values.email)}
          problems={problems}
          maxlength={254}
        />
        <Field
          ctx={ctx}
          name="website"
          type="url"
          label={t.t('directory.register_org.website')}
          value={one(values.website)}
          problems={problems}
          maxlength={500}
        />
        <div class="form-actions">
          <button type="submit">{t.html('directory.edit.save')}</button>
        </div>
      </form>
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
    </Layout>
  );
}
