// "Ask for help with this call": a request on the board for a partner or a writer, for one of the
// member's organisations, its title proposed from the call's.
import type { PageContext } from '../../../http/request-context.ts';
import type { FieldProblem } from '../../../shared/errors.ts';
import { type I18nText, textIn } from '../../../shared/i18n-text.ts';
import { Breadcrumb } from '../../../views/components.tsx';
import { formFields, type FormValues } from '../../../views/form-fields.tsx';
import { Form } from '../../../views/forms.tsx';
import { Layout } from '../../../views/layout.tsx';
import { postLimits } from '../exchange.vocabulary.ts';

export interface CallHelpData {
  call: { id: string; title: string };
  organisations: { id: string; name: I18nText }[];
}

export function CallHelpPage({
  ctx,
  data,
  values = {},
  problems = [],
}: {
  ctx: PageContext;
  data: CallHelpData;
  values?: FormValues;
  problems?: FieldProblem[];
}) {
  const { t } = ctx;
  const title = t.t('exchange.calls.ask_help');
  const f = formFields(ctx, { values, problems });
  const base = `/${ctx.locale}/exchange/calls/${data.call.id}`;
  return (
    <Layout ctx={ctx} title={title}>
      <Breadcrumb
        ctx={ctx}
        trail={[
          { href: `/${ctx.locale}/exchange/calls`, label: t.t('exchange.calls.title') },
          { href: base, label: data.call.title },
        ]}
        current={title}
      />
      <h1 safe>{title}</h1>
      {data.organisations.length ? (
        <>
          <p>{t.html('exchange.calls.help_form_lead')}</p>
          <Form
            ctx={ctx}
            action={`${base}/help`}
            submit={t.t('exchange.form.submit')}
            problems={problems}
            wide
          >
            {data.organisations.length > 1
              ? f.select(
                  'organisation',
                  t.t('exchange.form.organisation'),
                  data.organisations.map((o) => ({ value: o.id, label: textIn(o.name, ctx.locale) })),
                  { empty: t.t('exchange.form.choose_organisation') },
                )
              : ''}
            {f.inLanguages('title', t.t('exchange.form.title'), {
              hint: t.t('exchange.form.title_hint'),
              maxlength: postLimits.title.max,
            })}
            {f.inLanguages('body', t.t('exchange.calls.help_body'), {
              long: true,
              maxlength: postLimits.body.max,
            })}
          </Form>
        </>
      ) : (
        <p class="notice warn">{t.html('exchange.form.members_only')}</p>
      )}
    </Layout>
  );
}
