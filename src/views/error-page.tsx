import type { PageContext } from '../http/request-context.ts';
import type { MessageKey, MessageValues } from '../i18n/index.ts';
import { type ErrorCode, errorMessageKey, type FieldProblem } from '../shared/errors.ts';
import { fieldMessage } from './forms.tsx';
import { Layout } from './layout.tsx';

export function ErrorPage({
  ctx,
  code,
  fields,
  values,
}: {
  ctx: PageContext;
  code: ErrorCode;
  fields: FieldProblem[];
  values?: MessageValues;
}) {
  const { t } = ctx;
  const title = t.t(`${errorMessageKey(code)}.title` as MessageKey);
  return (
    <Layout ctx={ctx} title={title}>
      <section class="error-page">
        <h1 safe>{title}</h1>
        <p safe>{t.t(errorMessageKey(code) as MessageKey, values)}</p>
        {fields.length ? (
          <ul class="field-errors">
            {fields.map((f) => (
              <li safe>
                {f.code && t.has(`fields.${f.code}`)
                  ? t.t('errors.field_reason', { field: f.field, reason: fieldMessage(ctx, f) })
                  : t.t('errors.field', { field: f.field })}
              </li>
            ))}
          </ul>
        ) : (
          ''
        )}
        <p>
          <a href={`/${ctx.locale}/`}>{t.html('errors.go_home')}</a> ·{' '}
          <a href={`/${ctx.locale}/directory`}>{t.html('nav.directory')}</a>
        </p>
      </section>
    </Layout>
  );
}
