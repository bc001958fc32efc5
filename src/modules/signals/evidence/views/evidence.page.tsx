// The evidence map, public: needs named by signals, survey answers and referrals that fell short,
// by theme, place and month, with every count under 5 (and what would give one away) hidden.
// Works without JavaScript: a GET form, the map drawn on the server, tables for every figure.
import type { PageContext } from '../../../../http/request-context.ts';
import type { FieldProblem } from '../../../../shared/errors.ts';
import { BarChart } from '../../../../views/bar-chart.tsx';
import { Choices, Select } from '../../../../views/forms.tsx';
import { Layout } from '../../../../views/layout.tsx';
import type { EvidencePageData } from '../present-evidence-page.ts';
import { Choropleth } from './choropleth.tsx';
import { measureTitle, MonthTable, periodLabel, PlaceTable, RisingNeeds, shown } from './evidence-parts.tsx';
import { TrendChart } from './trend-chart.tsx';

function Filters({
  ctx,
  data,
  problems,
}: {
  ctx: PageContext;
  data: EvidencePageData;
  problems: FieldProblem[];
}) {
  const { t } = ctx;
  const f = data.filter;
  const monthField = (name: 'from' | 'to') => {
    const problem = problems.find((p) => p.field === name);
    const id = `f-${name}`;
    return (
      <div class="field">
        <label for={id}>{t.html(`signals.evidence.${name}`)}</label>
        <span class="hint" id={`${id}-hint`}>
          {t.html('signals.evidence.month_hint')}
        </span>
        {problem?.code ? (
          <p class="field-error" id={`${id}-error`} safe>
            {t.t(`fields.${problem.code}` as Parameters<typeof t.t>[0])}
          </p>
        ) : (
          ''
        )}
        <input
          id={id}
          name={name}
          type="month"
          value={f[name]}
          min="2000-01"
          max={data.currentMonth}
          maxlength="7"
          aria-invalid={problem ? 'true' : undefined}
          aria-describedby={`${id}-hint${problem ? ` ${id}-error` : ''}`}
        />
      </div>
    );
  };
  return (
    <form method="get" action={`/${ctx.locale}/evidence`} class="form evidence-filters">
      <div class="evidence-filter-grid">
        <Select
          ctx={ctx}
          name="theme"
          label={t.t('signals.evidence.theme')}
          options={data.themes.map((th) => ({ value: th.code, label: th.name }))}
          value={f.theme ?? ''}
          empty={t.t('signals.evidence.all_themes')}
          problems={problems}
        />
        <Select
          ctx={ctx}
          name="commune"
          label={t.t('signals.evidence.commune')}
          options={data.communes.map((c) => ({ value: c.nis, label: c.name }))}
          value={f.commune ?? ''}
          empty={t.t('signals.evidence.all_communes')}
          problems={problems}
        />
        <Select
          ctx={ctx}
          name="source"
          label={t.t('signals.evidence.source')}
          options={(['signals', 'surveys', 'referrals'] as const).map((s) => ({
            value: s,
            label: t.t(`signals.evidence.source_${s}`),
          }))}
          value={f.source ?? ''}
          empty={t.t('signals.evidence.all_sources')}
          problems={problems}
        />
      </div>
      <div class="evidence-filter-grid">
        {monthField('from')}
        {monthField('to')}
      </div>
      <div class="evidence-filter-grid">
        <Choices
          ctx={ctx}
          name="measure"
          legend={t.t('signals.evidence.measure')}
          options={[
            { value: 'count', label: t.t('signals.evidence.count') },
            { value: 'rate', label: t.t('signals.evidence.rate') },
          ]}
          checked={[data.measure]}
        />
        <Choices
          ctx={ctx}
          name="level"
          legend={t.t('signals.evidence.level')}
          options={[
            { value: 'quartier', label: t.t('signals.evidence.by_quartier') },
            { value: 'commune', label: t.t('signals.evidence.by_commune') },
          ]}
          checked={[data.level]}
        />
      </div>
      {f.quartier !== null ? <input type="hidden" name="quartier" value={String(f.quartier)} /> : ''}
      <div class="form-actions">
        <button type="submit">{t.html('signals.evidence.show')}</button>
      </div>
    </form>
  );
}

