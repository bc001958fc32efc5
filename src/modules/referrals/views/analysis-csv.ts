// The analysis as CSV, one line per cell: the same protected tables as the page (a hidden cell has
// no count here either), and no totals, so nothing hidden can be worked out by subtraction.
import type { PageContext } from '../../../http/request-context.ts';
import { csvField, csvLines } from '../../../shared/csv.ts';
import type { ProtectedTable, ReferralAnalysis } from '../presenters/page-data.ts';
import type { AnalysisNamers, Namer } from './analysis-names.ts';

export function analysisCsv(ctx: PageContext, analysis: ReferralAnalysis, names: AnalysisNamers): string {
  const { t } = ctx;
  const hidden = t.t('referrals.analysis.csv_hidden');
  const tables: [string, ProtectedTable, Namer, Namer][] = [
    ['month_in_progress', analysis.monthInProgress.totals, names.month, names.unmet],
    ['unmet_by_theme', analysis.unmetByTheme, names.theme, names.unmet],
    ['unmet_by_commune', analysis.unmetByCommune, names.commune, names.unmet],
    ['unmet_by_quartier', analysis.unmetByQuartier, names.quartier, names.unmet],
    ['unmet_by_month', analysis.unmetByMonth, names.month, names.unmet],
    ['flows_by_kind', analysis.kindFlows, names.kind, names.kind],
    ['flows_by_theme', analysis.themeFlows, names.theme, names.kind],
  ];
  const header = ['table', 'row_code', 'row', 'column_code', 'column', 'count'].map((column) =>
    t.t(`referrals.analysis.csv.${column}` as Parameters<typeof t.t>[0]),
  );
  const lines = [header];
  for (const [id, table, rowName, columnName] of tables)
    table.rows.forEach((row, r) =>
      table.columns.forEach((column, c) => {
        const n = table.cells[r]![c];
        lines.push([id, row, rowName(row), column, columnName(column), n === null ? hidden : String(n)]);
      }),
    );
  return csvLines(lines.map((line) => line.map(csvField)));
}
