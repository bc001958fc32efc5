import type { MessageKey } from '../../../i18n/index.ts';
import type { PageContext } from '../../../http/request-context.ts';
import { href } from '../../../http/request-context.ts';
import { type I18nText, type Locale, pickText } from '../../../shared/i18n-text.ts';
import { Pagination } from '../../../views/components.tsx';
import { Layout } from '../../../views/layout.tsx';
import { geoReference } from '../../geo/index.ts';
import type { SearchOutcome, SearchParams, Theme } from '../presenters/page-data.ts';
import {
  accessConditions,
  commonLanguages,
  organisationKinds,
  targetGroups,
} from '../directory.vocabulary.ts';
import { fold, termsOf, words } from '../search/text.ts';
import { communeName, KindBadge, label, LanguagesList, quartierName, VerificationBadge } from './parts.tsx';

type Hit = SearchOutcome['hits'][number];

/** The search as URL parameters, with one value changed; empty values left out. */
export function searchQuery(params: SearchParams, change: Partial<SearchParams> = {}): string {
  const merged = { ...params, ...change };
  const qs = new URLSearchParams();
  for (const [key, value] of Object.entries(merged)) {
    if (value === undefined || value === '' || key === 'per_page') continue;
    if (key === 'page' && value === 1) continue;
    if (Array.isArray(value)) for (const v of value) qs.append(key, String(v));
    else qs.set(key, String(value));
  }
  const text = qs.toString();
  return text ? `?${text}` : '';
}

/** A text with the words that matched the search marked, escaped. */
function Highlighted({ text, lang, terms }: { text: string; lang: Locale; terms: Set<string> }) {
  if (!terms.size) return <span safe>{text}</span>;
  const parts = text.split(/([\p{L}\p{N}]+)/u);
  return (
    <>
      {parts.map((part, i) =>
        i % 2 === 1 && (terms.has(fold(part)) || termsOf(part, lang).some((t) => terms.has(t))) ? (
          <mark safe>{part}</mark>
        ) : (
          <span safe>{part}</span>
        ),
      )}
    </>
  );
}

function snippetOf(text: string, terms: Set<string>, lang: Locale): string {
  if (text.length <= 200) return text;
  const first = words(text).find((w) => terms.has(fold(w)) || termsOf(w, lang).some((t) => terms.has(t)));
  const at = first ? text.toLowerCase().indexOf(first) : 0;
  const start = Math.max(0, at - 60);
  const cut = text.slice(start, start + 200);
  return `${start > 0 ? '…' : ''}${cut.slice(start > 0 ? cut.indexOf(' ') + 1 : 0, cut.lastIndexOf(' '))}…`;
}

function Localised({
  ctx,
  value,
  terms,
  snippet = false,
}: {
  ctx: PageContext;
  value: I18nText;
  terms: Set<string>;
  snippet?: boolean;
}) {
  const picked = pickText(value, ctx.locale);
  if (!picked) return '';
  const text = snippet ? snippetOf(picked.text, terms, picked.lang) : picked.text;
  return (
    <span lang={picked.fallback ? picked.lang : undefined}>
      <Highlighted text={text} lang={picked.lang} terms={terms} />
    </span>
  );
}

