// Pages for organisations' own people: registering an organisation, claiming a listing, one's
// organisations, the members of one, and the moderators' queue of claims.
import type { PageContext } from '../../../http/request-context.ts';
import type { MessageKey } from '../../../i18n/index.ts';
import type { FieldProblem } from '../../../shared/errors.ts';
import { type I18nText, locales, pickText } from '../../../shared/i18n-text.ts';
import { CsrfField, ErrorSummary, Field, fieldMessage, Notice, TextArea } from '../../../views/forms.tsx';
import { Layout } from '../../../views/layout.tsx';
import { ManageLinks } from '../../../views/manage-nav.tsx';
import { languageNames } from '../../../views/components.tsx';
import { organisationKinds } from '../../directory/index.ts';
import { type OrganisationRole, organisationRoles } from '../../access/index.ts';

export const orgName = (ctx: PageContext, name: I18nText) => pickText(name, ctx.locale)?.text ?? '';
const roleLabel = (ctx: PageContext, role: string) => ctx.t.t(`role.org.${role}` as MessageKey);

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
    <Layout ctx={ctx} title={t.t('register_org.title')}>
      <h1>{t.html('register_org.title')}</h1>
      <p class="lead">{t.html('register_org.lead')}</p>
      {ctx.user && !ctx.user.emailVerified ? (
        <Notice tone="warn" text={t.t('errors.EMAIL_NOT_VERIFIED')} />
      ) : (
        ''
      )}
      <ErrorSummary ctx={ctx} problems={problems} />
      <form method="post" action={`/${ctx.locale}/organisations/new`} class="form" novalidate>
        <CsrfField ctx={ctx} />
        <fieldset class="languages-side-by-side">
          <legend>{t.html('register_org.name')}</legend>
          <p class="hint">{t.html('register_org.name_hint')}</p>
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
          <label for="f-kind">{t.html('register_org.kind')}</label>
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
            <option value="">{t.html('register_org.choose_kind')}</option>
            {organisationKinds.map((k) => (
              <option value={k} selected={values.kind === k ? true : undefined} safe>
                {t.t(`kind.${k}` as MessageKey)}
              </option>
            ))}
          </select>
        </div>
        <Field
          ctx={ctx}
          name="kbo_number"
          label={t.t('register_org.kbo')}
          hint={t.t('register_org.kbo_hint')}
          value={values.kbo_number}
          problems={problems}
          maxlength={20}
        />
        <Field
          ctx={ctx}
          name="email"
          type="email"
          label={t.t('register_org.email')}
          value={values.email}
          problems={problems}
          maxlength={254}
        />
        <Field
          ctx={ctx}
          name="website"
          type="url"
          label={t.t('register_org.website')}
          value={values.website}
          problems={problems}
          maxlength={500}
        />
        <div class="form-actions">
          <button type="submit">{t.html('register_org.submit')}</button>
        </div>
      </form>
    </Layout>
  );
}

export function ClaimPage({
  ctx,
  organisation,
  value = '',
  problems = [],
  sent = false,
}: {
  ctx: PageContext;
  organisation: { id: string; name: I18nText };
  value?: string;
  problems?: FieldProblem[];
  sent?: boolean;
}) {
  const { t } = ctx;
  const name = orgName(ctx, organisation.name);
  return (
    <Layout ctx={ctx} title={t.t('claim.title', { organisation: name })}>
      <h1 safe>{t.t('claim.title', { organisation: name })}</h1>
      {sent ? (
        <Notice text={t.t('claim.sent')} />
      ) : (
        <>
          <p>{t.html('claim.lead')}</p>
          {ctx.user && !ctx.user.emailVerified ? (
            <Notice tone="warn" text={t.t('errors.EMAIL_NOT_VERIFIED')} />
          ) : (
            ''
          )}
          <ErrorSummary ctx={ctx} problems={problems} />
          <form
            method="post"
            action={`/${ctx.locale}/organisations/${organisation.id}/claim`}
            class="form"
            novalidate
          >
            <CsrfField ctx={ctx} />
            <TextArea
              ctx={ctx}
              name="message"
              label={t.t('claim.message')}
              hint={t.t('claim.message_hint')}
              value={value}
              maxlength={1000}
              problems={problems}
            />
            <div class="form-actions">
              <button type="submit">{t.html('claim.submit')}</button>
            </div>
          </form>
        </>
      )}
      <p>
        <a href={`/${ctx.locale}/organisations/${organisation.id}`}>{t.html('claim.back')}</a>
      </p>
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
    <Layout ctx={ctx} title={t.t('my_orgs.title')}>
      <h1>{t.html('my_orgs.title')}</h1>
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
                <a href={`/${ctx.locale}/manage/organisations/${o.id}/members`}>
                  {t.html('my_orgs.members')}
                </a>
              </p>
            </li>
          ))}
        </ul>
      ) : (
        <p>{t.html('my_orgs.none')}</p>
      )}
      {pendingClaims.length ? (
        <>
          <h2>{t.html('my_orgs.pending_claims')}</h2>
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
          {t.html('my_orgs.register')}
        </a>
      </p>
      <p>{t.html('my_orgs.claim_hint')}</p>
    </Layout>
  );
}

