// One question's result: a table of counts and percentages, each row with a bar drawn on the server
// (SVG, hidden from screen readers, who read the table). No JavaScript, fits a phone. A count the
// public may not see (under 5, or one that would give such a count away) reads "not shown", with
// no share and no bar.
import type { PageContext } from '../../../../http/request-context.ts';
import { pickText } from '../../../../shared/i18n-text.ts';
import { DataTable } from '../../../../views/components.tsx';
import type { CountRow } from '../tally-survey.ts';

export function CountChart({ ctx, rows, caption }: { ctx: PageContext; rows: CountRow[]; caption: string }) {
  const { t } = ctx;
  const number = new Intl.NumberFormat(`${ctx.locale}-BE`);
  return (
    <div class="table-scroll">
      <DataTable
        caption={caption}
        class="survey-counts"
        columns={[
          t.t('signals.survey.results.answer'),
          t.t('signals.survey.results.count'),
          t.t('signals.survey.results.percent'),
          { hidden: t.t('signals.survey.results.bar') },
        ]}
      >
        {rows.map((row) => (
          <tr>
            <th scope="row" safe>
              {row.others
                ? t.t('signals.survey.results.other_quartiers')
                : (pickText(row.label, ctx.locale)?.text ?? '')}
            </th>
            <td class="number" safe>
              {row.count === null ? t.t('signals.survey.results.hidden') : number.format(row.count)}
            </td>
            <td class="number" safe>
              {row.percent === null ? '' : `${number.format(row.percent)} %`}
            </td>
            <td class="survey-bar">
              <svg viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true" focusable="false">
                <rect class="chart-grid-fill" width="100" height="10" />
                <rect
                  class="chart-bar"
                  width={String(Math.max(0, Math.min(100, row.percent ?? 0)))}
                  height="10"
                />
              </svg>
            </td>
          </tr>
        ))}
      </DataTable>
    </div>
  );
}
