// The glossary: a search box (a GET form), then the concepts by their word in the reader's language,
// each with its words in the other languages, fifty a page.
import { href, type PageContext } from '../../../../http/request-context.ts';
import { Pagination } from '../../../../views/components.tsx';
import { Layout } from '../../../../views/layout.tsx';
import type { ConceptList } from '../list-concepts.ts';
import { ConceptLink, languageName, Word } from './glossary-parts.tsx';

export const glossaryHref = (ctx: PageContext, q: string | undefined, page = 1) =>
  href(ctx, '/glossary', { q, page: page > 1 ? page : undefined });

function Results({ ctx, q, list }: { ctx: PageContext; q?: string; list: ConceptList }) {
  const { t } = ctx;
  if (!list.items.length) {
    const none = list.noWords
      ? t.t('glossary.list.no_words')
      : q
        ? t.t('glossary.list.none_for', { q })
        : list.total
          ? t.t('glossary.list.page_empty')
          : t.t('glossary.list.none');
    return (
      <>
        <p class="empty" safe>
          {none}
        </p>
        {q || list.page > 1 ? (
          <p>
            <a href={glossaryHref(ctx, undefined)}>{t.html('glossary.list.all')}</a>
          </p>
        ) : (
          ''
        )}
      </>
    );
  }
  return (
    <>
      <p class="result-count" safe>
        {q
          ? t.t('glossary.list.count_for', { count: list.total, q })
          : t.t('glossary.list.count', { count: list.total })}
      </p>
      <ol class="glossary-list">
        {list.items.map((item) => (
          <li class="glossary-entry">
            <h3>
              <ConceptLink ctx={ctx} slug={item.slug} title={item.title} />
            </h3>
            {item.equivalents.length ? (
              <dl class="glossary-equivalents">
                {item.equivalents.map((e) => (
                  <div>
                    <dt safe>{languageName(ctx, e.language)}</dt>
                    <dd>
                      <Word ctx={ctx} language={e.language} text={e.text} />
                    </dd>
                  </div>
                ))}
              </dl>
            ) : (
              ''
            )}
            {item.matched.length ? (
              <p class="glossary-matched">
                {t.html('glossary.list.matched')}{' '}
                {item.matched.map((m, i) => (
                  <>
                    {i > 0 ? ', ' : ''}
                    <Word ctx={ctx} language={m.language} text={m.text} />
                  </>
                ))}
              </p>
            ) : (
              ''
            )}
          </li>
        ))}
      </ol>
    </>
  );
}

export function GlossaryPage({
  ctx,
  q,
  list,
  tooLong = false,
}: {
  ctx: PageContext;
  q?: string;
  /** None when the search was refused. */
  list?: ConceptList;
  /** The search was longer than the box takes. */
  tooLong?: boolean;
}) {
  const { t } = ctx;
  const title = q && list ? t.t('glossary.list.search_title', { q }) : t.t('glossary.title');
  return (
    <Layout ctx={ctx} title={title} description={t.t('glossary.lead')}>
      <h1 safe>{t.t('glossary.title')}</h1>
      <p>{t.html('glossary.lead')}</p>
      {ctx.user?.platformRole === 'moderator' || ctx.user?.platformRole === 'admin' ? (
        <p>
          <a class="button" href={`/${ctx.locale}/glossary/new`}>
            {t.html('glossary.edit.new_title')}
          </a>
        </p>
      ) : (
        ''
      )}
      <form method="get" action={`/${ctx.locale}/glossary`} role="search" class="search-form">
        <div class="search-bar">
          <label for="q" class="visually-hidden">
            {t.html('glossary.list.search_label')}
          </label>
          <input
            id="q"
            name="q"
            type="search"
            value={q ?? ''}
            maxlength="120"
            aria-describedby={tooLong ? 'q-error' : undefined}
          />
          <button type="submit">{t.html('glossary.list.search_submit')}</button>
        </div>
        {tooLong ? (
          <p id="q-error" class="notice warn" role="alert">
            {t.html('glossary.list.too_long', { max: 120 })}
          </p>
        ) : (
          ''
        )}
      </form>
      {list ? (
        <section aria-labelledby="results-title">
          <h2 id="results-title" class="visually-hidden">
            {t.html('glossary.list.results')}
          </h2>
          <Results ctx={ctx} q={q} list={list} />
          <Pagination ctx={ctx} page={list} link={(page) => glossaryHref(ctx, q, page)} />
        </section>
      ) : (
        ''
      )}
      <section aria-labelledby="exports-title" class="glossary-exports">
        <h2 id="exports-title">{t.html('glossary.export.title')}</h2>
        <p>{t.html('glossary.export.lead')}</p>
        <ul>
          <li>
            <a href="/glossary/skos.ttl" type="text/turtle">
              {t.html('glossary.export.turtle')}
            </a>
          </li>
          <li>
            <a href="/glossary/skos.jsonld" type="application/ld+json">
              {t.html('glossary.export.jsonld')}
            </a>
          </li>
          <li>
            <a href="/glossary/glossary.csv" type="text/csv" download="glossary.csv">
              {t.html('glossary.export.csv')}
            </a>
          </li>
        </ul>
      </section>
    </Layout>
  );
}
