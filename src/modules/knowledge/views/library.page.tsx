// The library of good practices: a search in any language (a GET form), filters by theme,
// obstacle, lever, kind of organisation involved and commune, and the published practices found,
// featured ones first, a page at a time.
import type { PageContext } from '../../../http/request-context.ts';
import { pickText } from '../../../shared/i18n-text.ts';
import { label, PrevNext } from '../../../views/components.tsx';
import { Notice } from '../../../views/forms.tsx';
import { Layout } from '../../../views/layout.tsx';
import type { LibraryData } from '../practices/page-data.ts';
import type { PracticeSearch } from '../practices/search-practices.ts';
import { communeName, communeOptions, itemOptions, themeOptions } from './parts.tsx';

export function libraryHref(ctx: PageContext, search: Partial<PracticeSearch>): string {
  const qs = new URLSearchParams();
  for (const [key, value] of Object.entries(search))
    if (value !== undefined && value !== '' && key !== 'perPage' && !(key === 'page' && value === 1))
      qs.set(key, String(value));
  const text = qs.toString();
  return `/${ctx.locale}/practices${text ? `?${text}` : ''}`;
}

function Filter({
  name,
  title,
  options,
  value,
  any,
}: {
  name: string;
  title: string;
  options: { value: string; label: string }[];
  value: string | undefined;
  any: string;
}) {
  return (
    <span class="filter-field">
      <label for={`filter-${name}`} safe>
        {title}
      </label>
      <select id={`filter-${name}`} name={name}>
        <option value="" safe>
          {any}
        </option>
        {options.map((o) => (
          <option value={o.value} selected={o.value === value ? true : undefined} safe>
            {o.label}
          </option>
        ))}
      </select>
    </span>
  );
}

export function LibraryPage({ ctx, data, done }: { ctx: PageContext; data: LibraryData; done?: string }) {
  const { t } = ctx;
  const { search, results } = data;
  const title = search.q
    ? t.t('knowledge.library.search_title', { q: search.q.slice(0, 80) })
    : t.t('knowledge.library.title');
  const any = t.t('knowledge.library.any');
  const themes = themeOptions(ctx, data.themes);
  const items = (kind: 'obstacle' | 'lever') => itemOptions(ctx, data.items, kind);
  return (
    <Layout ctx={ctx} title={title} description={t.t('knowledge.library.lead')}>
      <h1 safe>{title}</h1>
      <p>{t.html('knowledge.library.lead')}</p>
      {done ? <Notice text={done} /> : ''}
      {data.member ? (
        <p class="actions">
          <a class="button" href={`/${ctx.locale}/practices/new`}>
            {t.html('knowledge.library.write')}
          </a>{' '}
          <a href={`/${ctx.locale}/practices/mine`}>{t.html('knowledge.library.mine')}</a>
        </p>
      ) : (
        ''
      )}
      {data.moderator ? (
        <p class="actions">
          <a href={`/${ctx.locale}/practices/items`}>{t.html('knowledge.library.items')}</a>
        </p>
      ) : (
        ''
      )}
      <form
        method="get"
        action={`/${ctx.locale}/practices`}
        role="search"
        class="search-form practices-search"
      >
        <div class="search-bar">
          <label for="q" class="visually-hidden">
            {t.html('knowledge.library.search_label')}
          </label>
          <input id="q" name="q" type="search" value={search.q ?? ''} maxlength="200" />
          <button type="submit">{t.html('knowledge.library.search_submit')}</button>
        </div>
        <div class="near-bar">
          <Filter
            name="theme"
            title={t.t('knowledge.library.theme')}
            options={themes}
            value={search.theme}
            any={any}
          />
          <Filter
            name="obstacle"
            title={t.t('knowledge.library.obstacle')}
            options={items('obstacle')}
            value={search.obstacle}
            any={any}
          />
          <Filter
            name="lever"
            title={t.t('knowledge.library.lever')}
            options={items('lever')}
            value={search.lever}
            any={any}
          />
          <Filter
            name="kind"
            title={t.t('knowledge.library.organisation_kind')}
            options={data.kinds.map((k) => ({ value: k, label: label(ctx, 'directory.kind', k) }))}
            value={search.kind}
            any={any}
          />
          <Filter
            name="commune"
            title={t.t('knowledge.library.commune')}
            options={communeOptions(ctx)}
            value={search.commune}
            any={any}
          />
          <button type="submit" class="secondary">
            {t.html('knowledge.library.apply')}
          </button>
        </div>
      </form>
      {results.concepts.length ? (
        <p class="hint" safe>
          {t.t('knowledge.library.also_in_languages', {
            terms: results.concepts.map((c) => c.concept.terms[ctx.locale][0] ?? c.concept.id).join(', '),
          })}
        </p>
      ) : (
        ''
      )}
      <section aria-labelledby="results-title">
        <h2 id="results-title" class="visually-hidden">
          {t.html('knowledge.library.results')}
        </h2>
        {results.hits.length ? (
          <ol class="question-list practice-list">
            {results.hits.map((hit) => {
              const name = pickText(hit.title, ctx.locale);
              const summary = pickText(hit.summary, ctx.locale);
              return (
                <li class="question-hit practice-hit">
                  <h3 lang={name?.fallback ? name.lang : undefined}>
                    <a href={`/${ctx.locale}/practices/${hit.slug}`} safe>
                      {name?.text ?? ''}
                    </a>
                  </h3>
                  {summary ? (
                    <p class="summary" lang={summary.fallback ? summary.lang : undefined} safe>
                      {summary.text.length > 300 ? `${summary.text.slice(0, 300)}…` : summary.text}
                    </p>
                  ) : (
                    ''
                  )}
                  <ul class="badges">
                    {hit.featured ? (
                      <li class="badge verified">{t.html('knowledge.library.featured')}</li>
                    ) : (
                      ''
                    )}
                    {hit.communes.slice(0, 3).map((c) => (
                      <li class="badge" safe>
                        {communeName(ctx, c)}
                      </li>
                    ))}
                    {hit.themes.slice(0, 3).map((c) => (
                      <li class="badge" safe>
                        {themes.find((o) => o.value === c)?.label.replace(/^— /, '') ?? c}
                      </li>
                    ))}
                  </ul>
                </li>
              );
            })}
          </ol>
        ) : (
          <p class="empty">{t.html('knowledge.library.none')}</p>
        )}
      </section>
      <PrevNext
        ctx={ctx}
        page={results.page}
        more={results.more}
        link={(page) => libraryHref(ctx, { ...search, page })}
      />
    </Layout>
  );
}
