// Posting an offer or a request for one's organisation, or changing it: offer or request, what
// kind, title and text in nl/fr/en (one language is enough), the languages asked or offered, themes,
// communes or all Brussels, until when, and whether informal groups may answer.
import type { PageContext } from '../../../http/request-context.ts';
import type { FieldProblem } from '../../../shared/errors.ts';
import { textIn } from '../../../shared/i18n-text.ts';
import { Breadcrumb, vocabularyOptions } from '../../../views/components.tsx';
import { formFields, type FormValues } from '../../../views/form-fields.tsx';
import { Form } from '../../../views/forms.tsx';
import { Layout } from '../../../views/layout.tsx';
import { postDirections, postKinds, postLimits } from '../exchange.vocabulary.ts';
import type { PostFormData } from '../posts/page-data.ts';
import { communeOptions, dayText, languageOptions, themeOptions } from './parts.tsx';

export function PostFormPage({
  ctx,
  data,
  values = {},
  problems = [],
}: {
  ctx: PageContext;
  data: PostFormData;
  values?: FormValues;
  problems?: FieldProblem[];
}) {
  const { t } = ctx;
  const { editing } = data;
  const title = t.t(editing ? 'exchange.form.edit_title' : 'exchange.form.new_title');
  const f = formFields(ctx, { values, problems });
  const board = { href: `/${ctx.locale}/exchange`, label: t.t('exchange.board.title') };
  return (
    <Layout ctx={ctx} title={title}>
      <Breadcrumb
        ctx={ctx}
        trail={
          editing ? [board, { href: `/${ctx.locale}/exchange/${editing.id}`, label: editing.title }] : [board]
        }
        current={title}
      />
      <h1 safe>{title}</h1>
      {data.organisations.length || editing ? (
        <>
          <p>{t.html('exchange.form.lead')}</p>
          <Form
            ctx={ctx}
            action={editing ? `/${ctx.locale}/exchange/${editing.id}/edit` : `/${ctx.locale}/exchange/new`}
            submit={t.t(editing ? 'exchange.form.save' : 'exchange.form.submit')}
            problems={problems}
            wide
          >
            {!editing && data.organisations.length > 1
              ? f.select(
                  'organisation',
                  t.t('exchange.form.organisation'),
                  data.organisations.map((o) => ({ value: o.id, label: textIn(o.name, ctx.locale) })),
                  { empty: t.t('exchange.form.choose_organisation') },
                )
              : ''}
            {editing ? <input type="hidden" name="version" value={f.value('version')} /> : ''}
            {editing ? (
              <input type="hidden" name="direction" value={f.value('direction')} />
            ) : (
              f.choices(
                'direction',
                t.t('exchange.form.direction'),
                vocabularyOptions(ctx, 'exchange.form.direction_choice', postDirections),
              )
            )}
            {f.select('kind', t.t('exchange.form.kind'), vocabularyOptions(ctx, 'exchange.kind', postKinds), {
              empty: t.t('exchange.form.choose_kind'),
              hint: t.t('exchange.form.kind_hint'),
            })}
            {f.inLanguages('title', t.t('exchange.form.title'), {
              hint: t.t('exchange.form.title_hint'),
              maxlength: postLimits.title.max,
            })}
            {f.inLanguages('body', t.t('exchange.form.body'), { long: true, maxlength: postLimits.body.max })}
            {f.choices('languages', t.t('exchange.form.languages'), languageOptions(ctx), {
              multiple: true,
              hint: t.t('exchange.form.languages_hint'),
            })}
            {f.choices('themes', t.t('exchange.form.themes'), themeOptions(ctx, data.themes), {
              multiple: true,
              hint: t.t('exchange.form.themes_hint'),
            })}
            <fieldset class="exchange-place" id="f-place">
              <legend>{t.html('exchange.form.where')}</legend>
              {f.choices(
                'all_brussels',
                t.t('exchange.form.all_brussels_legend'),
                [{ value: '1', label: t.t('exchange.all_brussels') }],
                {
                  multiple: true,
                },
              )}
              {f.choices('communes', t.t('exchange.form.communes'), communeOptions(ctx), { multiple: true })}
            </fieldset>
            {f.text('until', t.t('exchange.form.until'), {
              type: 'date',
              hint: t.t('exchange.form.until_hint', { latest: dayText(ctx, data.latest) }),
            })}
            {f.choices(
              'informal',
              t.t('exchange.form.informal'),
              [
                { value: 'yes', label: t.t('exchange.form.informal_yes') },
                { value: 'no', label: t.t('exchange.form.informal_no') },
              ],
              { hint: t.t('exchange.form.informal_hint') },
            )}
          </Form>
        </>
      ) : (
        <p class="notice warn">{t.html('exchange.form.members_only')}</p>
      )}
    </Layout>
  );
}
