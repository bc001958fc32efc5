// "My conversations": the posts of the reader's organisations with their status and the threads
// about each (unread first to see), then the threads where they answered others' posts.
import type { PageContext } from '../../../http/request-context.ts';
import { pickText, textIn } from '../../../shared/i18n-text.ts';
import { Breadcrumb, label } from '../../../views/components.tsx';
import { Layout } from '../../../views/layout.tsx';
import type { ConversationsData } from '../threads/page-data.ts';
import { ThreadList } from './answer-box.tsx';
import { dayText } from './parts.tsx';

export function ConversationsPage({ ctx, data }: { ctx: PageContext; data: ConversationsData }) {
  const { t } = ctx;
  const title = t.t('exchange.mine.title');
  const titleOf = (value: Parameters<typeof pickText>[0]) => pickText(value, ctx.locale);
  return (
    <Layout ctx={ctx} title={title}>
      <Breadcrumb
        ctx={ctx}
        trail={[{ href: `/${ctx.locale}/exchange`, label: t.t('exchange.board.title') }]}
        current={title}
      />
      <h1 safe>{title}</h1>
      {!data.member ? <p>{t.html('exchange.form.members_only')}</p> : ''}
      {data.unread ? (
        <p>
          <strong safe>{t.t('exchange.thread.unread', { count: data.unread })}</strong>
        </p>
      ) : (
        ''
      )}
      <section aria-labelledby="own-title">
        <h2 id="own-title">{t.html('exchange.mine.posts')}</h2>
        {data.posts.length ? (
          <ul class="cards exchange-list">
            {data.posts.map((p) => {
              const picked = titleOf(p.title);
              return (
                <li class="card">
                  <h3>
                    <a
                      href={`/${ctx.locale}/exchange/${p.id}`}
                      lang={picked?.fallback ? picked.lang : undefined}
                      safe
                    >
                      {picked?.text ?? ''}
                    </a>
                  </h3>
                  <p class="meta" safe>
                    {[
                      label(ctx, 'exchange.direction', p.direction),
                      textIn(p.organisation, ctx.locale),
                      label(ctx, 'exchange.status', p.status),
                      t.t('exchange.until', { date: dayText(ctx, p.until) }),
                    ].join(' · ')}
                  </p>
                  {p.threads.length ? (
                    <ThreadList ctx={ctx} threads={p.threads} />
                  ) : (
                    <p class="empty">{t.html('exchange.thread.none_yet')}</p>
                  )}
                </li>
              );
            })}
          </ul>
        ) : (
          <p class="empty">{t.html('exchange.mine.no_posts')}</p>
        )}
      </section>
      <section aria-labelledby="answered-title">
        <h2 id="answered-title">{t.html('exchange.mine.answered')}</h2>
        {data.answered.length ? (
          <ul class="cards exchange-list">
            {data.answered.map((a) => {
              const picked = titleOf(a.post.title);
              return (
                <li class="card">
                  <h3>
                    <a
                      href={`/${ctx.locale}/exchange/threads/${a.id}`}
                      lang={picked?.fallback ? picked.lang : undefined}
                      safe
                    >
                      {picked?.text ?? ''}
                    </a>
                  </h3>
                  <p class="meta" safe>
                    {[
                      label(ctx, 'exchange.direction', a.post.direction),
                      textIn(a.organisation, ctx.locale),
                      label(ctx, 'exchange.status', a.post.status),
                      t.t('exchange.thread.latest', { date: t.dateTime(a.lastMessageAt) }),
                    ].join(' · ')}
                  </p>
                  {a.unread ? (
                    <p>
                      <strong class="badge" safe>
                        {t.t('exchange.thread.unread', { count: a.unread })}
                      </strong>
                    </p>
                  ) : (
                    ''
                  )}
                </li>
              );
            })}
          </ul>
        ) : (
          <p class="empty">{t.html('exchange.mine.none_answered')}</p>
        )}
      </section>
    </Layout>
  );
}