export function EvidencePage({
  ctx,
  data,
  problems = [],
}: {
  ctx: PageContext;
  data: EvidencePageData;
  problems?: FieldProblem[];
}) {
  const { t } = ctx;
  const title = t.t('signals.evidence.title');
  const where = data.placeName ?? t.t('signals.evidence.region');
  const what = data.themeName ?? t.t('signals.evidence.all_themes');
  const period = `${ctx.t.month(data.filter.from)} – ${ctx.t.month(data.filter.to)}`;
  const api = `/api/v1/evidence${data.query ? `?${data.query}&` : '?'}`;
  return (
    <Layout
      ctx={ctx}
      title={title}
      description={t.t('signals.evidence.lead')}
      scripts={['vendor/leaflet/leaflet.js', 'evidence-map.js']}
      styles={['vendor/leaflet/leaflet.css', 'evidence.css']}
    >
      <h1 safe>{title}</h1>
      <p>{t.html('signals.evidence.lead')}</p>
      <p class="evidence-privacy">{t.html('signals.evidence.privacy')}</p>
      {problems.length ? (
        <div class="problems" role="alert" tabindex="-1">
          <p>{t.html('signals.evidence.bad_filter')}</p>
        </div>
      ) : (
        ''
      )}
      <Filters ctx={ctx} data={data} problems={problems} />

      <section aria-labelledby="summary-heading">
        <h2 id="summary-heading">{t.html('signals.evidence.summary')}</h2>
        <p class="evidence-total" safe>
          {t.t('signals.evidence.total', { what, where, period, count: shown(ctx, data.total.count) })}
        </p>
        <p class="hint" safe>
          {t.t('signals.evidence.made_of', { periods: t.list(data.periods.map((p) => periodLabel(ctx, p))) })}
        </p>
        <p class="hint">{t.html('signals.evidence.unit')}</p>
      </section>

      <section aria-labelledby="map-heading">
        <h2 id="map-heading">{t.html('signals.evidence.map')}</h2>
        <Choropleth
          ctx={ctx}
          id="evidence-map"
          places={data.mapPlaces}
          level={data.level}
          measure={data.measure}
          title={t.t('signals.evidence.map_caption', {
            measure: measureTitle(ctx, data.measure),
            what,
            period,
            level: t.t(
              data.level === 'quartier' ? 'signals.evidence.by_quartier' : 'signals.evidence.by_commune',
            ),
          })}
        />
        <PlaceTable ctx={ctx} data={data} />
      </section>

      <section aria-labelledby="trend-heading">
        <h2 id="trend-heading">{t.html('signals.evidence.trend')}</h2>
        <TrendChart
          ctx={ctx}
          id="trend"
          title={t.t('signals.evidence.trend_caption', { what, where })}
          months={data.months}
          monthLabel={(month) => ctx.t.month(month)}
        />
        <MonthTable ctx={ctx} data={data} />
      </section>

      <section aria-labelledby="themes-heading">
        <h2 id="themes-heading">{t.html('signals.evidence.by_theme')}</h2>
        <BarChart
          id="themes"
          title={t.t('signals.evidence.by_theme_caption', { where, period })}
          bars={data.byTheme.map((b) => ({ label: b.name, value: b.count }))}
          hiddenLabel={t.t('signals.evidence.hidden_short')}
          formatNumber={(n) => t.number(n)}
        />
        <BarChart
          id="sources"
          title={t.t('signals.evidence.by_source_caption', { what, where, period })}
          bars={data.bySource.map((b) => ({
            label: t.t(`signals.evidence.source_${b.source as 'signals'}`),
            value: b.count,
          }))}
          hiddenLabel={t.t('signals.evidence.hidden_short')}
          formatNumber={(n) => t.number(n)}
        />
      </section>

      <section aria-labelledby="rising-heading">
        <h2 id="rising-heading">{t.html('signals.evidence.rising')}</h2>
        <RisingNeeds ctx={ctx} data={data} />
      </section>

      <section aria-labelledby="data-heading">
        <h2 id="data-heading">{t.html('signals.evidence.data')}</h2>
        <ul>
          <li>
            <a href={`${api}format=csv`}>{t.html('signals.evidence.download_csv')}</a>
          </li>
          <li>
            <a href={`${api}format=geojson`}>{t.html('signals.evidence.download_geojson')}</a>
          </li>
          <li>
            <a href={`${api}format=json`}>{t.html('signals.evidence.download_json')}</a>
          </li>
        </ul>
        <p class="hint" safe>
          {t.t('signals.evidence.built_at', { at: t.dateTime(data.builtAt) })}
        </p>
      </section>
    </Layout>
  );
}
