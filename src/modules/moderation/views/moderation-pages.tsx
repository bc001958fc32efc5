// The report form for visitors; the moderators' queue; the audit log for platform admins.
import type { PageContext } from '../../../http/request-context.ts';
import type { FieldProblem } from '../../../shared/errors.ts';
import { type I18nText, pickText } from '../../../shared/i18n-text.ts';
import { label, Pagination, vocabularyOptions } from '../../../views/components.tsx';
import { Choices, Form, Notice, PostButton, TextArea } from '../../../views/forms.tsx';
import { Layout } from '../../../views/layout.tsx';
import { RequestPage } from '../../../views/request-page.tsx';
import type { Page } from '../../../shared/pagination.ts';
import { reportReasons } from '../moderation.vocabulary.ts';

const nameOf = (ctx: PageContext, name: I18nText) => pickText(name, ctx.locale)?.text ?? '';

export function ReportPage({
  ctx,
  organisation,
  values = {},
  problems = [],
  message,
  sent = false,
}: {
  ctx: PageContext;
  organisation: { id: string; name: I18nText };
  values?: Record<string, string>;
  problems?: FieldProblem[];
  message?: string;
  sent?: boolean;
}) {
  const { t } = ctx;
  const title = t.t('moderation.report.title', { organisation: nameOf(ctx, organisation.name) });
  return (
    <RequestPage
      ctx={ctx}
      title={title}
      lead={t.t('moderation.report.lead')}
      sent={Boolean(sent)}
      sentText={t.t('moderation.report.sent')}
      back={{ href: `/${ctx.locale}/organisations/${organisation.id}`, text: t.t('directory.claim.back') }}
    >
      {message ? <Notice text={message} tone="warn" /> : ''}
      <Form
        problems={problems}
        ctx={ctx}
        action={`/${ctx.locale}/organisations/${organisation.id}/report`}
        submit={t.t('moderation.report.submit')}
      >
        <Choices
          ctx={ctx}
          name="reason"
          legend={t.t('moderation.report.reason')}
          options={vocabularyOptions(ctx, 'moderation.report.reason', reportReasons)}
          checked={values.reason ? [values.reason] : []}
          problems={problems}
        />
        <TextArea
          ctx={ctx}
          name="message"
          label={t.t('moderation.report.message')}
          hint={t.t('moderation.report.message_hint')}
          value={values.message}
          maxlength={1000}
        />
      </Form>
    </RequestPage>
  );
}

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
  const orgLink = (o: { id: string; name: I18nText }) => (
    <a href={`/${ctx.locale}/organisations/${o.id}`} safe>
      {nameOf(ctx, o.name)}
    </a>
  );
  return (
    <Layout ctx={ctx} title={t.t('moderation.title')}>
      <h1>{t.html('moderation.title')}</h1>
      {notice ? <Notice text={notice} /> : ''}
      <p>
        <a href={`/${ctx.locale}/moderation/claims`} safe>
          {t.t('moderation.claims_waiting', { count: pendingClaims })}
        </a>
      </p>

      <section aria-labelledby="reports-title">
        <h2 id="reports-title" safe>
          {t.t('moderation.reports', { count: reports.length })}
        </h2>
        <ul class="cards">
          {reports.map((r) => (
            <li class="card">
              <h3>{orgLink(r.organisation)}</h3>
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
      </section>

      <section aria-labelledby="unverified-title">
        <h2 id="unverified-title" safe>
          {t.t('moderation.unverified', { count: unverified.length })}
        </h2>
        <ul>
          {unverified.map((o) => (
            <li>
              {orgLink(o)} · <span safe>{t.date(o.createdAt, 'medium')}</span>{' '}
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
      </section>

      <section aria-labelledby="stale-title">
        <h2 id="stale-title" safe>
          {t.t('moderation.stale', { count: stale.length })}
        </h2>
        <p class="hint">{t.html('moderation.stale_hint')}</p>
        <ul>
          {stale.map((o) => (
            <li>
              {orgLink(o)} ·{' '}
              <span safe>
                {o.lastConfirmedAt
                  ? t.t('moderation.confirmed_on', { date: t.date(o.lastConfirmedAt, 'medium') })
                  : t.t('moderation.never_confirmed')}
              </span>
            </li>
          ))}
        </ul>
      </section>
    </Layout>
  );
}

export interface AuditRowView {
  id: number;
  at: Date;
  actor: string;
  event: string;
  subject: string;
  ip: string;
  details: string;
}

export function AuditPage({
  ctx,
  page,
  event,
}: {
  ctx: PageContext;
  page: Page<AuditRowView>;
  event?: string;
}) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t.t('moderation.audit.title')}>
      <h1>{t.html('moderation.audit.title')}</h1>
      <p>{t.html('moderation.audit.lead')}</p>
      <form method="get" action={`/${ctx.locale}/admin/audit`} class="form">
        <div class="field">
          <label for="f-event">{t.html('moderation.audit.event')}</label>
          <input id="f-event" name="event" type="text" value={event ?? ''} maxlength="100" />
        </div>
        <div class="form-actions">
          <button type="submit">{t.html('directory.apply')}</button>
        </div>
      </form>
      <table class="data-table">
        <caption class="visually-hidden">{t.html('moderation.audit.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t.html('moderation.audit.when')}</th>
            <th scope="col">{t.html('moderation.audit.who')}</th>
            <th scope="col">{t.html('moderation.audit.event')}</th>
            <th scope="col">{t.html('moderation.audit.subject')}</th>
            <th scope="col">IP</th>
            <th scope="col">{t.html('moderation.audit.details')}</th>
          </tr>
        </thead>
        <tbody>
          {page.items.map((r) => (
            <tr>
              <td safe>{r.at.toISOString().replace('T', ' ').slice(0, 19)}</td>
              <td safe>{r.actor}</td>
              <td>
                <code safe>{r.event}</code>
              </td>
              <td safe>{r.subject}</td>
              <td safe>{r.ip}</td>
              <td>
                <code safe>{r.details}</code>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <Pagination
        ctx={ctx}
        page={page}
        link={(n) =>
          `/${ctx.locale}/admin/audit?page=${n}${event ? `&event=${encodeURIComponent(event)}` : ''}`
        }
      />
    </Layout>
  );
}
