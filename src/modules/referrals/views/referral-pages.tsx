// Pages for referrals: the list, the form to refer someone, one referral with its timeline and
// what can be done next, and an organisation's own figures.
import { href, type PageContext } from '../../../http/request-context.ts';
import type { FieldProblem } from '../../../shared/errors.ts';
import { type I18nText, locales, pickText } from '../../../shared/i18n-text.ts';
import { label, Pagination } from '../../../views/components.tsx';
import { Choices, CsrfField, ErrorSummary, Field, Notice, Select, TextArea } from '../../../views/forms.tsx';
import { Layout } from '../../../views/layout.tsx';
import type { Commune } from '../../geo/index.ts';
import type { OrganisationBrief, Theme } from '../../directory/index.ts';
import type {
  DirectionFigures,
  ReferralDetail,
  ReferralFigures,
  ReferralList,
  TimelineEntry,
} from '../presenters/page-data.ts';
import {
  consentMethods,
  contactChannels,
  declineReasons,
  outcomes,
  type ReferralStatus,
  referralStatuses,
  urgencies,
} from '../referrals.vocabulary.ts';

const nameOf = (ctx: PageContext, name: I18nText) => pickText(name, ctx.locale)?.text ?? '';

function StatusBadge({ ctx, status }: { ctx: PageContext; status: ReferralStatus }) {
  return (
    <span class={`status status-${status}`} safe>
      {label(ctx, 'referral.status', status)}
    </span>
  );
}

/** The theme in all three languages, so both sides read the same need whatever their language. */
function ThemeNames({ name }: { name: I18nText }) {
  return (
    <span class="theme-names">
      {locales.map((l, i) =>
        name[l] ? (
          <>
            {i ? ' · ' : ''}
            <span lang={l} safe>
              {name[l]}
            </span>
          </>
        ) : (
          ''
        ),
      )}
    </span>
  );
}

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
            <table class="data-table">
              <caption class="visually-hidden">{t.html(`referrals.${view}`)}</caption>
              <thead>
                <tr>
                  <th scope="col">{t.html('referrals.col.date')}</th>
                  <th scope="col">
                    {t.html(view === 'received' ? 'referrals.col.from' : 'referrals.col.to')}
                  </th>
                  <th scope="col">{t.html('referrals.col.theme')}</th>
                  <th scope="col">{t.html('referrals.col.urgency')}</th>
                  <th scope="col">{t.html('referrals.col.status')}</th>
                </tr>
              </thead>
              <tbody>
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
                      <td safe>{label(ctx, 'referral.urgency', r.urgency)}</td>
                      <td>
                        <StatusBadge ctx={ctx} status={r.status} />
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
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
          <h2>{t.html('referrals.figures')}</h2>
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

export interface ReferralTarget {
  organisation: OrganisationBrief;
  service: { id: string; name: I18nText } | null;
}

