// One referral: its timeline, the same for both sides, and what can be done next.
import { type PageContext } from '../../../http/request-context.ts';
import type { FieldProblem } from '../../../shared/errors.ts';
import { label, Section, vocabularyOptions } from '../../../views/components.tsx';
import { formFields } from '../../../views/form-fields.tsx';
import { CsrfField, ErrorSummary, Form, Notice } from '../../../views/forms.tsx';
import { Layout } from '../../../views/layout.tsx';
import type { OrganisationBrief } from '../../directory/index.ts';
import type { ReferralDetail, TimelineEntry } from '../presenters/page-data.ts';
import { declineReasons, outcomes } from '../referrals.vocabulary.ts';
import { nameOf, StatusBadge, ThemeName } from './referral-parts.tsx';

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
  const who =
    entry.actorName ??
    (entry.viaApi ? t.t('referrals.referral.via_api') : t.t('referrals.referral.platform'));
  return (
    <li class={entry.isNew ? 'is-new' : undefined}>
      <p class="timeline-head">
        <time datetime={entry.at.toISOString()} safe>
          {t.dateTime(entry.at)}
        </time>{' '}
        <strong safe>{label(ctx, 'referrals.referral.event', entry.kind)}</strong>
        {entry.kind === 'purged' || entry.kind === 'expired' || entry.kind === 'reminded' ? (
          ''
        ) : (
          <span safe>{` — ${who}${org ? ` (${nameOf(ctx, org.name)})` : ''}`}</span>
        )}
        {entry.isNew ? <span class="badge new">{t.html('referrals.new')}</span> : ''}
      </p>
      {entry.reason ? (
        <p safe>
          {label(
            ctx,
            entry.kind === 'decline' ? 'referrals.referral.reason' : 'referrals.referral.purge_reason',
            entry.reason,
          )}
        </p>
      ) : (
        ''
      )}
      {entry.outcome ? <p safe>{label(ctx, 'referrals.referral.outcome', entry.outcome)}</p> : ''}
      {entry.linkedReferralId ? (
        <p>
          <a href={`/${ctx.locale}/referrals/${entry.linkedReferralId}`}>
            {t.html(`referrals.referral.linked.${entry.kind === 'follows' ? 'follows' : 'elsewhere'}`)}
          </a>
        </p>
      ) : (
        ''
      )}
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
  // The handler checks one field "note"; each form on the page names its own.
  const f = formFields(ctx, {
    values,
    problems: problems.map((p) => (p.field === 'note' ? { ...p, field: `${name}_note` } : p)),
  });
  return (
    <form method="post" action={action} class="form">
      <CsrfField ctx={ctx} />
      {f.choices(name, legend, options)}
      {f.area(`${name}_note`, t.t('referrals.referral.note'), {
        hint: t.t('referrals.referral.note_hint'),
        maxlength: 1000,
        rows: 2,
      })}
      <button type="submit" class={secondary ? 'secondary' : undefined} safe>
        {button}
      </button>
    </form>
  );
}

