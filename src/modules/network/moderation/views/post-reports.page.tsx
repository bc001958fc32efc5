// For moderators: the open reports of questions and answers, oldest first, each with a link to the
// post (hidden and restored there) and a button to dismiss it.
import type { PageContext } from '../../../../http/request-context.ts';
import { label } from '../../../../views/components.tsx';
import { Notice, PostButton } from '../../../../views/forms.tsx';
import { Layout } from '../../../../views/layout.tsx';
import type { OpenPostReport } from '../page-data.ts';

export function PostReportsPage({
  ctx,
  reports,
  done,
}: {
  ctx: PageContext;
  reports: OpenPostReport[];
  done?: string;
}) {
  const { t } = ctx;
  const title = t.t('network.report.list_title');
  return (
    <Layout ctx={ctx} title={title}>
      <h1 safe>{title}</h1>
      {done ? <Notice text={done} /> : ''}
      {reports.length ? (
        <ol class="post-reports">
          {reports.map((r) => (
            <li class="card">
              <h2>
                <a
                  href={`/${ctx.locale}/questions/${r.questionId}${r.answerId ? `#answer-${r.answerId}` : ''}`}
                  safe
                >
                  {r.questionTitle}
                </a>
              </h2>
              {r.answerExcerpt ? <blockquote safe>{r.answerExcerpt}</blockquote> : ''}
              <p safe>
                {t.t(r.answerId ? 'network.report.about_answer' : 'network.report.about_question', {
                  reason: label(ctx, 'network.report.reason', r.reason),
                  date: t.date(r.createdAt),
                })}
              </p>
              {r.message ? (
                <p class="summary" safe>
                  {r.message}
                </p>
              ) : (
                ''
              )}
              {r.hidden ? <p class="badge">{t.html('network.report.already_hidden')}</p> : ''}
              <PostButton
                ctx={ctx}
                action={`/${ctx.locale}/moderation/posts/reports/${r.id}/dismiss`}
                label={t.t('network.report.dismiss')}
              />
            </li>
          ))}
        </ol>
      ) : (
        <p class="empty">{t.html('network.report.none')}</p>
      )}
    </Layout>
  );
}
