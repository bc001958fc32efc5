// Asking the network a question: title, text, its language, themes, a commune, who sees it, and
// the organisation it is asked for. The same form changes a question (without the organisation).
import type { PageContext } from '../../../../http/request-context.ts';
import type { FieldProblem } from '../../../../shared/errors.ts';
import { type I18nText, pickText } from '../../../../shared/i18n-text.ts';
import { Breadcrumb, languageNames } from '../../../../views/components.tsx';
import { formFields } from '../../../../views/form-fields.tsx';
import { Form } from '../../../../views/forms.tsx';
import { Layout } from '../../../../views/layout.tsx';
import { geoReference } from '../../../geo/index.ts';
import { postLanguages, postLimits, questionVisibilities } from '../../network.vocabulary.ts';
import { communeLabel } from './post-parts.tsx';

export function AskPage({
  ctx,
  organisations,
  themes,
  values = {},
  problems = [],
  editing,
}: {
  ctx: PageContext;
  organisations: { id: string; name: I18nText }[];
  themes: { code: string; name: I18nText; children: { code: string; name: I18nText }[] }[];
  values?: Record<string, string | string[]>;
  problems?: FieldProblem[];
  /** The question being changed. */
  editing?: { id: string; title: string };
}) {
  const { t } = ctx;
  const title = t.t(editing ? 'network.question.edit_title' : 'network.question.ask_title');
  const f = formFields(ctx, {
    values: { language: ctx.locale, visibility: 'everyone', ...values },
    problems,
  });
  const name = (n: I18nText) => pickText(n, ctx.locale)?.text ?? '';
  return (
    <Layout ctx={ctx} title={title}>
      {editing ? (
        <Breadcrumb
          ctx={ctx}
          trail={[
            { href: `/${ctx.locale}/questions`, label: t.t('network.question.list_title') },
            { href: `/${ctx.locale}/questions/${editing.id}`, label: editing.title },
          ]}
          current={title}
        />
      ) : (
        ''
      )}
      <h1 safe>{title}</h1>
      {organisations.length || editing ? (
        <>
          <p>{t.html(editing ? 'network.question.edit_lead' : 'network.question.ask_lead')}</p>
          <Form
            ctx={ctx}
            action={editing ? `/${ctx.locale}/questions/${editing.id}/edit` : `/${ctx.locale}/questions/new`}
            submit={t.t(editing ? 'network.post.save' : 'network.question.ask_submit')}
            problems={problems}
          >
            {f.text('title', t.t('network.question.title'), {
              maxlength: postLimits.title.max,
              hint: t.t('network.question.title_hint'),
            })}
            {f.area('body', t.t('network.question.body'), { maxlength: postLimits.body.max, rows: 8 })}
            {f.select(
              'language',
              t.t('network.question.language'),
              postLanguages.map((l) => ({ value: l, label: languageNames[l] })),
              { hint: t.t('network.question.language_hint') },
            )}
            {f.choices(
              'themes',
              t.t('network.question.themes'),
              themes.flatMap((theme) => [
                { value: theme.code, label: name(theme.name) },
                ...theme.children.map((c) => ({ value: c.code, label: `— ${name(c.name)}` })),
              ]),
              { multiple: true, hint: t.t('network.question.themes_hint') },
            )}
            {f.select(
              'commune',
              t.t('network.question.commune'),
              geoReference().communes.map((c) => ({ value: c.nis, label: communeLabel(ctx, c.nis) })),
              { empty: t.t('network.question.no_commune') },
            )}
            {f.choices(
              'visibility',
              t.t('network.question.visibility'),
              questionVisibilities.map((v) => ({ value: v, label: t.t(`network.visibility.${v}`) })),
            )}
            {!editing && organisations.length > 1
              ? f.select(
                  'organisation',
                  t.t('network.question.organisation'),
                  organisations.map((o) => ({ value: o.id, label: name(o.name) })),
                  { empty: t.t('network.question.choose_organisation') },
                )
              : ''}
          </Form>
        </>
      ) : (
        <p class="notice warn">{t.html('network.question.members_only_ask')}</p>
      )}
    </Layout>
  );
}
