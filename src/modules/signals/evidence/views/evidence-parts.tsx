// Parts of the evidence page: the figures as tables (what screen readers read, and what the map and
// the charts show), and the rising needs.
import type { PageContext } from '../../../../http/request-context.ts';
import type { EvidencePageData, Measure, PlaceRow } from '../present-evidence-page.ts';

export function shown(ctx: PageContext, n: number | null): string {
  return n === null ? ctx.t.t('signals.evidence.hidden_short') : ctx.t.number(n);
}

/** 2026 → "2026", 2026-Q1 → "1st quarter 2026", 2026-03 → "Mar 2026". */
export function periodLabel(ctx: PageContext, period: string): string {
  const quarter = /^(\d{4})-Q([1-4])$/.exec(period);
  if (quarter) return ctx.t.t('signals.evidence.quarter', { quarter: Number(quarter[2]), year: quarter[1]! });
  return /^\d{4}$/.test(period) ? period : ctx.t.month(period);
}

function PlaceCells({ ctx, place }: { ctx: PageContext; place: PlaceRow }) {
  return (
    <>
      <td safe>{shown(ctx, place.count)}</td>
      <td safe>{place.count === null || place.rate === null ? '–' : ctx.t.number(place.rate)}</td>
    </>
  );
}

/** Every commune, with its quartiers under it in a second table that can be opened. */
export function PlaceTable({ ctx, data }: { ctx: PageContext; data: EvidencePageData }) {
  const { t } = ctx;
  const head = (first: string) => (
    <thead>
      <tr>
        <th scope="col" safe>
          {first}
        </th>
        <th scope="col">{t.html('signals.evidence.count')}</th>
        <th scope="col">{t.html('signals.evidence.rate')}</th>
      </tr>
    </thead>
  );
  return (
    <>
      <div class="table-scroll" role="region" aria-labelledby="communes-caption" tabindex="0">
        <table class="data-table numbers">
          <caption id="communes-caption">{t.html('signals.evidence.table_communes')}</caption>
          {head(t.t('signals.evidence.commune'))}
          <tbody>
            {data.table.map(({ commune }) => (
              <tr>
                <th scope="row" safe>
                  {commune.name}
                </th>
                <PlaceCells ctx={ctx} place={commune} />
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <details class="evidence-quartiers">
        <summary>{t.html('signals.evidence.table_quartiers')}</summary>
        <div class="table-scroll" role="region" aria-labelledby="quartiers-caption" tabindex="0">
          <table class="data-table numbers">
            <caption id="quartiers-caption">{t.html('signals.evidence.table_quartiers')}</caption>
            {head(t.t('signals.evidence.quartier'))}
            {data.table.map(({ commune, parts }) => (
              <tbody>
                <tr class="group">
                  <th scope="rowgroup" colspan="3" safe>
                    {commune.name}
                  </th>
                </tr>
                {parts.map((p) => (
                  <tr>
                    <th scope="row" safe>
                      {p.name}
                    </th>
                    <PlaceCells ctx={ctx} place={p} />
                  </tr>
                ))}
              </tbody>
            ))}
          </table>
        </div>
      </details>
    </>
  );
}

export function MonthTable({ ctx, data }: { ctx: PageContext; data: EvidencePageData }) {
  const { t } = ctx;
  const label = (month: string) => ctx.t.month(month);
  return (
    <details>
      <summary>{t.html('signals.evidence.trend_table')}</summary>
      <div class="table-scroll" role="region" aria-labelledby="months-caption" tabindex="0">
        <table class="data-table numbers">
          <caption id="months-caption">{t.html('signals.evidence.trend_table')}</caption>
          <thead>
            <tr>
              <th scope="col">{t.html('signals.evidence.month')}</th>
              <th scope="col">{t.html('signals.evidence.count')}</th>
            </tr>
          </thead>
          <tbody>
            {data.months.map((m) => (
              <tr>
                <th scope="row" safe>
                  {label(m.month)}
                </th>
                <td safe>{shown(ctx, m.count)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}

export function RisingNeeds({ ctx, data }: { ctx: PageContext; data: EvidencePageData }) {
  const { t } = ctx;
  const label = (month: string) => ctx.t.month(month);
  const { last, before, communes } = data.rising;
  return (
    <>
      <p>
        {t.html('signals.evidence.rising_lead', {
          lastFrom: label(last[0]),
          lastTo: label(last[1]),
          beforeFrom: label(before[0]),
          beforeTo: label(before[1]),
        })}
      </p>
      <ul class="evidence-rising">
        {communes.map((c) => (
          <li>
            <strong safe>{c.name}</strong>
            {': '}
            {c.rising.length ? (
              <span safe>
                {t.list(
                  c.rising.map((r) =>
                    t.t('signals.evidence.rising_item', { theme: r.name, last: r.last, before: r.before }),
                  ),
                )}
              </span>
            ) : (
              <span>{t.html('signals.evidence.rising_none')}</span>
            )}
            {c.unknown.length ? (
              <span class="hint" safe>
                {` ${t.t('signals.evidence.rising_unknown', { count: c.unknown.length })}`}
              </span>
            ) : (
              ''
            )}
          </li>
        ))}
      </ul>
    </>
  );
}

export function measureTitle(ctx: PageContext, measure: Measure): string {
  return ctx.t.t(measure === 'rate' ? 'signals.evidence.rate' : 'signals.evidence.count');
}