function ResultCard({ ctx, hit }: { ctx: PageContext; hit: Hit }) {
  const { t } = ctx;
  const { doc } = hit;
  const terms = new Set(hit.terms);
  const path = doc.type === 'service' ? `/services/${doc.id}` : `/organisations/${doc.id}`;
  return (
    <li class="card result">
      <h3>
        <a href={href(ctx, path)}>
          <Localised ctx={ctx} value={doc.name} terms={terms} />
        </a>
      </h3>
      {doc.type === 'service' ? (
        <p class="provider">
          <Localised ctx={ctx} value={doc.organisationName} terms={terms} />
        </p>
      ) : (
        ''
      )}
      <p class="badges">
        {hit.openNow === null ? (
          ''
        ) : (
          <span class={`badge hours ${hit.openNow ? 'open' : 'closed'}`}>
            {t.html(hit.openNow ? 'hours.open' : 'hours.closed')}
          </span>
        )}
        {hit.distanceKm !== undefined ? (
          <span class="badge distance" safe>
            {t.t('search.distance', { km: Math.round(hit.distanceKm * 10) / 10 })}
          </span>
        ) : (
          ''
        )}
        <KindBadge ctx={ctx} kind={doc.kind} />
        {doc.verified ? <VerificationBadge ctx={ctx} state="verified" /> : ''}
      </p>
      <p class="summary">
        <Localised ctx={ctx} value={doc.description} terms={terms} snippet />
      </p>
      <p class="facts-line">
        {doc.communes.length ? <span safe>{t.list(doc.communes.map((c) => communeName(ctx, c)))}</span> : ''}
        {doc.languages.length ? (
          <>
            {' · '}
            <LanguagesList ctx={ctx} codes={doc.languages} />
          </>
        ) : (
          ''
        )}
      </p>
      {doc.type === 'service' ? (
        <p class="refer-link">
          <a href={href(ctx, '/referrals/new', { service: doc.id })}>{t.html('referrals.refer')}</a>
        </p>
      ) : (
        ''
      )}
    </li>
  );
}

type SelectFacet = 'theme' | 'commune' | 'quartier' | 'kind' | 'language' | 'target';

function FacetSelect({
  ctx,
  name,
  options,
  current,
}: {
  ctx: PageContext;
  name: SelectFacet;
  options: { value: string; label: string; count: number }[];
  current: string | number | undefined;
}) {
  return (
    <div class="field">
      <label for={`s-${name}`}>{ctx.t.html(`search.filter.${name}` as MessageKey)}</label>
      <select id={`s-${name}`} name={name}>
        <option value="">{ctx.t.html('search.any')}</option>
        {options.map((o) => (
          <option value={o.value} selected={String(current) === o.value ? true : undefined} safe>
            {`${o.label} (${o.count})`}
          </option>
        ))}
      </select>
    </div>
  );
}

function Checkboxes({
  ctx,
  name,
  values,
  checked,
  counts,
  labelOf,
}: {
  ctx: PageContext;
  name: 'access' | 'open';
  values: readonly string[];
  checked: string[] | undefined;
  counts: Map<string, number>;
  labelOf: (value: string) => string;
}) {
  return (
    <fieldset class="checks">
      <legend>{ctx.t.html(`search.filter.${name}`)}</legend>
      {values.map((v) => (
        <label>
          <input type="checkbox" name={name} value={v} checked={checked?.includes(v) ? true : undefined} />{' '}
          <span safe>{`${labelOf(v)} (${counts.get(v) ?? 0})`}</span>
        </label>
      ))}
    </fieldset>
  );
}

