// Asking to manage a listing; a claim with its decision buttons; the moderators' queue.
// Pages for organisations' own people: registering an organisation, claiming a listing, one's
// organisations, the members of one, and the moderators' queue of claims.
import type { PageContext } from '../../../http/request-context.ts';
import type { FieldProblem } from '../../../shared/errors.ts';
import { type I18nText, pickText } from '../../../shared/i18n-text.ts';
import { OrganisationLink } from '../../../views/components.tsx';
import { formFields } from '../../../views/form-fields.tsx';
import { CsrfField, Form, Notice } from '../../../views/forms.tsx';
import { Layout } from '../../../views/layout.tsx';
import { RequestPage } from '../../../views/request-page.tsx';

export const orgName = (ctx: PageContext, name: I18nText) => pickText(name, ctx.locale)?.text ?? '';

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
    <RequestPage
      ctx={ctx}
      title={t.t('membership.claim.title', { organisation: name })}
      lead={t.t('membership.claim.lead')}
      sent={Boolean(sent)}
      sentText={t.t('membership.claim.sent')}
      back={{ href: `/${ctx.locale}/organisations/${organisation.id}`, text: t.t('directory.claim.back') }}
    >
      {ctx.user && !ctx.user.emailVerified ? (
        <Notice tone="warn" text={t.t('accounts.errors.EMAIL_NOT_VERIFIED')} />
      ) : (
        ''
      )}
      <Form
        problems={problems}
        ctx={ctx}
        action={`/${ctx.locale}/organisations/${organisation.id}/claim`}
        submit={t.t('membership.claim.submit')}
      >
        {formFields(ctx, { values: { message: value }, problems }).area(
          'message',
          t.t('membership.claim.message'),
          {
            hint: t.t('membership.claim.message_hint'),
            maxlength: 1000,
          },
        )}
      </Form>
    </RequestPage>
  );
}

export interface ClaimView {
  id: string;
  name: string;
  email: string;
  message: string;
  createdAt: Date;
}

export function ClaimDecision({ ctx, claim, back }: { ctx: PageContext; claim: ClaimView; back: string }) {
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
            {t.html(decision === 'approve' ? 'membership.members.approve' : 'membership.members.reject')}
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
    <Layout ctx={ctx} title={t.t('membership.moderation.claims_title')}>
      <h1>{t.html('membership.moderation.claims_title')}</h1>
      {claims.length ? (
        <ul class="claims">
          {claims.map((c) => (
            <li class="card">
              <h2>
                <OrganisationLink ctx={ctx} organisation={c.organisation} />
              </h2>
              <ClaimDecision ctx={ctx} claim={c} back={`/${ctx.locale}/moderation/claims`} />
            </li>
          ))}
        </ul>
      ) : (
        <p>{t.html('membership.moderation.no_claims')}</p>
      )}
    </Layout>
  );
}
