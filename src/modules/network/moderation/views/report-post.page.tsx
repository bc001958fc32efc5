// The report form of one post on a page of its own: where a refused report (a missing reason, too
// many reports) is shown again with what was wrong.
import type { PageContext } from '../../../../http/request-context.ts';
import type { FieldProblem } from '../../../../shared/errors.ts';
import { vocabularyOptions } from '../../../../views/components.tsx';
import { formFields } from '../../../../views/form-fields.tsx';
import { Form, Notice } from '../../../../views/forms.tsx';
import { Layout } from '../../../../views/layout.tsx';
import { postLimits, postReportReasons } from '../../network.vocabulary.ts';

export function ReportPostPage({
  ctx,
  post,
  questionId,
  values = {},
  problems = [],
  message,
}: {
  ctx: PageContext;
  post: { kind: 'question' | 'answer'; id: string };
  questionId: string;
  values?: Record<string, string>;
  problems?: FieldProblem[];
  message?: string;
}) {
  const { t } = ctx;
  const title = t.t(`network.report.open_${post.kind}`);
  const f = formFields(ctx, { values, problems });
  return (
    <Layout ctx={ctx} title={title}>
      <h1 safe>{title}</h1>
      {message ? <Notice text={message} tone="warn" /> : ''}
      <Form
        ctx={ctx}
        action={`/${ctx.locale}/${post.kind === 'question' ? 'questions' : 'answers'}/${post.id}/report`}
        submit={t.t('network.report.submit')}
        problems={problems}
        actions={<a href={`/${ctx.locale}/questions/${questionId}`}>{t.html('network.report.back')}</a>}
      >
        {f.select(
          'reason',
          t.t('network.report.reason'),
          vocabularyOptions(ctx, 'network.report.reason', postReportReasons),
          {
            empty: t.t('network.report.choose'),
          },
        )}
        {f.area('message', t.t('network.report.message'), { maxlength: postLimits.reportMessage, rows: 3 })}
      </Form>
    </Layout>
  );
}