export function SearchResults({
  ctx,
  params,
  outcome,
}: {
  ctx: PageContext;
  params: SearchParams;
  outcome: SearchOutcome;
}) {
  const { t } = ctx;
  const points = outcome.hits.flatMap((h) =>
    h.doc.points.map((p) => ({
      lat: p.lat,
      lon: p.lon,
      label: pickText(h.doc.name, ctx.locale)?.text ?? '',
    })),
  );
  const link = (change: Partial<SearchParams>) =>
    `/${ctx.locale}/search${searchQuery(params, { page: 1, ...change })}`;
  return (
    <section id="search-results" class="search-results" aria-labelledby="search-count">
      <p id="search-count" class="results-count" role="status">
        {t.html('search.count', { count: outcome.total })}
        {outcome.place?.label ? (
          <span safe>{` · ${t.t('search.near_place', { place: outcome.place.label })}`}</span>
        ) : (
          ''
        )}
      </p>
      {outcome.understood.length ? (
        <p class="understood" safe>
          {t.t('search.understood', { terms: t.list(outcome.understood) })}
        </p>
      ) : (
        ''
      )}
      {outcome.partial ? <p class="note">{t.html('search.partial')}</p> : ''}
      {outcome.total === 0 ? (
        <div class="empty">
          <p>{t.html('search.none')}</p>
          {outcome.didYouMean.length ? (
            <p>
              {t.html('search.did_you_mean')}{' '}
              {outcome.didYouMean.map((term, i) => (
                <>
                  {i ? ', ' : ''}
                  <a href={link({ q: term })} safe>
                    {term}
                  </a>
                </>
              ))}
            </p>
          ) : (
            ''
          )}
          {outcome.dropFilters.length ? (
            <ul>
              {outcome.dropFilters.map((d) => (
                <li>
                  <a
                    href={link({
                      [d.filter]: undefined,
                      ...(d.filter === 'near' ? { radius_km: undefined } : {}),
                    })}
                    safe
                  >
                    {t.t('search.drop_filter', {
                      filter: t.t(`search.filter.${d.filter}` as MessageKey),
                      count: d.total,
                    })}
                  </a>
                </li>
              ))}
            </ul>
          ) : (
            ''
          )}
        </div>
      ) : (
        <div class="results-with-map">
          <ol class="cards results-list">
            {outcome.hits.map((hit) => (
              <ResultCard ctx={ctx} hit={hit} />
            ))}
          </ol>
          {points.length ? (
            <div
              class="map search-map"
              data-map="points"
              data-communes="/api/v1/geo/communes"
              data-points={JSON.stringify(points)}
              data-tiles={ctx.tiles.url}
              data-attribution={ctx.tiles.attribution}
              role="region"
              aria-label={t.t('search.map_label')}
            ></div>
          ) : (
            ''
          )}
        </div>
      )}
      <Pagination
        ctx={ctx}
        page={{
          page: outcome.page,
          total: outcome.total,
          totalPages: Math.max(1, Math.ceil(outcome.total / outcome.perPage)),
        }}
        link={(n) => `/${ctx.locale}/search${searchQuery(params, { page: n })}`}
      />
    </section>
  );
}

/** Filters with their counts and the results: what htmx swaps while the search box keeps focus. */
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
  const options = (key: SelectFacet, values: readonly string[], labelOf: (v: string) => string) => {
    const c = counts(key);
    return values
      .filter((v) => c.has(v) || String(params[key]) === v)
      .map((v) => ({ value: v, label: labelOf(v), count: c.get(v) ?? 0 }));
  };
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
  return (
    <div id="search-layout" class="search-layout">
      <div class="facets" aria-label={t.t('search.filters')}>
        <FacetSelect
          ctx={ctx}
          name="theme"
          options={themeOptions
            .filter((o) => themeCounts.has(o.value) || o.value === params.theme)
            .map((o) => ({ ...o, count: themeCounts.get(o.value) ?? 0 }))}
          current={params.theme}
        />
        <FacetSelect
          ctx={ctx}
          name="commune"
          options={options(
            'commune',
            geo.communes.map((c) => c.nis),
            (v) => communeName(ctx, v),
          )}
          current={params.commune}
        />
        {params.commune ? (
          <FacetSelect
            ctx={ctx}
            name="quartier"
            options={options(
              'quartier',
              geo.quartiers.filter((q) => q.communeNis === params.commune).map((q) => String(q.code)),
              (v) => quartierName(ctx, Number(v)),
            )}
            current={params.quartier}
          />
        ) : (
          ''
        )}
        <FacetSelect
          ctx={ctx}
          name="kind"
          options={options('kind', organisationKinds, (v) => label(ctx, 'kind', v))}
          current={params.kind}
        />
        <FacetSelect
          ctx={ctx}
          name="language"
          options={options(
            'language',
            [...new Set([...commonLanguages, ...outcome.facets.language.map((f) => f.value)])],
            (v) => t.language(v),
          )}
          current={params.language}
        />
        <FacetSelect
          ctx={ctx}
          name="target"
          options={options('target', targetGroups, (v) => label(ctx, 'target', v))}
          current={params.target}
        />
        <Checkboxes
          ctx={ctx}
          name="open"
          values={['now', 'evening', 'weekend']}
          checked={params.open}
          counts={counts('open')}
          labelOf={(v) => t.t(`search.open.${v}` as MessageKey)}
        />
        <Checkboxes
          ctx={ctx}
          name="access"
          values={accessConditions}
          checked={params.access}
          counts={counts('access')}
          labelOf={(v) => label(ctx, 'access', v)}
        />
        <button type="submit" class="apply">
          {t.html('directory.apply')}
        </button>
      </div>
      <SearchResults ctx={ctx} params={params} outcome={outcome} />
    </div>
  );
}

