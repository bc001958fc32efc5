// The search page: the form with its filters (facets with counts), and the results.
import type { MessageKey } from '../../../i18n/index.ts';
import type { PageContext } from '../../../http/request-context.ts';
import { pickText } from '../../../shared/i18n-text.ts';
import { Layout } from '../../../views/layout.tsx';
import { geoReference } from '../../geo/index.ts';
import type { SearchOutcome, SearchParams, Theme } from '../presenters/page-data.ts';
import {
  accessConditions,
  commonLanguages,
  organisationKinds,
  targetGroups,
} from '../directory.vocabulary.ts';
import { communeName, FilterSelect, FiltersToggle, label, LiveForm, quartierName } from './parts.tsx';
import { SearchResults } from './search-results.tsx';
import { RelatedBoxes } from './search-related.tsx';
import { type DocType, docTypes, type RelatedResults } from '../../search/index.ts';
import { typeLabel } from './search-other-card.tsx';

type SelectFacet = 'theme' | 'commune' | 'quartier' | 'kind' | 'language' | 'target';

function Checkboxes({
  ctx,
  name,
  values,
  checked,
  counts,
  labelOf,
}: {
  ctx: PageContext;
  name: 'access' | 'open' | 'type';
  values: readonly string[];
  checked: string[] | undefined;
  counts: Map<string, number>;
  labelOf: (value: string) => string;
}) {
  return (
    <fieldset class="checks">
      <legend>{ctx.t.html(`directory.search.filter.${name}`)}</legend>
      {values.map((v) => (
        <label>
          <input type="checkbox" name={name} value={v} checked={checked?.includes(v) ? true : undefined} />{' '}
          <span safe>{`${labelOf(v)} (${counts.get(v) ?? 0})`}</span>
        </label>
      ))}
    </fieldset>
  );
}

export function SearchLayout({
  ctx,
  params,
  outcome,
  themes,
}: {
  ctx: PageContext;
  params: SearchParams;
  outcome: SearchOutcome;
  themes: Theme[];
}) {
  const { t } = ctx;
  const geo = geoReference();
  const counts = (key: keyof SearchOutcome['facets']) =>
    new Map(outcome.facets[key].map((f) => [f.value, f.count]));
  const facetSelect = (key: SelectFacet, options: { value: string; label: string; count: number }[]) => (
    <FilterSelect
      id={`s-${key}`}
      name={key}
      label={t.t(`directory.search.filter.${key}` as MessageKey)}
      any={t.t('directory.search.any')}
      options={options.map((o) => ({ value: o.value, label: `${o.label} (${o.count})` }))}
      current={params[key] === undefined ? undefined : String(params[key])}
    />
  );
  /** A select of one facet: the values with results, and the chosen one even without. */
  const facet = (key: SelectFacet, values: readonly string[], labelOf: (v: string) => string) => {
    const c = counts(key);
    const options = values
      .filter((v) => c.has(v) || String(params[key]) === v)
      .map((v) => ({ value: v, label: labelOf(v), count: c.get(v) ?? 0 }));
    return facetSelect(key, options);
  };
  const checks = (
    key: 'open' | 'access' | 'type',
    values: readonly string[],
    labelOf: (v: string) => string,
  ) => (
    <Checkboxes
      ctx={ctx}
      name={key}
      values={values}
      checked={params[key]}
      counts={counts(key)}
      labelOf={labelOf}
    />
  );
  const themeOptions = themes.flatMap((theme) => [
    { value: theme.code, label: pickText(theme.name, ctx.locale)?.text ?? theme.code },
    ...(params.theme && (params.theme === theme.code || params.theme.startsWith(`${theme.code}.`))
      ? theme.children.map((c) => ({
          value: c.code,
          label: `— ${pickText(c.name, ctx.locale)?.text ?? c.code}`,
        }))
      : []),
  ]);
  const themeCounts = counts('theme');
  const typeCounts = counts('type');
  return (
    <div id="search-layout" class="search-layout">
      <details class="filters-panel" id="search-filters">
        <FiltersToggle
          ctx={ctx}
          chosen={
            [
              params.theme,
              params.commune,
              params.quartier,
              params.kind,
              params.language,
              params.target,
            ].filter((v) => v !== undefined && v !== '').length +
            (params.open?.length ?? 0) +
            (params.type?.length ?? 0) +
            (params.access?.length ?? 0)
          }
        />
        <div class="facets" role="group" aria-label={t.t('directory.search.filters')}>
          {typeCounts.size || params.type?.length
            ? checks(
                'type',
                docTypes.filter((v) => typeCounts.has(v) || params.type?.includes(v)),
                (v) => typeLabel(ctx, v as DocType),
              )
            : ''}
          {facetSelect(
            'theme',
            themeOptions
              .filter((o) => themeCounts.has(o.value) || o.value === params.theme)
              .map((o) => ({ ...o, count: themeCounts.get(o.value) ?? 0 })),
          )}
          {facet(
            'commune',
            geo.communes.map((c) => c.nis),
            (v) => communeName(ctx, v),
          )}
          {params.commune
            ? facet(
                'quartier',
                geo.quartiers.filter((q) => q.communeNis === params.commune).map((q) => String(q.code)),
                (v) => quartierName(ctx, Number(v)),
              )
            : ''}
          {facet('kind', organisationKinds, (v) => label(ctx, 'directory.kind', v))}
          {facet(
            'language',
            [...new Set([...commonLanguages, ...outcome.facets.language.map((f) => f.value)])],
            (v) => t.language(v),
          )}
          {facet('target', targetGroups, (v) => label(ctx, 'directory.target', v))}
          {checks('open', ['now', 'evening', 'weekend'], (v) =>
            t.t(`directory.search.open.${v}` as MessageKey),
          )}
          {checks('access', accessConditions, (v) => label(ctx, 'directory.access', v))}
          <button type="submit" class="apply">
            {t.html('directory.apply')}
          </button>
        </div>
      </details>
      <SearchResults ctx={ctx} params={params} outcome={outcome} />
    </div>
  );
}

