// On a post's page: its conversations for its organisation's members; for a member of another
// organisation, "I can help" (a request) or "I am interested" (an offer) with a message, and the
// thread already there; for a visitor, a link to log in. A plain form: it works without JavaScript.
import type { PageContext } from '../../../http/request-context.ts';
import type { FieldProblem } from '../../../shared/errors.ts';
import { textIn } from '../../../shared/i18n-text.ts';
import { Form, Notice, Select, TextArea } from '../../../views/forms.tsx';
import { threadLimits } from '../exchange.vocabulary.ts';
import type { PostDirection } from '../exchange.vocabulary.ts';
import type { AnswerBox as AnswerBoxData, ThreadSummary } from '../threads/page-data.ts';

/** What a refused answer keeps: what was typed, what is wrong. */
export interface AnswerRefusal {
  values: { organisation?: string; message?: string };
  problems: FieldProblem[];
  /** A refusal that is not about a field (own post, informal group, too many messages). */
  message?: string;
}

export const answerLabel = (ctx: PageContext, direction: PostDirection) =>
  ctx.t.t(direction === 'request' ? 'exchange.thread.can_help' : 'exchange.thread.interested');

export function ThreadList({ ctx, threads }: { ctx: PageContext; threads: ThreadSummary[] }) {
  const { t } = ctx;
  return (
    <ul class="exchange-threads">
      {threads.map((th) => (
        <li>
          <a href={`/${ctx.locale}/exchange/threads/${th.id}`} safe>
            {t.t('exchange.thread.with', { organisation: textIn(th.organisation, ctx.locale) })}
          </a>{' '}
          <span class="meta" safe>
            {t.t('exchange.thread.latest', { date: t.dateTime(th.lastMessageAt) })}
          </span>
          {th.unread ? (
            <>
              {' '}
              <strong class="badge" safe>
                {t.t('exchange.thread.unread', { count: th.unread })}
              </strong>
            </>
          ) : (
            ''
          )}
        </li>
      ))}
    </ul>
  );
}

export function AnswerBox({
  ctx,
  post,
  answer,
  refusal,
}: {
  ctx: PageContext;
  post: { id: string; direction: PostDirection };
  answer: AnswerBoxData;
  refusal?: AnswerRefusal;
}) {
  const { t } = ctx;
  const heading = answerLabel(ctx, post.direction);
  const refused = refusal?.message ? <Notice text={refusal.message} tone="warn" /> : '';
  if (answer.mode === 'visitor')
    return (
      <section aria-labelledby="answer-title" class="exchange-answer">
        <h2 id="answer-title" safe>
          {heading}
        </h2>
        <p>
          <a href={`/${ctx.locale}/login?next=${encodeURIComponent(`/${ctx.locale}/exchange/${post.id}`)}`}>
            {t.html('exchange.thread.log_in')}
          </a>
        </p>
      </section>
    );
  if (answer.mode === 'owner')
    return (
      <section aria-labelledby="answer-title" class="exchange-answer">
        <h2 id="answer-title">{t.html('exchange.thread.conversations')}</h2>
        {refused}
        {answer.threads.length ? (
          <ThreadList ctx={ctx} threads={answer.threads} />
        ) : (
          <p class="empty">{t.html('exchange.thread.none_yet')}</p>
        )}
      </section>
    );
  if (answer.mode === 'none')
    return (
      <section aria-labelledby="answer-title" class="exchange-answer">
        <h2 id="answer-title" safe>
          {heading}
        </h2>
        {refused}
        <p safe>{t.t(`exchange.thread.cannot.${answer.reason}`)}</p>
      </section>
    );
  const values = refusal?.values ?? {};
  return (
    <section aria-labelledby="answer-title" class="exchange-answer">
      <h2 id="answer-title" safe>
        {heading}
      </h2>
      {answer.threads.length ? (
        <>
          <p>{t.html('exchange.thread.already')}</p>
          <ThreadList ctx={ctx} threads={answer.threads} />
        </>
      ) : (
        ''
      )}
      {refused}
      {answer.organisations.length ? (
        <Form
          ctx={ctx}
          action={`/${ctx.locale}/exchange/${post.id}/answer`}
          submit={t.t('exchange.thread.send')}
          problems={refusal?.problems.length ? refusal.problems : undefined}
        >
          {answer.organisations.length > 1 ? (
            <Select
              ctx={ctx}
              name="organisation"
              label={t.t('exchange.thread.as_organisation')}
              options={answer.organisations.map((o) => ({
                value: o.id,
                label: textIn(o.name, ctx.locale),
              }))}
              value={values.organisation}
              empty={t.t('exchange.form.choose_organisation')}
              problems={refusal?.problems}
            />
          ) : (
            <input type="hidden" name="organisation" value={answer.organisations[0]!.id} />
          )}
          <TextArea
            ctx={ctx}
            name="message"
            label={t.t('exchange.thread.message')}
            hint={t.t('exchange.thread.message_hint')}
            value={values.message}
            maxlength={threadLimits.message}
            rows={5}
            problems={refusal?.problems}
          />
        </Form>
      ) : (
        ''
      )}
    </section>
  );
}