export function NewReferralPage({
  ctx,
  target,
  own,
  themes,
  communes,
  languages,
  values = {},
  problems = [],
  status = 'form',
}: {
  ctx: PageContext;
  target: ReferralTarget;
  own: OrganisationBrief[];
  themes: Theme[];
  communes: Commune[];
  languages: readonly string[];
  values?: Record<string, string | string[]>;
  problems?: FieldProblem[];
  status?: 'form' | 'not_a_referrer' | 'own_organisation';
}) {
  const { t } = ctx;
  const value = (name: string) => {
    const v = values[name];
    return Array.isArray(v) ? v[0] : v;
  };
  const list = (name: string) => {
    const v = values[name];
    return v === undefined ? [] : Array.isArray(v) ? v : [v];
  };
  const to = nameOf(ctx, target.organisation.name);
  return (
    <Layout ctx={ctx} title={t.t('referral_form.title', { organisation: to })}>
      <h1>{t.html('referral_form.title', { organisation: to })}</h1>
      {target.service ? (
        <p class="lead">
          {t.html('referral_form.for_service', { service: nameOf(ctx, target.service.name) })}
        </p>
      ) : (
        ''
      )}
      {status !== 'form' ? (
        <Notice
          tone="warn"
          text={t.t(status === 'own_organisation' ? 'fields.referral_same' : 'referral_form.not_a_referrer')}
        />
      ) : (
        <>
          <div class="notice warn" role="note">
            <p>{t.html('referral_form.privacy')}</p>
            <p>
              <strong>{t.html('referral_form.no_national_number')}</strong>
            </p>
          </div>
          <ErrorSummary ctx={ctx} problems={problems} />
          <form method="post" action={`/${ctx.locale}/referrals/new`} class="form" novalidate>
            <CsrfField ctx={ctx} />
            {target.service ? <input type="hidden" name="service" value={target.service.id} /> : ''}
            <input type="hidden" name="organisation" value={target.organisation.id} />
            {own.length > 1 || problems.some((p) => p.field === 'from_organisation') ? (
              <Select
                ctx={ctx}
                name="from_organisation"
                label={t.t('referral_form.from')}
                options={own.map((o) => ({ value: o.id, label: nameOf(ctx, o.name) }))}
                value={value('from_organisation')}
                problems={problems}
              />
            ) : (
              <input type="hidden" name="from_organisation" value={own[0]?.id ?? ''} />
            )}
            <fieldset>
              <legend>{t.html('referral_form.person')}</legend>
              <Field
                ctx={ctx}
                name="person_name"
                label={t.t('referral_form.person_name')}
                hint={t.t('referral_form.person_name_hint')}
                value={value('person_name')}
                problems={problems}
                maxlength={40}
                autocomplete="off"
              />
              <Choices
                ctx={ctx}
                name="languages"
                legend={t.t('referral_form.languages')}
                multiple
                options={languages.map((l) => ({ value: l, label: t.language(l) }))}
                checked={list('languages')}
                problems={problems}
              />
              <Choices
                ctx={ctx}
                name="contact_channel"
                legend={t.t('referral_form.channel')}
                options={contactChannels.map((c) => ({ value: c, label: label(ctx, 'referral.channel', c) }))}
                checked={list('contact_channel')}
                problems={problems}
              />
              <Field
                ctx={ctx}
                name="contact_detail"
                label={t.t('referral_form.contact_detail')}
                hint={t.t('referral_form.contact_detail_hint')}
                value={value('contact_detail')}
                problems={problems}
                maxlength={120}
                autocomplete="off"
              />
              <Select
                ctx={ctx}
                name="commune"
                label={t.t('referral_form.commune')}
                hint={t.t('referral_form.commune_hint')}
                empty={t.t('referral_form.commune_unknown')}
                options={[
                  ...communes.map((c) => ({ value: c.nis, label: nameOf(ctx, c.name) })),
                  { value: 'outside', label: t.t('referral_form.commune_outside') },
                ]}
                value={value('commune')}
                problems={problems}
              />
            </fieldset>
            <fieldset>
              <legend>{t.html('referral_form.need')}</legend>
              <Select
                ctx={ctx}
                name="theme"
                label={t.t('referral_form.theme')}
                empty={t.t('referral_form.choose_theme')}
                options={themes.map((th) => ({ value: th.code, label: nameOf(ctx, th.name) }))}
                value={value('theme')}
                problems={problems}
              />
              <TextArea
                ctx={ctx}
                name="need"
                label={t.t('referral_form.need_text')}
                hint={t.t('referral_form.need_hint')}
                value={value('need')}
                maxlength={1000}
                problems={problems}
              />
              <Choices
                ctx={ctx}
                name="urgency"
                legend={t.t('referral_form.urgency')}
                options={urgencies.map((u) => ({ value: u, label: label(ctx, 'referral.urgency', u) }))}
                checked={list('urgency').length ? list('urgency') : ['routine']}
                problems={problems}
              />
            </fieldset>
            <fieldset>
              <legend>{t.html('referral_form.consent')}</legend>
              <p class="hint">{t.html('referral_form.consent_hint')}</p>
              <Choices
                ctx={ctx}
                name="consent_method"
                legend={t.t('referral_form.consent_method')}
                options={consentMethods.map((m) => ({
                  value: m,
                  label: label(ctx, 'referral.consent_method', m),
                }))}
                checked={list('consent_method')}
                problems={problems}
              />
              <TextArea
                ctx={ctx}
                name="consent_purpose"
                label={t.t('referral_form.consent_purpose')}
                value={
                  value('consent_purpose') ??
                  t.t('referral_form.consent_purpose_default', { organisation: to })
                }
                maxlength={300}
                rows={2}
                problems={problems}
              />
              <Field
                ctx={ctx}
                name="consent_until"
                type="date"
                label={t.t('referral_form.consent_until')}
                hint={t.t('referral_form.consent_until_hint')}
                value={value('consent_until')}
                problems={problems}
              />
            </fieldset>
            <div class="form-actions">
              <button type="submit" name="intent" value="send">
                {t.html('referral_form.send')}
              </button>{' '}
              <button type="submit" name="intent" value="draft" class="secondary">
                {t.html('referral_form.save_draft')}
              </button>
            </div>
          </form>
        </>
      )}
    </Layout>
  );
}

