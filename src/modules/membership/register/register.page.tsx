// Registering an organisation, and one's own organisations.
// Pages for organisations' own people: registering an organisation, claiming a listing, one's
// organisations, the members of one, and the moderators' queue of claims.
import type { PageContext } from '../../../http/request-context.ts';
import type { MessageKey } from '../../../i18n/index.ts';
import type { FieldProblem } from '../../../shared/errors.ts';
import { type I18nText, pickText } from '../../../shared/i18n-text.ts';
import { OrganisationLink } from '../../../views/components.tsx';
import { Form, Notice } from '../../../views/forms.tsx';
import { Layout } from '../../../views/layout.tsx';
import { OrganisationFields } from '../../directory/views.ts';
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
  return (
    <Layout ctx={ctx} title={t.t('membership.register_org.title')}>
      <h1>{t.html('membership.register_org.title')}</h1>
      <p class="lead">{t.html('membership.register_org.lead')}</p>
      {ctx.user && !ctx.user.emailVerified ? (
        <Notice tone="warn" text={t.t('accounts.errors.EMAIL_NOT_VERIFIED')} />
      ) : (
        ''
      )}
      <Form
        problems={problems}
        ctx={ctx}
        action={`/${ctx.locale}/organisations/new`}
        submit={t.t('membership.register_org.submit')}
      >
        <OrganisationFields
          ctx={ctx}
          values={values}
          problems={problems}
          chooseKind={t.t('membership.register_org.choose_kind')}
        />
      </Form>
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
                <OrganisationLink ctx={ctx} organisation={o} />
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
