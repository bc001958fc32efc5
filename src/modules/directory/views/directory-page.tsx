import type { PageContext } from '../../../http/request-context.ts';
import { href } from '../../../http/request-context.ts';
import { textIn } from '../../../shared/i18n-text.ts';
import type { Page } from '../../../shared/pagination.ts';
import { Pagination, vocabularyOptions } from '../../../views/components.tsx';
import { Layout } from '../../../views/layout.tsx';
import { geoReference } from '../../geo/index.ts';
import type { DirectoryFilters, OrganisationSummary, Theme } from '../presenters/page-data.ts';
import { commonLanguages, organisationKinds } from '../directory.vocabulary.ts';
import {
  communeName,
  Fact,
  FilterSelect,
  FiltersToggle,
  KindBadge,
  LanguagesList,
  label,
  LiveForm,
  VerificationBadge,
} from './parts.tsx';

export type DirectoryQuery = Omit<DirectoryFilters, 'organisationId' | 'withServices'> & {
  page: number;
  /** Organisations without services are shown too (after the others). */
  all?: boolean;
  /** How many organisations match but list no service, when they are left out. */
  withoutServices?: number;
};

const filterKeys = ['theme', 'commune', 'kind', 'language'] as const;

function queryOf(
  query: DirectoryQuery,
  change: Partial<DirectoryQuery> = {},
): Record<string, string | undefined> {
  const merged = { ...query, ...change };
  return {
    theme: merged.theme,
    commune: merged.commune,
    kind: merged.kind,
    language: merged.language,
    all: merged.all ? '1' : undefined,
    page: merged.page && merged.page > 1 ? String(merged.page) : undefined,
  };
}

function summaryOf(text: string): string {
  if (text.length <= 220) return text;
  const cut = text.slice(0, 220);
  return `${cut.slice(0, cut.lastIndexOf(' '))}…`;
}

function OrganisationCard({
  ctx,
  org,
  themeNames,
}: {
  ctx: PageContext;
  org: OrganisationSummary;
  themeNames: Map<string, string>;
}) {
  const { t } = ctx;
  return (
    <li class="card">
      <h2>
        <a href={href(ctx, `/organisations/${org.id}`)} safe>
          {textIn(org.name, ctx.locale)}
        </a>
      </h2>
      <p class="badges">
        <KindBadge ctx={ctx} kind={org.kind} /> <VerificationBadge ctx={ctx} state={org.verification} />
      </p>
      <p class="summary" safe>
        {summaryOf(textIn(org.description, ctx.locale))}
      </p>
      <dl class="facts">
        {org.communes.length ? (
          <Fact term={t.t('directory.where')} text={t.list(org.communes.map((c) => communeName(ctx, c)))} />
        ) : (
          ''
        )}
        {org.themes.length ? (
          <Fact term={t.t('directory.themes')} text={t.list(org.themes.map((c) => themeNames.get(c) ?? c))} />
        ) : (
          ''
        )}
        {org.languages.length ? (
          <Fact term={t.t('directory.languages')}>
            <LanguagesList ctx={ctx} codes={org.languages} />
          </Fact>
        ) : (
          ''
        )}
      </dl>
      <p class="count" safe>
        {t.t('directory.service_count', { count: org.serviceCount })}
      </p>
    </li>
  );
}

interface DirectoryPageData {
  ctx: PageContext;
  query: DirectoryQuery;
  page: Page<OrganisationSummary>;
  themes: Theme[];
}

