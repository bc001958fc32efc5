// The moderators' queue: open reports, listings to verify, stale listings, claims waiting.
import type { PageContext } from '../../../http/request-context.ts';
import { type I18nText, pickText } from '../../../shared/i18n-text.ts';
import { label, OrganisationLink, Section } from '../../../views/components.tsx';
import { Notice, PostButton } from '../../../views/forms.tsx';
import { Layout } from '../../../views/layout.tsx';

const nameOf = (ctx: PageContext, name: I18nText) => pickText(name, ctx.locale)?.text ?? '';

export interface QueueReport {
  id: string;
  organisation: { id: string; name: I18nText };
  reason: string;
  message: string;
  createdAt: Date;
}

export function ModerationPage({
  ctx,
  reports,
  unverified,
  stale,
  pendingClaims,
  notice,
}: {
  ctx: PageContext;
  reports: QueueReport[];
  /** `own`: the moderator belongs to it, so another moderator verifies it. */
  unverified: { id: string; name: I18nText; createdAt: Date; own: boolean }[];
  stale: { id: string; name: I18nText; lastConfirmedAt: string | null }[];
  pendingClaims: number;
  notice?: string;
}) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t.t('moderation.title')}>
      <h1>{t.html('moderation.title')}</h1>
      {notice ? <Notice text={notice} /> : ''}
      <p>
        <a href={`/${ctx.locale}/moderation/claims`} safe>
          {t.t('moderation.claims_waiting', { count: pendingClaims })}
        </a>{' '}
        · <a href={`/${ctx.locale}/moderation/signals`}>{t.html('moderation.signals_queue')}</a>
        {' · '}
        <a href={`/${ctx.locale}/moderation/surveys`}>{t.html('moderation.network_surveys')}</a>
        {' · '}
        <a href={`/${ctx.locale}/moderation/posts`}>{t.html('moderation.network_posts')}</a>
      </p>

      <Section id="reports" title={t.t('moderation.reports', { count: reports.length })}>
        <ul class="cards">
          {reports.map((r) => (
            <li class="card">
              <h3>
                <OrganisationLink ctx={ctx} organisation={r.organisation} />
              </h3>
              <p>
                <strong safe>{label(ctx, 'moderation.report.reason', r.reason)}</strong> ·{' '}
                <span safe>{t.date(r.createdAt, 'medium')}</span>
              </p>
              {r.message ? <blockquote safe>{r.message}</blockquote> : ''}
              <p>
                <a href={`/${ctx.locale}/manage/organisations/${r.organisation.id}/profile`}>
                  {t.html('directory.confirm_listing.edit')}
                </a>
              </p>
              <PostButton
                ctx={ctx}
                action={`/${ctx.locale}/moderation/reports/${r.id}/resolve`}
                label={t.t('moderation.resolve')}
              />
            </li>
          ))}
        </ul>
      </Section>

      <Section id="unverified" title={t.t('moderation.unverified', { count: unverified.length })}>
        <ul>
          {unverified.map((o) => (
            <li>
              <OrganisationLink ctx={ctx} organisation={o} /> ·{' '}
              <span safe>{t.date(o.createdAt, 'medium')}</span>{' '}
              {o.own ? (
                <span class="hint">{t.html('moderation.own_organisation')}</span>
              ) : (
                <PostButton
                  ctx={ctx}
                  action={`/${ctx.locale}/moderation/organisations/${o.id}/verify`}
                  label={t.t('moderation.verify')}
                  ariaLabel={t.t('moderation.verify_name', { name: nameOf(ctx, o.name) })}
                  hidden={{ verified: '1' }}
                />
              )}
            </li>
          ))}
        </ul>
      </Section>

      <Section id="stale" title={t.t('moderation.stale', { count: stale.length })}>
        <p class="hint">{t.html('moderation.stale_hint')}</p>
        <ul>
          {stale.map((o) => (
            <li>
              <OrganisationLink ctx={ctx} organisation={o} /> ·{' '}
              <span safe>
                {o.lastConfirmedAt
                  ? t.t('moderation.confirmed_on', { date: t.date(o.lastConfirmedAt, 'medium') })
                  : t.t('moderation.never_confirmed')}
              </span>
            </li>
          ))}
        </ul>
      </Section>
    </Layout>
  );
}
