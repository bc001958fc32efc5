// Vouching for an informal group, as an admin of a verified organisation.
// Pages for organisations' own people: registering an organisation, claiming a listing, one's
// organisations, the members of one, and the moderators' queue of claims.
import type { PageContext } from '../../../http/request-context.ts';
import { type I18nText, pickText } from '../../../shared/i18n-text.ts';
import { CsrfField, Notice } from '../../../views/forms.tsx';
import { Layout } from '../../../views/layout.tsx';

export const orgName = (ctx: PageContext, name: I18nText) => pickText(name, ctx.locale)?.text ?? '';

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
    <Layout ctx={ctx} title={t.t('directory.vouch.title', { organisation: name })}>
      <h1 safe>{t.t('directory.vouch.title', { organisation: name })}</h1>
      <p>{t.html('directory.vouch.lead')}</p>
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
                  {t.t('directory.vouch.as', { organisation: orgName(ctx, c.name) })}
                </button>
              </form>
            </li>
          ))}
        </ul>
      ) : (
        <Notice tone="warn" text={t.t('directory.vouch.none')} />
      )}
      <p>
        <a href={`/${ctx.locale}/organisations/${organisation.id}`}>{t.html('directory.claim.back')}</a>
      </p>
    </Layout>
  );
}
