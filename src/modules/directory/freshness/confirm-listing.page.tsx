import type { PageContext } from '../../../http/request-context.ts';
import { type I18nText, pickText } from '../../../shared/i18n-text.ts';
import { Form, Notice } from '../../../views/forms.tsx';
import { Layout } from '../../../views/layout.tsx';

export function ConfirmListingPage({
  ctx,
  organisation,
  token,
  confirmed = false,
}: {
  ctx: PageContext;
  organisation: { id: string; name: I18nText };
  token?: string;
  confirmed?: boolean;
}) {
  const { t } = ctx;
  const name = pickText(organisation.name, ctx.locale)?.text ?? '';
  return (
    <Layout ctx={ctx} title={t.t('directory.confirm_listing.title', { organisation: name })}>
      <h1 safe>{t.t('directory.confirm_listing.title', { organisation: name })}</h1>
      {confirmed ? (
        <Notice text={t.t('directory.confirm_listing.done')} />
      ) : (
        <>
          <p>{t.html('directory.confirm_listing.lead')}</p>
          <Form
            ctx={ctx}
            action={`/${ctx.locale}/confirm-listing`}
            submit={t.t('directory.confirm_listing.submit')}
            browserChecks
          >
            <input type="hidden" name="token" value={token ?? ''} />
          </Form>
        </>
      )}
      <p>
        <a href={`/${ctx.locale}/organisations/${organisation.id}`}>
          {t.html('directory.confirm_listing.see')}
        </a>{' '}
        ·{' '}
        <a href={`/${ctx.locale}/manage/organisations/${organisation.id}/profile`}>
          {t.html('directory.confirm_listing.edit')}
        </a>
      </p>
    </Layout>
  );
}
