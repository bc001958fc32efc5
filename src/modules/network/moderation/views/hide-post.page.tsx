// For moderators: the hide form of one post on a page of its own, where a hide without a reason is
// shown again with what is missing.
import type { PageContext } from '../../../../http/request-context.ts';
import type { FieldProblem } from '../../../../shared/errors.ts';
import { formFields } from '../../../../views/form-fields.tsx';
import { Form } from '../../../../views/forms.tsx';
import { Layout } from '../../../../views/layout.tsx';
import { postLimits } from '../../network.vocabulary.ts';

export function HidePostPage({
  ctx,
  post,
  questionId,
  problems = [],
}: {
  ctx: PageContext;
  post: { kind: 'question' | 'answer'; id: string };
  questionId: string;
  problems?: FieldProblem[];
}) {
  const { t } = ctx;
  const title = t.t(`network.report.hide_${post.kind}`);
  const f = formFields(ctx, { problems });
  return (
    <Layout ctx={ctx} title={title}>
      <h1 safe>{title}</h1>
      <Form
        ctx={ctx}
        action={`/${ctx.locale}/moderation/posts/${post.kind}s/${post.id}/hide`}
        submit={t.t('network.report.hide')}
        problems={problems}
        danger
        actions={<a href={`/${ctx.locale}/questions/${questionId}`}>{t.html('network.report.back')}</a>}
      >
        {f.area('reason', t.t('network.report.hide_reason'), {
          maxlength: postLimits.reportMessage,
          rows: 2,
        })}
      </Form>
    </Layout>
  );
}