/** The page around the search layout, which the caller renders (and may have kept from before). */
export function SearchPage({
  ctx,
  params,
  layout,
}: {
  ctx: PageContext;
  params: SearchParams;
  layout: JSX.Element;
}) {
  const { t } = ctx;
  const title = params.q ? t.t('search.title_for', { q: params.q.slice(0, 80) }) : t.t('search.title');
  return (
    <Layout
      ctx={ctx}
      title={title}
      description={t.t('search.lead')}
      scripts={['vendor/leaflet/leaflet.js', 'map.js', 'search.js']}
      styles={['vendor/leaflet/leaflet.css']}
    >
      <h1 safe>{title}</h1>
      <form
        id="search-form"
        class="search-form"
        role="search"
        method="get"
        action={`/${ctx.locale}/search`}
        hx-get={`/${ctx.locale}/search`}
        hx-trigger="input changed delay:300ms from:#q, search from:#q, change"
        hx-target="#search-layout"
        hx-select="#search-layout"
        hx-swap="outerHTML"
        hx-push-url="true"
        hx-sync="this:replace"
      >
        <div class="search-bar">
          <label for="q" class="visually-hidden">
            {t.html('search.label')}
          </label>
          <input
            id="q"
            name="q"
            type="search"
            value={params.q ?? ''}
            placeholder={t.t('search.placeholder')}
            autocomplete="off"
            maxlength="1000"
            list="q-suggestions"
            data-suggest={`/api/v1/search/suggest?locale=${ctx.locale}&q=`}
          />
          <datalist id="q-suggestions"></datalist>
          <button type="submit">{t.html('search.submit')}</button>
        </div>
        <div class="near-bar">
          <label for="near">{t.html('search.near')}</label>
          <input
            id="near"
            name="near"
            type="text"
            value={params.near ?? ''}
            placeholder={t.t('search.near_placeholder')}
            maxlength="200"
          />
          <button type="button" class="secondary locate" hidden data-lat-field="lat" data-lon-field="lon">
            {t.html('search.my_location')}
          </button>
          <input
            type="hidden"
            id="lat"
            name="lat"
            value={params.lat === undefined ? '' : String(params.lat)}
          />
          <input
            type="hidden"
            id="lon"
            name="lon"
            value={params.lon === undefined ? '' : String(params.lon)}
          />
          <label for="radius_km">{t.html('search.radius')}</label>
          <select id="radius_km" name="radius_km">
            <option value="">{t.html('search.any_distance')}</option>
            {[0.5, 1, 2, 5].map((km) => (
              <option value={String(km)} selected={params.radius_km === km ? true : undefined} safe>
                {t.t('search.within', { km })}
              </option>
            ))}
          </select>
          <label for="sort">{t.html('search.sort')}</label>
          <select id="sort" name="sort">
            <option value="relevance">{t.html('search.sort_relevance')}</option>
            <option value="distance" selected={params.sort === 'distance' ? true : undefined}>
              {t.html('search.sort_distance')}
            </option>
          </select>
        </div>
        {layout}
      </form>
    </Layout>
  );
}
