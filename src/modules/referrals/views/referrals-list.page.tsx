// The referrals an organisation sent and received, with filters.
import { href, type PageContext } from '../../../http/request-context.ts';
import { type I18nText } from '../../../shared/i18n-text.ts';
import { DataTable, label, Pagination } from '../../../views/components.tsx';
import { Layout } from '../../../views/layout.tsx';
import type { ReferralList } from '../presenters/page-data.ts';
import { nameOf, StatusBadge } from './referral-parts.tsx';

export type InboxFilter = 'open' | 'closed' | 'all';

export function ReferralsPage({
  ctx,
  list,
  view,
  filter,
  page,
  perPage,
  themes,
}: {
  ctx: PageContext;
  list: ReferralList;
  view: 'received' | 'sent';
  filter: InboxFilter;
  page: number;
  perPage: number;
  themes: Map<string, I18nText>;
}) {
  const { t } = ctx;
  const tab = (v: 'received' | 'sent') => (
    <a href={href(ctx, '/referrals', { view: v })} aria-current={view === v ? 'page' : undefined}>
      {t.html(`referrals.${v}`)}
    </a>
  );
  const totalPages = Math.max(1, Math.ceil(list.total / perPage));
  return (
    <Layout ctx={ctx} title={t.t('referrals.title')}>
      <h1>{t.html('referrals.title')}</h1>
      {!list.own.length ? (
        <p class="lead">{t.html('referrals.not_a_referrer')}</p>
      ) : (
        <>
          <p class="lead">{t.html('referrals.lead')}</p>
          <nav class="tabs" aria-label={t.t('referrals.views')}>
            {tab('received')} {tab('sent')}
          </nav>
          <form method="get" action={`/${ctx.locale}/referrals`} class="inline-filters">
            <input type="hidden" name="view" value={view} />
            <label for="f-status">{t.html('referrals.show')}</label>
            <select id="f-status" name="status">
              {(['open', 'closed', 'all'] as const).map((f) => (
                <option value={f} selected={filter === f ? true : undefined}>
                  {t.html(`referrals.filter.${f}`)}
                </option>
              ))}
            </select>
            <button type="submit">{t.html('referrals.apply')}</button>
          </form>
          {list.rows.length ? (
            <DataTable
              caption={t.t(`referrals.${view}`)}
              columns={[
                t.t('referrals.col.date'),
                t.t(view === 'received' ? 'referrals.col.from' : 'referrals.col.to'),
                t.t('referrals.col.theme'),
                t.t('referrals.col.urgency'),
                t.t('referrals.col.status'),
              ]}
            >
              {list.rows.map((r) => {
                const other = list.organisations.get(
                  view === 'received' ? r.fromOrganisationId : r.toOrganisationId,
                );
                const theme = themes.get(r.themeCode);
                const otherName = other ? nameOf(ctx, other.name) : '';
                return (
                  <tr class={r.isNew ? 'is-new' : undefined}>
                    <td>
                      <a href={`/${ctx.locale}/referrals/${r.id}`} safe>
                        {t.date(r.sentAt ?? r.createdAt, 'medium')}
                      </a>
                      {r.isNew ? <span class="badge new">{t.html('referrals.new')}</span> : ''}
                    </td>
                    <td safe>{otherName}</td>
                    <td safe>{theme ? nameOf(ctx, theme) : r.themeCode}</td>
                    <td safe>{label(ctx, 'referrals.referral.urgency', r.urgency)}</td>
                    <td>
                      <StatusBadge ctx={ctx} status={r.status} />
                    </td>
                  </tr>
                );
              })}
            </DataTable>
          ) : (
            <p>{t.html('referrals.none')}</p>
          )}
          <Pagination
            ctx={ctx}
            page={{ page, totalPages, total: list.total }}
            link={(p) => href(ctx, '/referrals', { view, status: filter, page: p })}
          />
          <h2>{t.html('referrals.how_to_start')}</h2>
          <p>{t.html('referrals.how_to_start_text')}</p>
          <p>
            <a href={`/${ctx.locale}/search`}>{t.html('referrals.find_service')}</a>
          </p>
          <h2>{t.html('membership.referrals.figures')}</h2>
          <ul>
            {list.own.map((id) => {
              const org = list.organisations.get(id);
              return (
                <li>
                  <a href={`/${ctx.locale}/manage/organisations/${id}/referrals`} safe>
                    {org ? nameOf(ctx, org.name) : id}
                  </a>
                </li>
              );
            })}
          </ul>
        </>
      )}
    </Layout>
  );
}
