// A thread between a post's organisation and one that answered it: the post, the messages oldest
// first (each with its organisation and author's name, never an address) and the form to answer.
// Plain HTML: it works without JavaScript and on a 390 px phone.
import type { PageContext } from '../../../http/request-context.ts';
import { pickText, textIn } from '../../../shared/i18n-text.ts';
import { Breadcrumb, label } from '../../../views/components.tsx';
import { Form, Notice, TextArea } from '../../../views/forms.tsx';
import { Layout } from '../../../views/layout.tsx';
import { threadLimits } from '../exchange.vocabulary.ts';
import type { ThreadPageData } from '../threads/page-data.ts';
import type { AnswerRefusal } from './answer-box.tsx';

export function ThreadPage({
  ctx,
  data,
  refusal,
  done,
}: {
  ctx: PageContext;
  data: ThreadPageData;
  refusal?: AnswerRefusal;
  done?: string;
}) {
  const { t } = ctx;
  const { post } = data;
  const title = pickText(post.title, ctx.locale);
  const other = data.side === 'poster' ? data.responder : data.poster;
  const heading = t.t('exchange.thread.with', { organisation: textIn(other.name, ctx.locale) });
  return (
    <Layout ctx={ctx} title={`${heading} · ${title?.text ?? ''}`}>
      <Breadcrumb
        ctx={ctx}
        trail={[
          { href: `/${ctx.locale}/exchange`, label: t.t('exchange.board.title') },
          { href: `/${ctx.locale}/exchange/mine`, label: t.t('exchange.mine.title') },
        ]}
        current={heading}
      />
      {done ? <Notice text={done} /> : ''}
      <h1 safe>{heading}</h1>
      <p class="exchange-what">
        <span safe>{`${label(ctx, 'exchange.direction', post.direction)}: `}</span>
        {post.visible ? (
          <a href={`/${ctx.locale}/exchange/${post.id}`} lang={title?.fallback ? title.lang : undefined} safe>
            {title?.text ?? ''}
          </a>
        ) : (
          <span lang={title?.fallback ? title.lang : undefined} safe>
            {title?.text ?? ''}
          </span>
        )}
      </p>
      {post.status !== 'open' ? (
        <p class="notice warn" safe>
          {`${t.t(`exchange.status_note.${post.status}`)} ${t.t('exchange.thread.goes_on')}`}
        </p>
      ) : (
        ''
      )}
      <p class="hint">{t.html('exchange.thread.private')}</p>
      <section aria-labelledby="messages-title">
        <h2 id="messages-title">{t.html('exchange.thread.messages')}</h2>
        <ol class="exchange-messages">
          {data.messages.map((m) => (
            <li class={m.mine ? 'exchange-message mine' : 'exchange-message'}>
              <p class="meta">
                <strong safe>{textIn(m.organisation, ctx.locale)}</strong>
                {m.author ? <span safe>{` · ${m.author}`}</span> : ''}
                <span safe>{` · ${t.dateTime(m.createdAt)}`}</span>
              </p>
              {m.body.split(/\n{2,}/).map((para) => (
                <p class="exchange-message-text" safe>
                  {para}
                </p>
              ))}
            </li>
          ))}
        </ol>
      </section>
      <section aria-labelledby="reply-title">
        <h2 id="reply-title">{t.html('exchange.thread.reply')}</h2>
        {refusal?.message ? <Notice text={refusal.message} tone="warn" /> : ''}
        <Form
          ctx={ctx}
          action={`/${ctx.locale}/exchange/threads/${data.thread.id}`}
          submit={t.t('exchange.thread.send')}
          problems={refusal?.problems.length ? refusal.problems : undefined}
        >
          <TextArea
            ctx={ctx}
            name="message"
            label={t.t('exchange.thread.message')}
            value={refusal?.values.message}
            maxlength={threadLimits.message}
            rows={5}
            problems={refusal?.problems}
          />
        </Form>
      </section>
    </Layout>
  );
}
