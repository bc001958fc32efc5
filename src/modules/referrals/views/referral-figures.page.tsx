// An organisation's own referral figures over the last twelve months.
import { type PageContext } from '../../../http/request-context.ts';
import { label } from '../../../views/components.tsx';
import { Layout } from '../../../views/layout.tsx';
import type { OrganisationBrief } from '../../directory/index.ts';
import type { DirectionFigures, ReferralFigures } from '../presenters/page-data.ts';
import { declineReasons, outcomes, referralStatuses } from '../referrals.vocabulary.ts';
import { nameOf } from './referral-parts.tsx';

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
    h === null ? '—' : t.t('referrals.figures.hours', { hours: Math.round(h * 10) / 10 });
  const status = (code: string) => label(ctx, 'referrals.referral.status', code);
  const rows: [string, string][] = [
    [t.t('referrals.figures.total'), t.number(figures.total)],
    ...referralStatuses
      .filter((s) => s !== 'draft')
      .map((s): [string, string] => [status(s), t.number(figures.byStatus[s] ?? 0)]),
    ...outcomes.map((o): [string, string] => [
      `${status('completed')}: ${label(ctx, 'referrals.referral.outcome', o)}`,
      t.number(figures.byOutcome[o] ?? 0),
    ]),
    ...declineReasons.map((r): [string, string] => [
      `${status('declined')}: ${label(ctx, 'referrals.referral.reason', r)}`,
      t.number(figures.byDeclineReason[r] ?? 0),
    ]),
    [t.t('referrals.figures.answer_median'), hours(figures.answerHours.median)],
    [t.t('referrals.figures.answer_p90'), hours(figures.answerHours.p90)],
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
    <Layout ctx={ctx} title={t.t('referrals.figures.title', { organisation: name })}>
      <h1>{t.html('referrals.figures.title', { organisation: name })}</h1>
      <p class="lead">{t.html('referrals.figures.lead', { since: t.date(figures.since) })}</p>
      <div class="figures-columns">
        <FiguresTable ctx={ctx} caption={t.t('referrals.figures.sent')} figures={figures.sent} />
        <FiguresTable ctx={ctx} caption={t.t('referrals.figures.received')} figures={figures.received} />
      </div>
      <p>
        <a href={`/${ctx.locale}/referrals`}>{t.html('referrals.referral.back')}</a>
      </p>
    </Layout>
  );
}
