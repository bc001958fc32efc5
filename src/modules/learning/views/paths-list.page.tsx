// The published learning paths, each with its summary and number of cards; composers find the
// way to their own paths here.
import type { PageContext } from '../../../http/request-context.ts';
import { Layout } from '../../../views/layout.tsx';
import type { PathSummary } from '../paths/page-data.ts';
import { inReaderLanguage, learnHref } from './card-parts.tsx';

const listHref = (ctx: PageContext, page: number) => `/${ctx.locale}/learn${page > 1 ? `?page=${page}` : ''}`;

export function PathsListPage({
  ctx,
  paths,
  page,
  more,
  mayCompose,
}: {
  ctx: PageContext;
  paths: PathSummary[];
  page: number;
  /** Whether there is a next page. */
  more: boolean;
  mayCompose: boolean;
}) {
  const { t } = ctx;
  const title = t.t('learning.list.title');
  return (
    <Layout ctx={ctx} title={title} description={t.t('learning.list.lead')} styles={['learning.css']}>
      <h1 safe>{title}</h1>
      <p class="lead">{t.html('learning.list.lead')}</p>
      {mayCompose ? (
        <p>
          <a href={`/${ctx.locale}/paths`}>{t.html('learning.list.compose')}</a>
        </p>
      ) : (
        ''
      )}
      {paths.length ? (
        <ul class="cards">
          {paths.map((p) => (
            <li class="card">
              <h2>
                <a href={learnHref(ctx, p.slug)} safe>
                  {inReaderLanguage(ctx, p.title)}
                </a>
              </h2>
              <p class="summary" safe>
                {inReaderLanguage(ctx, p.summary)}
              </p>
              <p class="count">
                {t.html('learning.list.cards', { count: p.cardCount })}
                {p.isDemo ? (
                  <>
                    {' · '}
                    <span class="badge">{t.html('demo.label')}</span>
                  </>
                ) : (
                  ''
                )}
              </p>
            </li>
          ))}
        </ul>
      ) : (
        <p class="empty">{t.html('learning.list.none')}</p>
      )}
      {page > 1 || more ? (
        <nav class="pagination" aria-label={t.t('pagination.label')}>
          <ul>
            {page > 1 ? (
              <li>
                <a href={listHref(ctx, page - 1)} rel="prev">
                  {t.html('pagination.previous')}
                </a>
              </li>
            ) : (
              ''
            )}
            {more ? (
              <li>
                <a href={listHref(ctx, page + 1)} rel="next">
                  {t.html('pagination.next')}
                </a>
              </li>
            ) : (
              ''
            )}
          </ul>
        </nav>
      ) : (
        ''
      )}
    </Layout>
  );
}
