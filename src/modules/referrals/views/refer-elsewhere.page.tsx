// Referring the person elsewhere, step one: choose where. Services with the first referral's theme,
// leaving out its two organisations; each one leads to the referral form, carrying what may be carried.
import { href, type PageContext } from '../../../http/request-context.ts';
import type { I18nText } from '../../../shared/i18n-text.ts';
import { Pagination } from '../../../views/components.tsx';
import { Layout } from '../../../views/layout.tsx';
import { nameOf, ThemeName } from './referral-parts.tsx';

export interface ElsewhereChoice {
  serviceId: string;
  service: I18nText;
  organisation: I18nText;
}

export function ReferElsewherePage({
  ctx,
  referralId,
  theme,
  choices,
  page,
}: {
  ctx: PageContext;
  referralId: string;
  theme: I18nText;
  choices: ElsewhereChoice[];
  page: { page: number; totalPages: number; total: number };
}) {
  const { t } = ctx;
  const formLink = (serviceId: string) =>
    href(ctx, '/referrals/new', { service: serviceId, follows: referralId });
  return (
    <Layout ctx={ctx} title={t.t('referrals.elsewhere.title')}>
      <p>
        <a href={`/${ctx.locale}/referrals/${referralId}`}>{t.html('referrals.elsewhere.back')}</a>
      </p>
      <h1>{t.html('referrals.elsewhere.title')}</h1>
      <p class="lead">
        {t.html('referrals.elsewhere.choose_lead')} <ThemeName ctx={ctx} name={theme} />
      </p>
      {choices.length ? (
        <ul class="plain elsewhere-choices">
          {choices.map((c) => (
            <li>
              <a href={formLink(c.serviceId)}>
                <strong safe>{nameOf(ctx, c.service)}</strong>
              </a>{' '}
              <span safe>{`— ${nameOf(ctx, c.organisation)}`}</span>
            </li>
          ))}
        </ul>
      ) : (
        <p>{t.html('referrals.elsewhere.none')}</p>
      )}
      <Pagination
        ctx={ctx}
        page={page}
        link={(p) => href(ctx, '/referrals/new', { follows: referralId, page: p })}
      />
    </Layout>
  );
}
