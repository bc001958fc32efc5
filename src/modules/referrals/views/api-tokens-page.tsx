// An organisation's API tokens: its admins create one per integration, see it once, and revoke it.
import type { PageContext } from '../../../http/request-context.ts';
import type { FieldProblem } from '../../../shared/errors.ts';
import { pickText } from '../../../shared/i18n-text.ts';
import { DataTable } from '../../../views/components.tsx';
import { formFields } from '../../../views/form-fields.tsx';
import { Form, Notice, PostButton } from '../../../views/forms.tsx';
import { Layout } from '../../../views/layout.tsx';
import type { OrganisationBrief } from '../../directory/index.ts';
import type { ApiTokenView } from '../presenters/page-data.ts';

export function ApiTokensPage({
  ctx,
  organisation,
  tokens,
  created,
  notice,
  problems = [],
}: {
  ctx: PageContext;
  organisation: OrganisationBrief;
  tokens: ApiTokenView[];
  /** A token just made: shown this once. */
  created?: { name: string; token: string };
  notice?: string;
  problems?: FieldProblem[];
}) {
  const { t } = ctx;
  const name = pickText(organisation.name, ctx.locale)?.text ?? '';
  const base = `/${ctx.locale}/manage/organisations/${organisation.id}/api-tokens`;
  return (
    <Layout ctx={ctx} title={t.t('referrals.api_tokens.title', { organisation: name })}>
      <h1>{t.html('referrals.api_tokens.title', { organisation: name })}</h1>
      <p class="lead">{t.html('referrals.api_tokens.lead')}</p>
      {notice ? <Notice text={notice} /> : ''}
      {created ? (
        <div class="notice" role="status">
          <p>{t.html('referrals.api_tokens.created', { name: created.name })}</p>
          <p>
            <code class="token" safe>
              {created.token}
            </code>
          </p>
        </div>
      ) : (
        ''
      )}
      {tokens.length ? (
        <DataTable
          columns={[
            t.t('referrals.api_tokens.name'),
            t.t('referrals.api_tokens.starts_with'),
            t.t('referrals.api_tokens.created_at'),
            t.t('referrals.api_tokens.last_used'),
            { hidden: t.t('referrals.api_tokens.revoke') },
          ]}
        >
          {tokens.map((token) => (
            <tr>
              <td safe>{token.name}</td>
              <td>
                <code safe>{`${token.prefix}…`}</code>
              </td>
              <td safe>{t.date(token.createdAt, 'medium')}</td>
              <td safe>
                {token.lastUsedAt ? t.dateTime(token.lastUsedAt) : t.t('referrals.api_tokens.never')}
              </td>
              <td>
                <PostButton
                  ctx={ctx}
                  action={`${base}/${token.id}/revoke`}
                  label={t.t('referrals.api_tokens.revoke')}
                  ariaLabel={t.t('referrals.api_tokens.revoke_name', { name: token.name })}
                />
              </td>
            </tr>
          ))}
        </DataTable>
      ) : (
        <p>{t.html('referrals.api_tokens.none')}</p>
      )}
      <h2>{t.html('referrals.api_tokens.new')}</h2>
      <Form problems={problems} ctx={ctx} action={base} submit={t.t('referrals.api_tokens.create')}>
        {formFields(ctx, { problems }).text('name', t.t('referrals.api_tokens.name'), {
          hint: t.t('referrals.api_tokens.name_hint'),
          maxlength: 80,
        })}
      </Form>
      <p>
        <a href="/api/docs">{t.html('referrals.api_tokens.docs')}</a>
      </p>
    </Layout>
  );
}
