// An offer or a request: what is offered or asked, by which organisation (a link to its page in the
// directory), where and until when, in its texts' languages; its matches on the other side while it
// is open; and, for its organisation's members, changing it, marking it fulfilled or closing it
// (a moderator closes any).
import type { PageContext } from '../../../http/request-context.ts';
import { locales, pickText } from '../../../shared/i18n-text.ts';
import { Breadcrumb, label, languageNames, OrganisationLink } from '../../../views/components.tsx';
import { Notice, PostButton } from '../../../views/forms.tsx';
import { Layout } from '../../../views/layout.tsx';
import type { PostPageData, ThemeOption } from '../posts/page-data.ts';
import { AnswerBox, type AnswerRefusal } from './answer-box.tsx';
import { dayText, placeText, PostCardItem, themeNamer } from './parts.tsx';

export function PostPage({
  ctx,
  data,
  themes,
  done,
  refusal,
}: {
  ctx: PageContext;
  data: PostPageData;
  themes: ThemeOption[];
  done?: string;
  /** A refused answer: the form again with what was typed. */
  refusal?: AnswerRefusal;
}) {
  const { t } = ctx;
  const { post } = data;
  const title = pickText(post.title, ctx.locale);
  const titleText = title?.text ?? '';
  const themeName = themeNamer(ctx, themes);
  const bodies = [ctx.locale, ...locales.filter((l) => l !== ctx.locale)].filter((l) => post.body[l]);
  const matchesTitle = t.t(
    post.direction === 'request' ? 'exchange.post.matching_offers' : 'exchange.post.matching_requests',
  );
  return (
    <Layout ctx={ctx} title={titleText}>
      <Breadcrumb
        ctx={ctx}
        trail={[{ href: `/${ctx.locale}/exchange`, label: t.t('exchange.board.title') }]}
        current={titleText}
      />
      {done ? <Notice text={done} /> : ''}
      <p class="exchange-what" safe>
        {`${label(ctx, 'exchange.direction', post.direction)} · ${label(ctx, 'exchange.kind', post.kind)}`}
      </p>
      <h1 lang={title?.fallback ? title.lang : undefined} safe>
        {titleText}
      </h1>
      {post.status !== 'open' ? (
        <p class="notice warn" safe>
          {t.t(`exchange.status_note.${post.status}`)}
        </p>
      ) : (
        ''
      )}
      {post.isDemo ? <p class="demo-label">{t.html('exchange.post.demo')}</p> : ''}
      <dl class="facts">
        <dt>{t.html('exchange.post.organisation')}</dt>
        <dd>
          <OrganisationLink ctx={ctx} organisation={data.organisation} />
        </dd>
        <dt>{t.html('exchange.post.where')}</dt>
        <dd safe>{placeText(ctx, post)}</dd>
        <dt>{t.html('exchange.post.until')}</dt>
        <dd safe>{dayText(ctx, post.until)}</dd>
        {data.call ? (
          <>
            <dt>{t.html('exchange.post.call')}</dt>
            <dd>
              <a href={`/${ctx.locale}/exchange/calls/${data.call.id}`} safe>
                {pickText(data.call.title, ctx.locale)?.text ?? ''}
              </a>
            </dd>
          </>
        ) : (
          ''
        )}
        {post.languages.length ? (
          <>
            <dt>{t.html('exchange.post.languages')}</dt>
            <dd safe>{post.languages.map((l) => t.language(l)).join(', ')}</dd>
          </>
        ) : (
          ''
        )}
        {post.themes.length ? (
          <>
            <dt>{t.html('exchange.post.themes')}</dt>
            <dd safe>{post.themes.map(themeName).join(', ')}</dd>
          </>
        ) : (
          ''
        )}
        <dt>{t.html('exchange.post.informal')}</dt>
        <dd safe>
          {t.t(post.informalMayAnswer ? 'exchange.post.informal_yes' : 'exchange.post.informal_no')}
        </dd>
      </dl>
      {bodies.map((l) => (
        <section class="exchange-body" lang={l} aria-label={languageNames[l]}>
          {bodies.length > 1 ? <h2>{languageNames[l]}</h2> : ''}
          {post.body[l]!.split(/\n{2,}/).map((para) => (
            <p safe>{para}</p>
          ))}
        </section>
      ))}
      {data.mayChange || data.mayClose ? (
        <div class="actions exchange-actions">
          {data.mayChange ? (
            <a class="button secondary" href={`/${ctx.locale}/exchange/${post.id}/edit`}>
              {t.html('exchange.post.edit')}
            </a>
          ) : (
            ''
          )}
          {data.mayChange ? (
            <PostButton
              ctx={ctx}
              action={`/${ctx.locale}/exchange/${post.id}/fulfil`}
              label={t.t('exchange.post.fulfil')}
            />
          ) : (
            ''
          )}
          {data.mayClose ? (
            <PostButton
              ctx={ctx}
              action={`/${ctx.locale}/exchange/${post.id}/close`}
              label={t.t('exchange.post.close')}
            />
          ) : (
            ''
          )}
        </div>
      ) : (
        ''
      )}
      <AnswerBox ctx={ctx} post={post} answer={data.answer} refusal={refusal} />
      {post.status === 'open' ? (
        <section aria-labelledby="matches-title">
          <h2 id="matches-title" safe>
            {matchesTitle}
          </h2>
          {data.matches.length ? (
            <ol class="cards exchange-list">
              {data.matches.map((m) => (
                <PostCardItem
                  ctx={ctx}
                  post={m}
                  organisation={data.organisations.get(m.organisationId)}
                  themeName={themeName}
                  extra={
                    m.sharedLanguages.length
                      ? t.t('exchange.post.shared_languages', {
                          languages: m.sharedLanguages.map((l) => t.language(l)).join(', '),
                        })
                      : undefined
                  }
                />
              ))}
            </ol>
          ) : (
            <p class="empty">{t.html('exchange.post.no_matches')}</p>
          )}
        </section>
      ) : (
        ''
      )}
    </Layout>
  );
}
