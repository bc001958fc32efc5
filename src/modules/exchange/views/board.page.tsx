// The board of offers and requests between organisations: a search in any language and filters
// (offer or request, kind, theme, commune, language) in a GET form, open posts newest first.
import type { PageContext } from '../../../http/request-context.ts';
import { PrevNext, vocabularyOptions } from '../../../views/components.tsx';
import { Notice } from '../../../views/forms.tsx';
import { Layout } from '../../../views/layout.tsx';
import { postDirections, postKinds } from '../exchange.vocabulary.ts';
import type { BoardData } from '../posts/page-data.ts';
import type { BoardSearch } from '../posts/search-posts.ts';
import { communeOptions, languageOptions, PostCardItem, themeNamer, themeOptions } from './parts.tsx';

export function boardHref(ctx: PageContext, search: Partial<BoardSearch>): string {
  const qs = new URLSearchParams();
  for (const [key, value] of Object.entries(search))
    if (value !== undefined && value !== '' && key !== 'perPage' && !(key === 'page' && value === 1))
      qs.set(key, String(value));
  const text = qs.toString();
  return `/${ctx.locale}/exchange${text ? `?${text}` : ''}`;
}

export function FilterSelect({
  ctx,
  name,
  label,
  options,
  value,
}: {
  ctx: PageContext;
  name: string;
  label: string;
  options: { value: string; label: string }[];
  value: string | undefined;
}) {
  return (
    <div class="field">
      <label for={`f-${name}`} safe>
        {label}
      </label>
      <select id={`f-${name}`} name={name}>
        <option value="">{ctx.t.html('exchange.board.any')}</option>
        {options.map((o) => (
          <option value={o.value} selected={o.value === value ? true : undefined} safe>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export function BoardPage({ ctx, data, done }: { ctx: PageContext; data: BoardData; done?: string }) {
  const { t } = ctx;
  const { search, results } = data;
  const title = search.q
    ? t.t('exchange.board.search_title', { q: search.q.slice(0, 80) })
    : t.t('exchange.board.title');
  const themeName = themeNamer(ctx, data.themes);
  return (
    <Layout ctx={ctx} title={title} description={t.t('exchange.board.lead')}>
      <h1 safe>{title}</h1>
      <p>{t.html('exchange.board.lead')}</p>
      {done ? <Notice text={done} /> : ''}
      <p class="actions">
        <a class="button" href={`/${ctx.locale}/exchange/new`}>
          {t.html('exchange.board.post')}
        </a>
        {data.unread !== null ? (
          <>
            {' '}
            <a class="button secondary" href={`/${ctx.locale}/exchange/mine`} safe>
              {data.unread
                ? t.t('exchange.mine.link_unread', { count: data.unread })
                : t.t('exchange.mine.title')}
            </a>
          </>
        ) : (
          ''
        )}{' '}
        <a href={`/${ctx.locale}/exchange/calls`}>{t.html('exchange.calls.title')}</a>
      </p>
      <form method="get" action={`/${ctx.locale}/exchange`} role="search" class="search-form exchange-search">
        <div class="search-bar">
          <label for="q" class="visually-hidden">
            {t.html('exchange.board.search_label')}
          </label>
          <input id="q" name="q" type="search" value={search.q ?? ''} maxlength="200" />
          <button type="submit">{t.html('exchange.board.search_submit')}</button>
        </div>
        <div class="filters">
          <FilterSelect
            ctx={ctx}
            name="direction"
            label={t.t('exchange.board.direction')}
            options={vocabularyOptions(ctx, 'exchange.directions', postDirections)}
            value={search.direction}
          />
          <FilterSelect
            ctx={ctx}
            name="kind"
            label={t.t('exchange.board.kind')}
            options={vocabularyOptions(ctx, 'exchange.kind', postKinds)}
            value={search.kind}
          />
          <FilterSelect
            ctx={ctx}
            name="theme"
            label={t.t('exchange.board.theme')}
            options={themeOptions(ctx, data.themes)}
            value={search.theme}
          />
          <FilterSelect
            ctx={ctx}
            name="commune"
            label={t.t('exchange.board.commune')}
            options={communeOptions(ctx)}
            value={search.commune}
          />
          <FilterSelect
            ctx={ctx}
            name="language"
            label={t.t('exchange.board.language')}
            options={languageOptions(ctx)}
            value={search.language}
          />
          <button type="submit" class="secondary">
            {t.html('exchange.board.apply')}
          </button>
        </div>
      </form>
      {results.concepts.length ? (
        <p class="hint" safe>
          {t.t('exchange.board.also_in_languages', {
            terms: results.concepts.map((c) => c.concept.terms[ctx.locale][0] ?? c.concept.id).join(', '),
          })}
        </p>
      ) : (
        ''
      )}
      <section aria-labelledby="results-title">
        <h2 id="results-title" class="visually-hidden">
          {t.html('exchange.board.results')}
        </h2>
        {results.hits.length ? (
          <ol class="cards exchange-list">
            {results.hits.map((post) => (
              <PostCardItem
                ctx={ctx}
                post={post}
                organisation={data.organisations.get(post.organisationId)}
                themeName={themeName}
              />
            ))}
          </ol>
        ) : (
          <p class="empty">{t.html('exchange.board.none')}</p>
        )}
      </section>
      <PrevNext
        ctx={ctx}
        page={results.page}
        more={results.more}
        link={(page) => boardHref(ctx, { ...search, page })}
      />
    </Layout>
  );
}