export interface MemberView {
  userId: string;
  name: string;
  email: string;
  roles: OrganisationRole[];
}

export interface ClaimView {
  id: string;
  name: string;
  email: string;
  message: string;
  createdAt: Date;
}

function RoleChecks({
  ctx,
  idPrefix,
  checked,
}: {
  ctx: PageContext;
  idPrefix: string;
  checked: OrganisationRole[];
}) {
  return (
    <>
      {organisationRoles.map((role) => (
        <label class="check">
          <input
            type="checkbox"
            name="roles"
            value={role}
            id={`${idPrefix}-${role}`}
            checked={checked.includes(role) ? true : undefined}
          />{' '}
          <span safe>{roleLabel(ctx, role)}</span>
        </label>
      ))}
    </>
  );
}

export function MembersPage({
  ctx,
  organisation,
  members,
  invitations,
  claims,
  canManage,
  canEdit,
  canRefer,
  notice,
  problems = [],
  inviteValues = {},
}: {
  ctx: PageContext;
  organisation: { id: string; name: I18nText };
  members: MemberView[];
  invitations: { email: string; roles: OrganisationRole[]; expiresAt: Date }[];
  claims: ClaimView[];
  canManage: boolean;
  canEdit: boolean;
  /** Sends and handles the organisation's referrals (referrers and admins). */
  canRefer: boolean;
  notice?: { text: string; tone?: 'ok' | 'warn' };
  problems?: FieldProblem[];
  inviteValues?: Record<string, string>;
}) {
  const { t } = ctx;
  const name = orgName(ctx, organisation.name);
  const base = `/${ctx.locale}/manage/organisations/${organisation.id}`;
  const me = ctx.user?.id;
  return (
    <Layout ctx={ctx} title={t.t('members.title', { organisation: name })}>
      <h1 safe>{t.t('members.title', { organisation: name })}</h1>
      {notice ? <Notice text={notice.text} tone={notice.tone} /> : ''}
      <ManageLinks ctx={ctx} organisationId={organisation.id} canEdit={canEdit} />
      {canRefer ? (
        <p>
          <a href={`/${ctx.locale}/referrals`}>{t.html('nav.referrals')}</a> ·{' '}
          <a href={`${base}/referrals`}>{t.html('referrals.figures')}</a>
          {canManage ? (
            <>
              {' · '}
              <a href={`${base}/api-tokens`}>{t.html('members.api_tokens')}</a>
            </>
          ) : (
            ''
          )}
        </p>
      ) : (
        ''
      )}
      <table class="data-table members">
        <caption class="visually-hidden">{t.html('members.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t.html('members.person')}</th>
            <th scope="col">{t.html('members.roles')}</th>
            {canManage ? <th scope="col">{t.html('members.actions')}</th> : ''}
          </tr>
        </thead>
        <tbody>
          {members.map((m) => (
            <tr>
              <td>
                <span safe>{m.name}</span>
                <br />
                <span class="muted" safe>
                  {m.email}
                </span>
              </td>
              <td>
                {canManage ? (
                  <form method="post" action={`${base}/members/${m.userId}/roles`} class="roles-form">
                    <CsrfField ctx={ctx} />
                    <fieldset>
                      <legend class="visually-hidden" safe>
                        {t.t('members.roles_of', { name: m.name })}
                      </legend>
                      <RoleChecks ctx={ctx} idPrefix={`r-${m.userId}`} checked={m.roles} />
                    </fieldset>
                    <button
                      type="submit"
                      class="secondary"
                      aria-label={t.t('members.save_roles_of', { name: m.name })}
                    >
                      {t.html('members.save_roles')}
                    </button>
                  </form>
                ) : (
                  <span safe>{t.list(m.roles.map((r) => roleLabel(ctx, r)))}</span>
                )}
              </td>
              {canManage ? (
                <td>
                  {m.userId === me ? (
                    ''
                  ) : (
                    <form method="post" action={`${base}/members/${m.userId}/remove`} class="inline-form">
                      <CsrfField ctx={ctx} />
                      <button
                        type="submit"
                        class="secondary"
                        aria-label={t.t('members.remove_name', { name: m.name })}
                      >
                        {t.html('members.remove')}
                      </button>
                    </form>
                  )}
                </td>
              ) : (
                ''
              )}
            </tr>
          ))}
        </tbody>
      </table>

      {canManage && claims.length ? (
        <section aria-labelledby="claims-title">
          <h2 id="claims-title">{t.html('members.claims')}</h2>
          <ul class="claims">
            {claims.map((c) => (
              <li class="card">
                <ClaimDecision ctx={ctx} claim={c} back={`${base}/members`} />
              </li>
            ))}
          </ul>
        </section>
      ) : (
        ''
      )}

      {canManage ? (
        <section aria-labelledby="invite-title">
          <h2 id="invite-title">{t.html('members.invite')}</h2>
          <ErrorSummary ctx={ctx} problems={problems} />
          <form method="post" action={`${base}/invitations`} class="form" novalidate>
            <CsrfField ctx={ctx} />
            <Field
              ctx={ctx}
              name="email"
              type="email"
              label={t.t('account.email')}
              value={inviteValues.email}
              problems={problems}
              maxlength={254}
            />
            <fieldset id="f-roles">
              <legend>{t.html('members.roles')}</legend>
              {problems.some((p) => p.field === 'roles') ? (
                <p class="field-error" safe>
                  {fieldMessage(
                    ctx,
                    problems.find((p) => p.field === 'roles')!,
                  )}
                </p>
              ) : (
                ''
              )}
              <RoleChecks ctx={ctx} idPrefix="invite" checked={['editor']} />
              <p class="hint">{t.html('members.roles_hint')}</p>
            </fieldset>
            <div class="form-actions">
              <button type="submit">{t.html('members.send_invitation')}</button>
            </div>
          </form>
          {invitations.length ? (
            <>
              <h3>{t.html('members.open_invitations')}</h3>
              <ul>
                {invitations.map((i) => (
                  <li safe>
                    {t.t('members.invited', {
                      email: i.email,
                      roles: t.list(i.roles.map((r) => roleLabel(ctx, r))),
                      date: t.date(i.expiresAt, 'medium'),
                    })}
                  </li>
                ))}
              </ul>
            </>
          ) : (
            ''
          )}
        </section>
      ) : (
        ''
      )}

      {me && members.some((m) => m.userId === me) ? (
        <form method="post" action={`${base}/leave`} class="form">
          <CsrfField ctx={ctx} />
          <p class="hint">{t.html('members.leave_hint')}</p>
          <div class="form-actions">
            <button type="submit" class="secondary">
              {t.html('members.leave')}
            </button>
          </div>
        </form>
      ) : (
        ''
      )}
    </Layout>
  );
}

/** Who asks, what they say, and the two buttons; `back` is where the decision returns to. */
function ClaimDecision({ ctx, claim, back }: { ctx: PageContext; claim: ClaimView; back: string }) {
  const { t } = ctx;
  return (
    <>
      <p>
        <strong safe>{claim.name}</strong> (<span safe>{claim.email}</span>) ·{' '}
        <span safe>{t.date(claim.createdAt, 'medium')}</span>
      </p>
      <blockquote safe>{claim.message}</blockquote>
      {(['approve', 'reject'] as const).map((decision) => (
        <form method="post" action={`/${ctx.locale}/claims/${claim.id}/${decision}`} class="inline-form">
          <CsrfField ctx={ctx} />
          <input type="hidden" name="back" value={back} />
          <button type="submit" class={decision === 'reject' ? 'secondary' : undefined}>
            {t.html(decision === 'approve' ? 'members.approve' : 'members.reject')}
          </button>
        </form>
      ))}
    </>
  );
}

export function ClaimQueuePage({
  ctx,
  claims,
}: {
  ctx: PageContext;
  claims: (ClaimView & { organisation: { id: string; name: I18nText } })[];
}) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t.t('moderation.claims_title')}>
      <h1>{t.html('moderation.claims_title')}</h1>
      {claims.length ? (
        <ul class="claims">
          {claims.map((c) => (
            <li class="card">
              <h2>
                <a href={`/${ctx.locale}/organisations/${c.organisation.id}`} safe>
                  {orgName(ctx, c.organisation.name)}
                </a>
              </h2>
              <ClaimDecision ctx={ctx} claim={c} back={`/${ctx.locale}/moderation/claims`} />
            </li>
          ))}
        </ul>
      ) : (
        <p>{t.html('moderation.no_claims')}</p>
      )}
    </Layout>
  );
}

