// A new path: its address, its title and summary in nl, fr and en, and (for someone composing for
// several organisations) the organisation it is composed for.
import type { PageContext } from '../../../http/request-context.ts';
import type { FieldProblem } from '../../../shared/errors.ts';
import { type I18nText, pickText } from '../../../shared/i18n-text.ts';
import { Breadcrumb } from '../../../views/components.tsx';
import { type FormValues, formFields } from '../../../views/form-fields.tsx';
import { Form } from '../../../views/forms.tsx';
import { Layout } from '../../../views/layout.tsx';
import { learningLimits } from '../learning.vocabulary.ts';
import { ProblemList } from './problems.tsx';

/** The details' fields, on the new path's form and on the path's own page. */
export function detailFields(ctx: PageContext, f: ReturnType<typeof formFields>) {
  const { t } = ctx;
  return (
    <>
      {f.text('slug', t.t('learning.path.slug'), {
        maxlength: learningLimits.slug.max,
        hint: t.t('learning.path.slug_hint'),
      })}
      {f.inLanguages('title', t.t('learning.path.title'), { maxlength: learningLimits.title })}
      {f.inLanguages('summary', t.t('learning.path.summary'), {
        maxlength: learningLimits.summary,
        long: true,
        hint: t.t('learning.path.summary_hint'),
      })}
    </>
  );
}

export function PathFormPage({
  ctx,
  organisations,
  moderator,
  values = {},
  problems = [],
}: {
  ctx: PageContext;
  organisations: { id: string; name: I18nText }[];
  moderator: boolean;
  values?: FormValues;
  problems?: FieldProblem[];
}) {
  const { t } = ctx;
  const title = t.t('learning.compose.new');
  const f = formFields(ctx, { values, problems });
  const choose = organisations.length > 1 || (moderator && organisations.length > 0);
  return (
    <Layout ctx={ctx} title={title} styles={['learning.css']}>
      <Breadcrumb
        ctx={ctx}
        trail={[{ href: `/${ctx.locale}/paths`, label: t.t('learning.compose.title') }]}
        current={title}
      />
      <h1 safe>{title}</h1>
      <p>{t.html('learning.compose.new_lead')}</p>
      <ProblemList ctx={ctx} problems={problems} />
      <Form ctx={ctx} action={`/${ctx.locale}/paths/new`} submit={t.t('learning.compose.create')} wide>
        {detailFields(ctx, f)}
        {choose
          ? f.select(
              'organisation',
              t.t('learning.path.organisation'),
              organisations.map((o) => ({ value: o.id, label: pickText(o.name, ctx.locale)?.text ?? o.id })),
              moderator ? { empty: t.t('learning.path.moderators') } : {},
            )
          : ''}
      </Form>
    </Layout>
  );
}
