// The members of an organisation, their roles, invitations and the claims its admins decide.
// Pages for organisations' own people: registering an organisation, claiming a listing, one's
// organisations, the members of one, and the moderators' queue of claims.
import type { PageContext } from '../../../http/request-context.ts';
import { DataTable, Section } from '../../../views/components.tsx';
import type { MessageKey } from '../../../i18n/index.ts';
import type { FieldProblem } from '../../../shared/errors.ts';
import { type I18nText, pickText } from '../../../shared/i18n-text.ts';
import { formFields } from '../../../views/form-fields.tsx';
import { CsrfField, fieldMessage, Form, Notice, PostButton } from '../../../views/forms.tsx';
import { Layout } from '../../../views/layout.tsx';
import { ManageLinks } from '../../../views/manage-nav.tsx';
import { type OrganisationRole, organisationRoles } from '../../access/index.ts';

export const orgName = (ctx: PageContext, name: I18nText) => pickText(name, ctx.locale)?.text ?? '';
const roleLabel = (ctx: PageContext, role: string) => ctx.t.t(`membership.role.org.${role}` as MessageKey);
import { ClaimDecision, type ClaimView } from '../claims/claims.page.tsx';

export interface MemberView {
  userId: string;
  name: string;
  email: string;
  roles: OrganisationRole[];
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
    <Layout ctx={ctx} title={t.t('membership.members.title', { organisation: name })}>
      <h1 safe>{t.t('membership.members.title', { organisation: name })}</h1>
      {notice ? <Notice text={notice.text} tone={notice.tone} /> : ''}
      <ManageLinks ctx={ctx} organisationId={organisation.id} canEdit={canEdit} />
      {canRefer ? (
        <p>
          <a href={`/${ctx.locale}/referrals`}>{t.html('nav.referrals')}</a> ·{' '}
          <a href={`${base}/referrals`}>{t.html('membership.referrals.figures')}</a>
          {canManage ? (
            <>
              {' · '}
              <a href={`${base}/api-tokens`}>{t.html('membership.members.api_tokens')}</a>
            </>
          ) : (
            ''
          )}
        </p>
      ) : (
        ''
      )}
      <DataTable
        class="members"
        caption={t.t('membership.members.caption')}
        columns={[
          t.t('membership.members.person'),
          t.t('membership.members.roles'),
          canManage && t.t('membership.members.actions'),
        ]}
      >
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
                      {t.t('membership.members.roles_of', { name: m.name })}
                    </legend>
                    <RoleChecks ctx={ctx} idPrefix={`r-${m.userId}`} checked={m.roles} />
                  </fieldset>
                  <button
                    type="submit"
                    class="secondary"
                    aria-label={t.t('membership.members.save_roles_of', { name: m.name })}
                  >
                    {t.html('membership.members.save_roles')}
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
                  <PostButton
                    ctx={ctx}
                    action={`${base}/members/${m.userId}/remove`}
                    label={t.t('directory.members.remove')}
                    ariaLabel={t.t('directory.members.remove_name', { name: m.name })}
                  />
                )}
              </td>
            ) : (
              ''
            )}
          </tr>
        ))}
      </DataTable>

      {canManage && claims.length ? (
        <Section id="claims" title={t.t('membership.members.claims')}>
          <ul class="claims">
            {claims.map((c) => (
              <li class="card">
                <ClaimDecision ctx={ctx} claim={c} back={`${base}/members`} />
              </li>
            ))}
          </ul>
        </Section>
      ) : (
        ''
      )}

      {canManage ? (
        <Section id="invite" title={t.t('membership.members.invite')}>
          <Form
            problems={problems}
            ctx={ctx}
            action={`${base}/invitations`}
            submit={t.t('membership.members.send_invitation')}
          >
            {formFields(ctx, { values: inviteValues, problems }).email(t.t('accounts.account.email'))}
            <fieldset id="f-roles">
              <legend>{t.html('membership.members.roles')}</legend>
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
              <p class="hint">{t.html('membership.members.roles_hint')}</p>
            </fieldset>
          </Form>
          {invitations.length ? (
            <>
              <h3>{t.html('membership.members.open_invitations')}</h3>
              <ul>
                {invitations.map((i) => (
                  <li safe>
                    {t.t('membership.members.invited', {
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
        </Section>
      ) : (
        ''
      )}

      {me && members.some((m) => m.userId === me) ? (
        <form method="post" action={`${base}/leave`} class="form">
          <CsrfField ctx={ctx} />
          <p class="hint">{t.html('membership.members.leave_hint')}</p>
          <div class="form-actions">
            <button type="submit" class="secondary">
              {t.html('membership.members.leave')}
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
