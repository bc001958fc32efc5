// The practices of the reader's organisations, drafts and unpublished ones included.
import type { PageContext } from '../../../http/request-context.ts';
import { textIn } from '../../../shared/i18n-text.ts';
import { Breadcrumb } from '../../../views/components.tsx';
import { Layout } from '../../../views/layout.tsx';
import type { OwnPractice } from '../practices/page-data.ts';

export function MinePage({ ctx, practices }: { ctx: PageContext; practices: OwnPractice[] }) {
  const { t } = ctx;
  const title = t.t('knowledge.mine.title');
  return (
    <Layout ctx={ctx} title={title}>
      <Breadcrumb
        ctx={ctx}
        trail={[{ href: `/${ctx.locale}/practices`, label: t.t('knowledge.library.title') }]}
        current={title}
      />
      <h1 safe>{title}</h1>
      <p>{t.html('knowledge.mine.lead')}</p>
      <p>
        <a class="button" href={`/${ctx.locale}/practices/new`}>
          {t.html('knowledge.library.write')}
        </a>
      </p>
      {practices.length ? (
        <ul class="question-list own-practices">
          {practices.map((p) => (
            <li class="question-hit">
              <h2 class="h3">
                <a href={`/${ctx.locale}/practices/${p.slug}`} safe>
                  {textIn(p.title, ctx.locale)}
                </a>
              </h2>
              <ul class="badges">
                <li class={p.status === 'published' ? 'badge verified' : 'badge'} safe>
                  {t.t(`knowledge.status.${p.status}`)}
                </li>
                {p.featured ? <li class="badge">{t.html('knowledge.library.featured')}</li> : ''}
                <li class="badge" safe>
                  {textIn(p.organisation, ctx.locale)}
                </li>
              </ul>
            </li>
          ))}
        </ul>
      ) : (
        <p class="empty">{t.html('knowledge.mine.none')}</p>
      )}
    </Layout>
  );
}