export function VouchPage({
  ctx,
  organisation,
  candidates,
}: {
  ctx: PageContext;
  organisation: { id: string; name: I18nText };
  /** Verified organisations the person is an admin of. */
  candidates: { id: string; name: I18nText }[];
}) {
  const { t } = ctx;
  const name = orgName(ctx, organisation.name);
  return (
    <Layout ctx={ctx} title={t.t('vouch.title', { organisation: name })}>
      <h1 safe>{t.t('vouch.title', { organisation: name })}</h1>
      <p>{t.html('vouch.lead')}</p>
      {candidates.length ? (
        <ul class="plain">
          {candidates.map((c) => (
            <li>
              <form
                method="post"
                action={`/${ctx.locale}/organisations/${organisation.id}/vouch`}
                class="inline-form"
              >
                <CsrfField ctx={ctx} />
                <input type="hidden" name="voucher" value={c.id} />
                <button type="submit" safe>
                  {t.t('vouch.as', { organisation: orgName(ctx, c.name) })}
                </button>
              </form>
            </li>
          ))}
        </ul>
      ) : (
        <Notice tone="warn" text={t.t('vouch.none')} />
      )}
      <p>
        <a href={`/${ctx.locale}/organisations/${organisation.id}`}>{t.html('claim.back')}</a>
      </p>
    </Layout>
  );
}