function TimelineItem({
  ctx,
  entry,
  organisations,
}: {
  ctx: PageContext;
  entry: TimelineEntry;
  organisations: Map<string, OrganisationBrief>;
}) {
  const { t } = ctx;
  const org = entry.organisationId ? organisations.get(entry.organisationId) : undefined;
  const who = entry.actorName ?? (entry.viaApi ? t.t('referral.via_api') : t.t('referral.platform'));
  return (
    <li class={entry.isNew ? 'is-new' : undefined}>
      <p class="timeline-head">
        <time datetime={entry.at.toISOString()} safe>
          {t.dateTime(entry.at)}
        </time>{' '}
        <strong safe>{label(ctx, 'referral.event', entry.kind)}</strong>
        {entry.kind === 'purged' || entry.kind === 'expired' || entry.kind === 'reminded' ? (
          ''
        ) : (
          <span safe>{` — ${who}${org ? ` (${nameOf(ctx, org.name)})` : ''}`}</span>
        )}
        {entry.isNew ? <span class="badge new">{t.html('referrals.new')}</span> : ''}
      </p>
      {entry.reason ? (
        <p safe>
          {label(ctx, entry.kind === 'decline' ? 'referral.reason' : 'referral.purge_reason', entry.reason)}
        </p>
      ) : (
        ''
      )}
      {entry.outcome ? <p safe>{label(ctx, 'referral.outcome', entry.outcome)}</p> : ''}
      {entry.body ? (
        <blockquote class="message" safe>
          {entry.body}
        </blockquote>
      ) : (
        ''
      )}
    </li>
  );
}

/** One button that changes the referral's status. */
function ButtonForm({
  ctx,
  action,
  label: text,
  secondary = false,
}: {
  ctx: PageContext;
  action: string;
  label: string;
  secondary?: boolean;
}) {
  return (
    <form method="post" action={action} class="inline-form">
      <CsrfField ctx={ctx} />
      <button type="submit" class={secondary ? 'secondary' : undefined} safe>
        {text}
      </button>
    </form>
  );
}

/** A status change that needs a choice (a reason, an outcome) and may carry a short note. */
function ChoiceForm({
  ctx,
  action,
  name,
  legend,
  options,
  button,
  secondary = false,
  values,
  problems,
}: {
  ctx: PageContext;
  action: string;
  name: string;
  legend: string;
  options: { value: string; label: string }[];
  button: string;
  secondary?: boolean;
  values: Record<string, string>;
  problems: FieldProblem[];
}) {
  const { t } = ctx;
  return (
    <form method="post" action={action} class="form">
      <CsrfField ctx={ctx} />
      <Choices
        ctx={ctx}
        name={name}
        legend={legend}
        options={options}
        checked={values[name] ? [values[name]] : []}
        problems={problems}
      />
      <TextArea
        ctx={ctx}
        name={`${name}_note`}
        label={t.t('referral.note')}
        hint={t.t('referral.note_hint')}
        value={values[`${name}_note`]}
        maxlength={1000}
        rows={2}
        problems={problems.map((p) => (p.field === 'note' ? { ...p, field: `${name}_note` } : p))}
      />
      <button type="submit" class={secondary ? 'secondary' : undefined} safe>
        {button}
      </button>
    </form>
  );
}

