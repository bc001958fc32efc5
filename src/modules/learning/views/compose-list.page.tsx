// The paths someone composes (all of them for a moderator), with their state, and the ways to a
// new path and, for the moderators, to the organisations allowed to compose.
import type { PageContext } from '../../../http/request-context.ts';
import { Breadcrumb } from '../../../views/components.tsx';
import { Notice } from '../../../views/forms.tsx';
import { Layout } from '../../../views/layout.tsx';
import type { PathRow } from '../paths/page-data.ts';
import { inReaderLanguage } from './card-parts.tsx';

export function ComposeListPage({
  ctx,
  paths,
  moderator,
  done,
}: {
  ctx: PageContext;
  paths: PathRow[];
  moderator: boolean;
  done?: string;
}) {
  const { t } = ctx;
  const title = t.t('learning.compose.title');
  return (
    <Layout ctx={ctx} title={title} styles={['learning.css']}>
      <Breadcrumb
        ctx={ctx}
        trail={[{ href: `/${ctx.locale}/learn`, label: t.t('learning.list.title') }]}
        current={title}
      />
      <h1 safe>{title}</h1>
      {done ? <Notice text={done} /> : ''}
      <p class="actions">
        <a class="button" href={`/${ctx.locale}/paths/new`}>
          {t.html('learning.compose.new')}
        </a>
        {moderator ? (
          <a class="button secondary" href={`/${ctx.locale}/paths/composers`}>
            {t.html('learning.composers.title')}
          </a>
        ) : (
          ''
        )}
      </p>
      {paths.length ? (
        <ul class="learn-list">
          {paths.map((p) => (
            <li>
              <a href={`/${ctx.locale}/paths/${p.id}`} safe>
                {inReaderLanguage(ctx, p.title)}
              </a>{' '}
              <span class="badge">{t.html(`learning.status.${p.status}`)}</span>{' '}
              <small>{t.html('learning.list.cards', { count: p.cards.length })}</small>
            </li>
          ))}
        </ul>
      ) : (
        <p class="empty">{t.html('learning.compose.none')}</p>
      )}
    </Layout>
  );
}
