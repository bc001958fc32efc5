// Registering an organisation, and one's own organisations.
// Pages for organisations' own people: registering an organisation, claiming a listing, one's
// organisations, the members of one, and the moderators' queue of claims.
import type { PageContext } from '../../../http/request-context.ts';
import type { MessageKey } from '../../../i18n/index.ts';
import type { FieldProblem } from '../../../shared/errors.ts';
import { type I18nText, locales, pickText } from '../../../shared/i18n-text.ts';
import { CsrfField, ErrorSummary, Field, fieldMessage, Notice } from '../../../views/forms.tsx';
import { Layout } from '../../../views/layout.tsx';
import { languageNames } from '../../../views/components.tsx';
import { organisationKinds } from '../../directory/index.ts';
import { type OrganisationRole } from '../../access/index.ts';

export const orgName = (ctx: PageContext, name: I18nText) => pickText(name, ctx.locale)?.text ?? '';
const roleLabel = (ctx: PageContext, role: string) => ctx.t.t(`membership.role.org.${role}` as MessageKey);

export function RegisterOrganisationPage({
  ctx,
  values = {},
  problems = [],
}: {
  ctx: PageContext;
  values?: Record<string, string>;
  problems?: FieldProblem[];
}) {
  const { t } = ctx;
  const kindProblem = problems.find((p) => p.field === 'kind');
  return (
    <Layout ctx={ctx} title={t.t('membership.register_org.title')}>
      <h1>{t.html('membership.register_org.title')}</h1>
      <p class="lead">{t.html('membership.register_org.lead')}</p>
      {ctx.user && !ctx.user.emailVerified ? (
        <Notice tone="warn" text={t.t('accounts.errors.EMAIL_NOT_VERIFIED')} />
      ) : (
        ''
      )}
      <ErrorSummary ctx={ctx} problems={problems} />
      <form method="post" action={`/${ctx.locale}/organisations/new`} class="form" novalidate>
        <CsrfField ctx={ctx} />
        <fieldset class="languages-side-by-side">
          <legend>{t.html('directory.register_org.name')}</legend>
          <p class="hint">{t.html('directory.register_org.name_hint')}</p>
          {problems.some((p) => p.field === 'name') ? (
            <p class="field-error" id="f-name" tabindex="-1" safe>
              {fieldMessage(
                ctx,
                problems.find((p) => p.field === 'name')!,
              )}
            </p>
          ) : (
            ''
          )}
          {locales.map((l) => (
            <Field
              ctx={ctx}
              name={`name.${l}`}
              label={languageNames[l]}
              value={values[`name.${l}`]}
              problems={problems}
              lang={l}
              maxlength={200}
            />
          ))}
        </fieldset>
        <div class="field">
          <label for="f-kind">{t.html('directory.register_org.kind')}</label>
          {kindProblem ? (
            <p class="field-error" id="f-kind-error" safe>
              {fieldMessage(ctx, kindProblem)}
            </p>
          ) : (
            ''
          )}
          <select
            id="f-kind"
            name="kind"
            aria-invalid={kindProblem ? 'true' : undefined}
            aria-describedby={kindProblem ? 'f-kind-error' : undefined}
          >
            <option value="">{t.html('membership.register_org.choose_kind')}</option>
            {organisationKinds.map((k) => (
              <option value={k} selected={values.kind === k ? true : undefined} safe>
                {t.t(`directory.kind.${k}` as MessageKey)}
              </option>
            ))}
          </select>
        </div>
        <Field
          ctx={ctx}
          name="kbo_number"
          label={t.t('directory.register_org.kbo')}
          hint={t.t('directory.register_org.kbo_hint')}
          value={values.kbo_number}
          problems={problems}
          maxlength={20}
        />
        <Field
          ctx={ctx}
          name="email"
          type="email"
          label={t.t('directory.register_org.email')}
          value={values.email}
          problems={problems}
          maxlength={254}
        />
        <Field
          ctx={ctx}
          name="website"
          type="url"
          label={t.t('directory.register_org.website')}
          value={values.website}
          problems={problems}
          maxlength={500}
        />
        <div class="form-actions">
          <button type="submit">{t.html('membership.register_org.submit')}</button>
        </div>
      </form>
    </Layout>
  );
}

export interface MyOrganisation {
  id: string;
  name: I18nText;
  roles: OrganisationRole[];
}

export function MyOrganisationsPage({
  ctx,
  organisations,
  pendingClaims,
}: {
  ctx: PageContext;
  organisations: MyOrganisation[];
  pendingClaims: { id: string; name: I18nText }[];
}) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t.t('membership.my_orgs.title')}>
      <h1>{t.html('membership.my_orgs.title')}</h1>
      {organisations.length ? (
        <ul class="cards">
          {organisations.map((o) => (
            <li class="card">
              <h2>
                <a href={`/${ctx.locale}/organisations/${o.id}`} safe>
                  {orgName(ctx, o.name)}
                </a>
              </h2>
              <p safe>{t.list(o.roles.map((r) => roleLabel(ctx, r)))}</p>
              <p>
                <a href={`/${ctx.locale}/manage/organisations/${o.id}/members`}>{t.html('manage.members')}</a>
              </p>
            </li>
          ))}
        </ul>
      ) : (
        <p>{t.html('membership.my_orgs.none')}</p>
      )}
      {pendingClaims.length ? (
        <>
          <h2>{t.html('membership.my_orgs.pending_claims')}</h2>
          <ul>
            {pendingClaims.map((c) => (
              <li safe>{orgName(ctx, c.name)}</li>
            ))}
          </ul>
        </>
      ) : (
        ''
      )}
      <p>
        <a class="button" href={`/${ctx.locale}/organisations/new`}>
          {t.html('membership.my_orgs.register')}
        </a>
      </p>
      <p>{t.html('membership.my_orgs.claim_hint')}</p>
    </Layout>
  );
}