/** The answers that come with a choice: how it ended, why it is declined. */
const choiceActions = [
  {
    action: 'complete',
    name: 'outcome',
    legend: 'referrals.referral.complete_legend',
    labels: 'referrals.referral.outcome',
    codes: outcomes,
  },
  {
    action: 'decline',
    name: 'reason',
    legend: 'referrals.referral.decline_legend',
    labels: 'referrals.referral.reason',
    codes: declineReasons,
  },
] as const;

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
  const title = t.t('referrals.referral.title', {
    from: nameOf(ctx, detail.from.name),
    to: nameOf(ctx, detail.to.name),
  });
  return (
    <Layout ctx={ctx} title={title}>
      <p>
        <a href={`/${ctx.locale}/referrals`}>{t.html('referrals.referral.back')}</a>
      </p>
      <h1 safe>{title}</h1>
      <p>
        <StatusBadge ctx={ctx} status={referral.status} />{' '}
        {referral.outcome ? (
          <span safe>{label(ctx, 'referrals.referral.outcome', referral.outcome)}</span>
        ) : (
          ''
        )}
        {referral.declineReason ? (
          <span safe>{label(ctx, 'referrals.referral.reason', referral.declineReason)}</span>
        ) : (
          ''
        )}
      </p>
      {notice ? <Notice text={notice.text} tone={notice.tone} /> : ''}
      <ErrorSummary ctx={ctx} problems={problems} />

      <Section id="need" title={t.t('referrals.referral.need')}>
        <dl class="facts">
          <dt>{t.html('referrals.referral.theme')}</dt>
          <dd>
            <ThemeName ctx={ctx} name={detail.theme.name} />
          </dd>
          <dt>{t.html('referrals.referral.urgency')}</dt>
          <dd safe>{label(ctx, 'referrals.referral.urgency', referral.urgency)}</dd>
          {detail.service ? (
            <>
              <dt>{t.html('referrals.referral.service')}</dt>
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
              <dt>{t.html('referrals.referral.need_text')}</dt>
              <dd class="message" safe>
                {person.need}
              </dd>
            </>
          ) : (
            ''
          )}
        </dl>
      </Section>

      <Section id="person" title={t.t('referrals.referral.person')}>
        {person ? (
          <dl class="facts">
            <dt>{t.html('referrals.referral.person_name')}</dt>
            <dd safe>{person.name}</dd>
            <dt>{t.html('referrals.referral.languages')}</dt>
            <dd safe>{t.list(person.languages.map((l) => t.language(l)))}</dd>
            <dt>{t.html('referrals.referral.channel')}</dt>
            <dd safe>
              {`${label(ctx, 'referrals.referral.channel', person.contactChannel)}${person.contactDetail ? `: ${person.contactDetail}` : ''}`}
            </dd>
            <dt>{t.html('referrals.referral.consent')}</dt>
            <dd safe>
              {t.t('referrals.referral.consent_text', {
                method: label(ctx, 'referrals.referral.consent_method', person.consent.method),
                until: t.date(person.consent.until),
                by: detail.consentRecordedByName ?? t.t('referrals.referral.via_api'),
              })}
            </dd>
            <dt>{t.html('referrals.referral.consent_purpose')}</dt>
            <dd safe>{person.consent.purpose}</dd>
          </dl>
        ) : (
          <p safe>
            {t.t('referrals.referral.purged', { date: referral.purgedAt ? t.date(referral.purgedAt) : '' })}
          </p>
        )}
      </Section>

      {detail.actions.length ? (
        <Section id="actions" title={t.t('referrals.referral.what_next')} class="referral-actions">
          {(['send', 'accept', 'start'] as const).map((a) =>
            can(a) ? (
              <ButtonForm ctx={ctx} action={action(a)} label={t.t(`referrals.referral.action.${a}`)} />
            ) : (
              ''
            ),
          )}
          {choiceActions
            .filter((c) => can(c.action))
            .map((c) => (
              <ChoiceForm
                ctx={ctx}
                action={action(c.action)}
                name={c.name}
                legend={t.t(c.legend)}
                options={vocabularyOptions(ctx, c.labels, c.codes)}
                button={t.t(`referrals.referral.action.${c.action}`)}
                secondary={c.action === 'decline'}
                values={values}
                problems={failedAction === c.action ? problems : []}
              />
            ))}
          {can('cancel') ? (
            <ButtonForm
              ctx={ctx}
              action={action('cancel')}
              label={t.t('referrals.referral.action.cancel')}
              secondary
            />
          ) : (
            ''
          )}
        </Section>
      ) : (
        ''
      )}

      {detail.canReferElsewhere ? (
        <Section id="elsewhere" title={t.t('referrals.elsewhere.title')}>
          <p>{t.html('referrals.elsewhere.lead')}</p>
          <p>
            <a class="button" href={`/${ctx.locale}/referrals/new?follows=${referral.id}`}>
              {t.html('referrals.elsewhere.start')}
            </a>
          </p>
        </Section>
      ) : (
        ''
      )}

      <Section id="timeline" title={t.t('referrals.referral.timeline')}>
        <ol class="timeline">
          {detail.timeline.map((entry) => (
            <TimelineItem ctx={ctx} entry={entry} organisations={organisations} />
          ))}
        </ol>
        {detail.canMessage ? (
          <Form
            ctx={ctx}
            action={action('messages')}
            submit={t.t('referrals.referral.send_message')}
            browserChecks
          >
            {formFields(ctx, { values, problems }).area('message', t.t('referrals.referral.message'), {
              hint: t.t('referrals.referral.message_hint'),
              maxlength: 2000,
              rows: 3,
            })}
          </Form>
        ) : (
          ''
        )}
      </Section>

      {detail.canWithdrawConsent ? (
        <Section id="consent" title={t.t('referrals.referral.withdraw_title')}>
          <p>{t.html('referrals.referral.withdraw_text')}</p>
          <Form
            ctx={ctx}
            action={action('withdraw-consent')}
            submit={t.t('referrals.referral.withdraw')}
            browserChecks
            danger
          >
            {formFields(ctx, { problems }).choices(
              'confirm',
              t.t('referrals.referral.withdraw_confirm_legend'),
              [{ value: 'yes', label: t.t('referrals.referral.withdraw_confirm') }],
              { multiple: true },
            )}
          </Form>
        </Section>
      ) : (
        ''
      )}
    </Layout>
  );
}