export function ReferralPage({
  ctx,
  detail,
  notice,
  problems = [],
  values = {},
  failedAction,
}: {
  ctx: PageContext;
  detail: ReferralDetail;
  notice?: { text: string; tone?: 'ok' | 'warn' };
  problems?: FieldProblem[];
  values?: Record<string, string>;
  /** The status change whose form was refused, to show its problems next to its fields. */
  failedAction?: string;
}) {
  const { t } = ctx;
  const { referral, person } = detail;
  const organisations = new Map([
    [detail.from.id, detail.from],
    [detail.to.id, detail.to],
  ]);
  const action = (name: string) => `/${ctx.locale}/referrals/${referral.id}/${name}`;
  const can = (a: (typeof detail.actions)[number]) => detail.actions.includes(a);
  const title = t.t('referral.title', {
    from: nameOf(ctx, detail.from.name),
    to: nameOf(ctx, detail.to.name),
  });
  return (
    <Layout ctx={ctx} title={title}>
      <p>
        <a href={`/${ctx.locale}/referrals`}>{t.html('referral.back')}</a>
      </p>
      <h1 safe>{title}</h1>
      <p>
        <StatusBadge ctx={ctx} status={referral.status} />{' '}
        {referral.outcome ? <span safe>{label(ctx, 'referral.outcome', referral.outcome)}</span> : ''}
        {referral.declineReason ? (
          <span safe>{label(ctx, 'referral.reason', referral.declineReason)}</span>
        ) : (
          ''
        )}
      </p>
      {notice ? <Notice text={notice.text} tone={notice.tone} /> : ''}
      <ErrorSummary ctx={ctx} problems={problems} />

      <section aria-labelledby="need-title">
        <h2 id="need-title">{t.html('referral.need')}</h2>
        <dl class="facts">
          <dt>{t.html('referral.theme')}</dt>
          <dd>
            <ThemeNames name={detail.theme.name} />
          </dd>
          <dt>{t.html('referral.urgency')}</dt>
          <dd safe>{label(ctx, 'referral.urgency', referral.urgency)}</dd>
          {detail.service ? (
            <>
              <dt>{t.html('referral.service')}</dt>
              <dd>
                <a href={`/${ctx.locale}/services/${detail.service.id}`} safe>
                  {nameOf(ctx, detail.service.name)}
                </a>
              </dd>
            </>
          ) : (
            ''
          )}
          {person ? (
            <>
              <dt>{t.html('referral.need_text')}</dt>
              <dd class="message" safe>
                {person.need}
              </dd>
            </>
          ) : (
            ''
          )}
        </dl>
      </section>

      <section aria-labelledby="person-title">
        <h2 id="person-title">{t.html('referral.person')}</h2>
        {person ? (
          <dl class="facts">
            <dt>{t.html('referral.person_name')}</dt>
            <dd safe>{person.name}</dd>
            <dt>{t.html('referral.languages')}</dt>
            <dd safe>{t.list(person.languages.map((l) => t.language(l)))}</dd>
            <dt>{t.html('referral.channel')}</dt>
            <dd safe>
              {`${label(ctx, 'referral.channel', person.contactChannel)}${person.contactDetail ? `: ${person.contactDetail}` : ''}`}
            </dd>
            <dt>{t.html('referral.consent')}</dt>
            <dd safe>
              {t.t('referral.consent_text', {
                method: label(ctx, 'referral.consent_method', person.consent.method),
                until: t.date(person.consent.until),
                by: detail.consentRecordedByName ?? t.t('referral.via_api'),
              })}
            </dd>
            <dt>{t.html('referral.consent_purpose')}</dt>
            <dd safe>{person.consent.purpose}</dd>
          </dl>
        ) : (
          <p safe>{t.t('referral.purged', { date: referral.purgedAt ? t.date(referral.purgedAt) : '' })}</p>
        )}
      </section>

      {detail.actions.length ? (
        <section aria-labelledby="actions-title" class="referral-actions">
          <h2 id="actions-title">{t.html('referral.what_next')}</h2>
          {(['send', 'accept', 'start'] as const).map((a) =>
            can(a) ? <ButtonForm ctx={ctx} action={action(a)} label={t.t(`referral.action.${a}`)} /> : '',
          )}
          {can('complete') ? (
            <ChoiceForm
              ctx={ctx}
              action={action('complete')}
              name="outcome"
              legend={t.t('referral.complete_legend')}
              options={outcomes.map((o) => ({ value: o, label: label(ctx, 'referral.outcome', o) }))}
              button={t.t('referral.action.complete')}
              values={values}
              problems={failedAction === 'complete' ? problems : []}
            />
          ) : (
            ''
          )}
          {can('decline') ? (
            <ChoiceForm
              ctx={ctx}
              action={action('decline')}
              name="reason"
              legend={t.t('referral.decline_legend')}
              options={declineReasons.map((r) => ({ value: r, label: label(ctx, 'referral.reason', r) }))}
              button={t.t('referral.action.decline')}
              secondary
              values={values}
              problems={failedAction === 'decline' ? problems : []}
            />
          ) : (
            ''
          )}
          {can('cancel') ? (
            <ButtonForm ctx={ctx} action={action('cancel')} label={t.t('referral.action.cancel')} secondary />
          ) : (
            ''
          )}
        </section>
      ) : (
        ''
      )}

      <section aria-labelledby="timeline-title">
        <h2 id="timeline-title">{t.html('referral.timeline')}</h2>
        <ol class="timeline">
          {detail.timeline.map((entry) => (
            <TimelineItem ctx={ctx} entry={entry} organisations={organisations} />
          ))}
        </ol>
        {detail.canMessage ? (
          <form method="post" action={action('messages')} class="form">
            <CsrfField ctx={ctx} />
            <TextArea
              ctx={ctx}
              name="message"
              label={t.t('referral.message')}
              hint={t.t('referral.message_hint')}
              value={values.message}
              maxlength={2000}
              rows={3}
              problems={problems}
            />
            <button type="submit">{t.html('referral.send_message')}</button>
          </form>
        ) : (
          ''
        )}
      </section>

      {detail.canWithdrawConsent ? (
        <section aria-labelledby="consent-title">
          <h2 id="consent-title">{t.html('referral.withdraw_title')}</h2>
          <p>{t.html('referral.withdraw_text')}</p>
          <form method="post" action={action('withdraw-consent')} class="form">
            <CsrfField ctx={ctx} />
            <Choices
              ctx={ctx}
              name="confirm"
              legend={t.t('referral.withdraw_confirm_legend')}
              multiple
              options={[{ value: 'yes', label: t.t('referral.withdraw_confirm') }]}
              checked={[]}
              problems={problems}
            />
            <button type="submit" class="danger">
              {t.html('referral.withdraw')}
            </button>
          </form>
        </section>
      ) : (
        ''
      )}
    </Layout>
  );
}

