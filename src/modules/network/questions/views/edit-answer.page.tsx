// Changing one's answer: its text, its language and its links to the directory.
import type { PageContext } from '../../../../http/request-context.ts';
import type { FieldProblem } from '../../../../shared/errors.ts';
import { Breadcrumb, languageNames } from '../../../../views/components.tsx';
import { formFields } from '../../../../views/form-fields.tsx';
import { Form } from '../../../../views/forms.tsx';
import { Layout } from '../../../../views/layout.tsx';
import { postLanguages, postLimits } from '../../network.vocabulary.ts';

export function EditAnswerPage({
  ctx,
  answer,
  question,
  values,
  problems = [],
}: {
  ctx: PageContext;
  answer: { id: string };
  question: { id: string; title: string };
  values: Record<string, string>;
  problems?: FieldProblem[];
}) {
  const { t } = ctx;
  const title = t.t('network.answer.edit_title');
  const f = formFields(ctx, { values, problems });
  return (
    <Layout ctx={ctx} title={title}>
      <Breadcrumb
        ctx={ctx}
        trail={[
          { href: `/${ctx.locale}/questions`, label: t.t('network.question.list_title') },
          { href: `/${ctx.locale}/questions/${question.id}`, label: question.title },
        ]}
        current={title}
      />
      <h1 safe>{title}</h1>
      <Form
        ctx={ctx}
        action={`/${ctx.locale}/answers/${answer.id}/edit`}
        submit={t.t('network.post.save')}
        problems={problems}
      >
        {f.area('body', t.t('network.answer.body'), {
          maxlength: postLimits.body.max,
          rows: 10,
          hint: t.t('network.answer.body_hint'),
        })}
        {f.area('links', t.t('network.answer.links'), {
          maxlength: 5000,
          rows: 3,
          hint: t.t('network.answer.links_hint'),
        })}
        {f.select(
          'language',
          t.t('network.question.language'),
          postLanguages.map((l) => ({ value: l, label: languageNames[l] })),
        )}
      </Form>
    </Layout>
  );
}
