// Publishing a funding call, or changing it: the publisher (a verified organisation of the member,
// or the moderators), funder, title and summary in nl/fr/en (one language is enough), amount range,
// who is eligible and where, opening and closing date-time in a time zone, the official text.
import type { PageContext } from '../../../http/request-context.ts';
import type { FieldProblem } from '../../../shared/errors.ts';
import { textIn } from '../../../shared/i18n-text.ts';
import { Breadcrumb, vocabularyOptions } from '../../../views/components.tsx';
import { formFields, type FormValues } from '../../../views/form-fields.tsx';
import { Form } from '../../../views/forms.tsx';
import { Layout } from '../../../views/layout.tsx';
import type { CallFormData } from '../calls/page-data.ts';
import { callLimits, funders } from '../calls/calls.vocabulary.ts';
import { communeOptions, themeOptions } from './parts.tsx';

export function CallFormPage({
  ctx,
  data,
  values = {},
  problems = [],
}: {
  ctx: PageContext;
  data: CallFormData;
  values?: FormValues;
  problems?: FieldProblem[];
}) {
  const { t } = ctx;
  const { editing } = data;
  const title = t.t(editing ? 'exchange.calls.edit_title' : 'exchange.calls.new_title');
  const f = formFields(ctx, { values, problems });
  const calendar = { href: `/${ctx.locale}/exchange/calls`, label: t.t('exchange.calls.title') };
  const mayPublish = data.moderator || data.publishers.length > 0;
  return (
    <Layout ctx={ctx} title={title}>
      <Breadcrumb
        ctx={ctx}
        trail={
          editing
            ? [calendar, { href: `/${ctx.locale}/exchange/calls/${editing.id}`, label: editing.title }]
            : [calendar]
        }
        current={title}
      />
      <h1 safe>{title}</h1>
      {mayPublish || editing ? (
        <Form
          ctx={ctx}
          action={
            editing ? `/${ctx.locale}/exchange/calls/${editing.id}/edit` : `/${ctx.locale}/exchange/calls/new`
          }
          submit={t.t(editing ? 'exchange.form.save' : 'exchange.calls.submit')}
          problems={problems}
          wide
        >
          {!editing && (data.publishers.length > 1 || (data.moderator && data.publishers.length))
            ? f.select(
                'organisation',
                t.t('exchange.calls.publisher'),
                data.publishers.map((o) => ({ value: o.id, label: textIn(o.name, ctx.locale) })),
                {
                  empty: t.t(
                    data.moderator ? 'exchange.calls.by_moderators' : 'exchange.form.choose_organisation',
                  ),
                },
              )
            : ''}
          {editing ? <input type="hidden" name="version" value={f.value('version')} /> : ''}
          {f.select(
            'funder',
            t.t('exchange.calls.funder'),
            vocabularyOptions(ctx, 'exchange.funder', funders),
            {
              empty: t.t('exchange.calls.choose_funder'),
            },
          )}
          {f.inLanguages('title', t.t('exchange.form.title'), {
            hint: t.t('exchange.form.title_hint'),
            maxlength: callLimits.title.max,
          })}
          {f.inLanguages('summary', t.t('exchange.calls.summary'), {
            long: true,
            maxlength: callLimits.summary.max,
          })}
          {f.text('amount_min', t.t('exchange.calls.amount_min_label'), { maxlength: 12 })}
          {f.text('amount_max', t.t('exchange.calls.amount_max_label'), { maxlength: 12 })}
          {f.choices('informal', t.t('exchange.calls.eligible'), [
            { value: 'no', label: t.t('exchange.calls.informal_no') },
            { value: 'yes', label: t.t('exchange.calls.informal_yes') },
          ])}
          {f.choices(
            'kbo_required',
            t.t('exchange.calls.kbo_legend'),
            [{ value: '1', label: t.t('exchange.calls.kbo_required') }],
            {
              multiple: true,
            },
          )}
          {f.choices('themes', t.t('exchange.form.themes'), themeOptions(ctx, data.themes), {
            multiple: true,
            hint: t.t('exchange.calls.themes_hint'),
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
          {f.text('opens_at', t.t('exchange.calls.opens_label'), { type: 'datetime-local' })}
          {f.text('closes_at', t.t('exchange.calls.deadline_label'), { type: 'datetime-local' })}
          {f.text('time_zone', t.t('exchange.calls.time_zone'), {
            maxlength: 64,
            hint: t.t('exchange.calls.time_zone_hint'),
          })}
          {f.url('link', t.t('exchange.calls.official_text'))}
        </Form>
      ) : (
        <p class="notice warn">{t.html('exchange.calls.publishers_only')}</p>
      )}
    </Layout>
  );
}