function FiguresTable({
  ctx,
  caption,
  figures,
}: {
  ctx: PageContext;
  caption: string;
  figures: DirectionFigures;
}) {
  const { t } = ctx;
  const hours = (h: number | null) =>
    h === null ? '—' : t.t('figures.hours', { hours: Math.round(h * 10) / 10 });
  const status = (code: string) => label(ctx, 'referral.status', code);
  const rows: [string, string][] = [
    [t.t('figures.total'), t.number(figures.total)],
    ...referralStatuses
      .filter((s) => s !== 'draft')
      .map((s): [string, string] => [status(s), t.number(figures.byStatus[s] ?? 0)]),
    ...outcomes.map((o): [string, string] => [
      `${status('completed')}: ${label(ctx, 'referral.outcome', o)}`,
      t.number(figures.byOutcome[o] ?? 0),
    ]),
    ...declineReasons.map((r): [string, string] => [
      `${status('declined')}: ${label(ctx, 'referral.reason', r)}`,
      t.number(figures.byDeclineReason[r] ?? 0),
    ]),
    [t.t('figures.answer_median'), hours(figures.answerHours.median)],
    [t.t('figures.answer_p90'), hours(figures.answerHours.p90)],
  ];
  return (
    <table class="data-table">
      <caption safe>{caption}</caption>
      <tbody>
        {rows.map(([name, value]) => (
          <tr>
            <th scope="row" safe>
              {name}
            </th>
            <td safe>{value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function ReferralFiguresPage({
  ctx,
  organisation,
  figures,
}: {
  ctx: PageContext;
  organisation: OrganisationBrief;
  figures: ReferralFigures;
}) {
  const { t } = ctx;
  const name = nameOf(ctx, organisation.name);
  return (
    <Layout ctx={ctx} title={t.t('figures.title', { organisation: name })}>
      <h1>{t.html('figures.title', { organisation: name })}</h1>
      <p class="lead">{t.html('figures.lead', { since: t.date(figures.since) })}</p>
      <div class="figures-columns">
        <FiguresTable ctx={ctx} caption={t.t('figures.sent')} figures={figures.sent} />
        <FiguresTable ctx={ctx} caption={t.t('figures.received')} figures={figures.received} />
      </div>
      <p>
        <a href={`/${ctx.locale}/referrals`}>{t.html('referral.back')}</a>
      </p>
    </Layout>
  );
}