export function DirectoryResults({ ctx, query, page, themes }: DirectoryPageData) {
  const { t } = ctx;
  const themeNames = new Map<string, string>();
  for (const theme of themes) {
    themeNames.set(theme.code, textIn(theme.name, ctx.locale));
    for (const child of theme.children) themeNames.set(child.code, textIn(child.name, ctx.locale));
  }
  const active = filterKeys.filter((k) => query[k]);
  const chips = active.length > 0 || query.all === true;
  const hidden = query.all ? 0 : (query.withoutServices ?? 0);
  const valueLabel = (key: (typeof filterKeys)[number]): string => {
    const value = query[key]!;
    if (key === 'theme') return themeNames.get(value) ?? value;
    if (key === 'commune') return communeName(ctx, value);
    if (key === 'kind') return label(ctx, 'directory.kind', value);
    return t.language(value);
  };
  return (
    <section id="results" class="results" aria-labelledby="results-count">
      <p id="results-count" class="results-count" role="status" safe>
        {t.t('directory.count', { count: page.total })}
      </p>
      {chips ? (
        <ul class="active-filters" aria-label={t.t('directory.active_filters')}>
          {active.map((key) => (
            <li>
              <a href={href(ctx, '/directory', queryOf(query, { [key]: undefined, page: 1 }))}>
                <span safe>{valueLabel(key)}</span>
                <span class="visually-hidden" safe>
                  {t.t('directory.remove_filter', { filter: t.t(`directory.filter.${key}`) })}
                </span>
                <span aria-hidden="true"> ×</span>
              </a>
            </li>
          ))}
          {query.all ? (
            <li>
              <a href={href(ctx, '/directory', queryOf(query, { all: false, page: 1 }))}>
                <span>{t.html('directory.filter.all_chip')}</span>
                <span class="visually-hidden" safe>
                  {t.t('directory.remove_filter', { filter: t.t('directory.filter.all_chip') })}
                </span>
                <span aria-hidden="true"> ×</span>
              </a>
            </li>
          ) : (
            ''
          )}
        </ul>
      ) : (
        ''
      )}
      {page.items.length ? (
        <ol class="cards">
          {page.items.map((org) => (
            <OrganisationCard ctx={ctx} org={org} themeNames={themeNames} />
          ))}
        </ol>
      ) : (
        <div class="empty">
          <p>{t.html(page.total ? 'directory.past_last_page' : 'directory.none')}</p>
          {active.length ? <p>{t.html('directory.none_hint')}</p> : ''}
        </div>
      )}
      {hidden ? (
        <p class="without-services note">
          <span safe>{t.t('directory.without_services', { count: hidden })}</span>{' '}
          <a href={href(ctx, '/directory', queryOf(query, { all: true, page: 1 }))}>
            {t.html('directory.show_without_services')}
          </a>
        </p>
      ) : (
        ''
      )}
      <Pagination ctx={ctx} page={page} link={(n) => href(ctx, '/directory', queryOf(query, { page: n }))} />
    </section>
  );
}

/** The filter's languages by their name in the reader's language: the same on every page, so sorted once. */
const sortedLanguages = new Map<string, string[]>();
function languagesByName(ctx: PageContext): string[] {
  let codes = sortedLanguages.get(ctx.locale);
  if (!codes) {
    const collator = new Intl.Collator(ctx.locale);
    codes = [...commonLanguages].sort((a, b) => collator.compare(ctx.t.language(a), ctx.t.language(b)));
    sortedLanguages.set(ctx.locale, codes);
  }
  return codes;
}

const allLabel = {
  commune: 'directory.all_communes',
  kind: 'directory.all_kinds',
  language: 'directory.all_languages',
} as const;

export function DirectoryPage({ ctx, query, page, themes }: DirectoryPageData) {
  const { t } = ctx;
  const communes = geoReference().communes;
  const languages = languagesByName(ctx);
  const selected = (value: string, current: string | undefined) => (value === current ? true : undefined);
  const filterSelect = (name: keyof typeof allLabel, options: { value: string; label: string }[]) => (
    <FilterSelect
      id={`f-${name}`}
      name={name}
      label={t.t(`directory.filter.${name}`)}
      any={t.t(allLabel[name])}
      options={options}
      current={query[name]}
    />
  );
  return (
    <Layout ctx={ctx} title={t.t('directory.title')} description={t.t('directory.lead')}>
      <h1>{t.html('directory.title')}</h1>
      <p class="lead">{t.html('directory.lead')}</p>
      <LiveForm class="filters-form" action={`/${ctx.locale}/directory`} trigger="change" replaces="results">
        <details class="filters-panel" id="directory-filters">
          <FiltersToggle ctx={ctx} chosen={filterKeys.filter((k) => query[k]).length + (query.all ? 1 : 0)} />
          <div class="filters">
            <div class="field">
              <label for="f-theme">{t.html('directory.filter.theme')}</label>
              <select id="f-theme" name="theme">
                <option value="">{t.html('directory.all_themes')}</option>
                {themes.map((theme) => (
                  <optgroup label={textIn(theme.name, ctx.locale)}>
                    <option value={theme.code} selected={selected(theme.code, query.theme)} safe>
                      {t.t('directory.whole_theme', { theme: textIn(theme.name, ctx.locale) })}
                    </option>
                    {theme.children.map((child) => (
                      <option value={child.code} selected={selected(child.code, query.theme)} safe>
                        {textIn(child.name, ctx.locale)}
                      </option>
                    ))}
                  </optgroup>
                ))}
              </select>
            </div>
            {filterSelect(
              'commune',
              communes.map((c) => ({ value: c.nis, label: c.name[ctx.locale] })),
            )}
            {filterSelect('kind', vocabularyOptions(ctx, 'directory.kind', organisationKinds))}
            {filterSelect(
              'language',
              languages.map((code) => ({ value: code, label: t.language(code) })),
            )}
            <div class="field check-field">
              <label class="check" for="f-all">
                <input
                  type="checkbox"
                  id="f-all"
                  name="all"
                  value="1"
                  checked={query.all ? true : undefined}
                />{' '}
                {t.html('directory.filter.all')}
              </label>
            </div>
            <div class="field submit">
              <button type="submit">{t.html('directory.apply')}</button>
            </div>
          </div>
        </details>
      </LiveForm>
      <DirectoryResults ctx={ctx} query={query} page={page} themes={themes} />
    </Layout>
  );
}
