// What analysts see of referrals: tables and charts of flows and unmet needs, with every count
// under 5 hidden (see shared/small-cells.ts). Never a person, never an organisation's name.
import type { PageContext } from '../../../http/request-context.ts';
import { BarChart } from '../../../views/bar-chart.tsx';
import { Layout } from '../../../views/layout.tsx';
import type { ProtectedTable, ReferralAnalysis } from '../presenters/page-data.ts';
import type { AnalysisNamers, Namer } from './analysis-names.ts';

/** The sum of the shown cells of a row; null when the row has only hidden cells. */
function shownTotal(row: (number | null)[]): number | null {
  const shown = row.filter((n): n is number => n !== null);
  return row.some((n) => n === null) && !shown.some((n) => n > 0) ? null : shown.reduce((a, b) => a + b, 0);
}

function Table({
  ctx,
  id,
  caption,
  table,
  rowName,
  columnName,
}: {
  ctx: PageContext;
  id: string;
  caption: string;
  table: ProtectedTable;
  rowName: Namer;
  columnName: Namer;
}) {
  const { t } = ctx;
  if (!table.rows.length) return <p>{t.html('referrals.analysis.empty')}</p>;
  return (
    <div class="table-scroll" role="region" aria-labelledby={`${id}-caption`} tabindex="0">
      <table class="data-table numbers">
        <caption id={`${id}-caption`} safe>
          {caption}
        </caption>
        <thead>
          <tr>
            <td></td>
            {table.columns.map((c) => (
              <th scope="col" safe>
                {columnName(c)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((r, i) => (
            <tr>
              <th scope="row" safe>
                {rowName(r)}
              </th>
              {table.cells[i]!.map((n) => (
                <td safe>{n === null ? t.t('referrals.analysis.hidden') : t.number(n)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function ReferralAnalysisPage({
  ctx,
  analysis,
  names,
}: {
  ctx: PageContext;
  analysis: ReferralAnalysis;
  names: AnalysisNamers;
}) {
  const { t } = ctx;
  const { kind, theme, commune, quartier, month, unmet } = names;
  /** An unmet-needs table with its chart: the bars are the counts shown in each row. */
  const unmetFigure = (id: string, caption: string, table: ProtectedTable, rowName: Namer) => (
    <>
      <BarChart
        id={`chart-${id}`}
        title={caption}
        bars={table.rows.map((r, i) => ({ label: rowName(r), value: shownTotal(table.cells[i]!) }))}
        hiddenLabel={t.t('referrals.analysis.hidden')}
        formatNumber={(n) => t.number(n)}
      />
      <Table ctx={ctx} id={id} caption={caption} table={table} rowName={rowName} columnName={unmet} />
    </>
  );
  const flows: [string, string, ProtectedTable, Namer][] = [
    ['flows-kind', t.t('referrals.analysis.flows_kinds'), analysis.kindFlows, kind],
    ['flows-theme', t.t('referrals.analysis.flows_themes'), analysis.themeFlows, theme],
  ];
  return (
    <Layout ctx={ctx} title={t.t('referrals.analysis.title')}>
      <h1>{t.html('referrals.analysis.title')}</h1>
      <p class="lead">
        {t.html('referrals.analysis.lead', { from: month(analysis.from), to: month(analysis.to) })}
      </p>
      <p>{t.html('referrals.analysis.privacy')}</p>
      <p>
        <a href={`/${ctx.locale}/analysis/referrals.csv`} download="">
          {t.html('referrals.analysis.download')}
        </a>
      </p>

      <h2>{t.html('referrals.analysis.so_far_title')}</h2>
      <p>{t.html('referrals.analysis.so_far_lead')}</p>
      <Table
        ctx={ctx}
        id="so-far"
        caption={t.t('referrals.analysis.so_far_caption', { month: month(analysis.monthInProgress.month) })}
        table={analysis.monthInProgress.totals}
        rowName={month}
        columnName={unmet}
      />

      <h2>{t.html('referrals.analysis.unmet_title')}</h2>
      <p>{t.html('referrals.analysis.unmet_lead')}</p>
      {unmetFigure('unmet-theme', t.t('referrals.analysis.unmet_by_theme'), analysis.unmetByTheme, theme)}
      {unmetFigure(
        'unmet-commune',
        t.t('referrals.analysis.unmet_by_commune'),
        analysis.unmetByCommune,
        commune,
      )}
      <Table
        ctx={ctx}
        id="unmet-quartier"
        caption={t.t('referrals.analysis.unmet_by_quartier')}
        table={analysis.unmetByQuartier}
        rowName={quartier}
        columnName={unmet}
      />
      {unmetFigure('unmet-month', t.t('referrals.analysis.unmet_by_month'), analysis.unmetByMonth, month)}

      <h2>{t.html('referrals.analysis.flows_title')}</h2>
      {flows.map(([id, caption, table, rowName]) => (
        <Table ctx={ctx} id={id} caption={caption} table={table} rowName={rowName} columnName={kind} />
      ))}
    </Layout>
  );
}
