// The digest's unsubscribe link opens this page, which asks before it acts (mail scanners open
// links): one button stops the digest by removing all the reader follows. After it, a notice.
import type { PageContext } from '../../../../http/request-context.ts';
import { Notice, PostButton } from '../../../../views/forms.tsx';
import { Layout } from '../../../../views/layout.tsx';

export function UnsubscribePage({ ctx, token, done }: { ctx: PageContext; token?: string; done: boolean }) {
  const { t } = ctx;
  const title = t.t('network.digest.unsubscribe_title');
  return (
    <Layout ctx={ctx} title={title}>
      <h1 safe>{title}</h1>
      {done ? (
        <Notice text={t.t('network.digest.unsubscribed')} />
      ) : (
        <>
          <p>{t.html('network.digest.unsubscribe_lead')}</p>
          <PostButton
            ctx={ctx}
            action={`/${ctx.locale}/follows/unsubscribe?token=${encodeURIComponent(token ?? '')}`}
            label={t.t('network.digest.unsubscribe_submit')}
            secondary={false}
            formClass="form"
          />
        </>
      )}
      <p>
        <a href={`/${ctx.locale}/account/follows`}>{t.html('network.digest.manage')}</a>
      </p>
    </Layout>
  );
}