/** The words searched for, with suggestions as one types when `suggest` (search.js). */
export function QueryField({
  ctx,
  id,
  value,
  suggest = false,
}: {
  ctx: PageContext;
  id: string;
  value?: string;
  suggest?: boolean;
}) {
  return (
    <>
      <label for={id} class="visually-hidden">
        {ctx.t.html('directory.search.label')}
      </label>
      <input
        id={id}
        name="q"
        type="search"
        value={value ?? ''}
        placeholder={ctx.t.t('directory.search.placeholder')}
        autocomplete={suggest ? 'off' : undefined}
        maxlength="1000"
        list={suggest ? 'q-suggestions' : undefined}
        data-suggest={suggest ? `/api/v1/search/suggest?locale=${ctx.locale}&q=` : undefined}
      />
    </>
  );
}

/** The page around the search layout, which the caller renders (and may have kept from before). */
export function SearchPage({
  ctx,
  params,
  layout,
  related = [],
}: {
  ctx: PageContext;
  params: SearchParams;
  layout: JSX.Element;
  /** What other modules found for the same words (questions to the network). */
  related?: RelatedResults[];
}) {
  const { t } = ctx;
  const title = params.q
    ? t.t('directory.search.title_for', { q: params.q.slice(0, 80) })
    : t.t('directory.search.title');
  return (
    <Layout
      ctx={ctx}
      title={title}
      description={t.t('directory.search.lead')}
      scripts={['vendor/leaflet/leaflet.js', 'map.js', 'search.js']}
      styles={['vendor/leaflet/leaflet.css']}
    >
      <h1 safe>{title}</h1>
      <LiveForm
        id="search-form"
        class="search-form"
        role="search"
        action={`/${ctx.locale}/search`}
        trigger="input changed delay:300ms from:#q, search from:#q, change"
        replaces="search-layout"
        sync="this:replace"
      >
        <div class="search-bar">
          <QueryField ctx={ctx} id="q" value={params.q} suggest />
          <datalist id="q-suggestions"></datalist>
          <button type="submit">{t.html('directory.search.submit')}</button>
        </div>
        <div class="near-bar">
          <label for="near">{t.html('directory.search.near')}</label>
          <input
            id="near"
            name="near"
            type="text"
            value={params.near ?? ''}
            placeholder={t.t('directory.search.near_placeholder')}
            maxlength="200"
          />
          <button type="button" class="secondary locate" hidden data-lat-field="lat" data-lon-field="lon">
            {t.html('directory.search.my_location')}
          </button>
          {(['lat', 'lon'] as const).map((name) => (
            <input
              type="hidden"
              id={name}
              name={name}
              value={params[name] === undefined ? '' : String(params[name])}
            />
          ))}
          <label for="radius_km">{t.html('directory.search.radius')}</label>
          <select id="radius_km" name="radius_km">
            <option value="">{t.html('directory.search.any_distance')}</option>
            {[0.5, 1, 2, 5].map((km) => (
              <option value={String(km)} selected={params.radius_km === km ? true : undefined} safe>
                {t.t('directory.search.within', { km })}
              </option>
            ))}
          </select>
          <label for="sort">{t.html('directory.search.sort')}</label>
          <select id="sort" name="sort">
            <option value="relevance">{t.html('directory.search.sort_relevance')}</option>
            <option value="distance" selected={params.sort === 'distance' ? true : undefined}>
              {t.html('directory.search.sort_distance')}
            </option>
          </select>
        </div>
        {layout}
        <RelatedBoxes boxes={related} />
      </LiveForm>
    </Layout>
  );
}
