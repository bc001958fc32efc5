// For the moderators: the organisations allowed to compose paths, each with the button that
// withdraws it, and the form that allows one more (its id, or the address of its page).
import type { PageContext } from '../../../http/request-context.ts';
import type { FieldProblem } from '../../../shared/errors.ts';
import { type I18nText, pickText } from '../../../shared/i18n-text.ts';
import { Breadcrumb } from '../../../views/components.tsx';
import { type FormValues, formFields } from '../../../views/form-fields.tsx';
import { Form, Notice, PostButton } from '../../../views/forms.tsx';
import { Layout } from '../../../views/layout.tsx';

export function ComposersPage({
  ctx,
  composers,
  values = {},
  problems = [],
  done,
}: {
  ctx: PageContext;
  composers: { id: string; name: I18nText }[];
  values?: FormValues;
  problems?: FieldProblem[];
  done?: string;
}) {
  const { t } = ctx;
  const title = t.t('learning.composers.title');
  const f = formFields(ctx, { values, problems });
  const name = (n: I18nText) => pickText(n, ctx.locale)?.text ?? '';
  return (
    <Layout ctx={ctx} title={title} styles={['learning.css']}>
      <Breadcrumb
        ctx={ctx}
        trail={[{ href: `/${ctx.locale}/paths`, label: t.t('learning.compose.title') }]}
        current={title}
      />
      <h1 safe>{title}</h1>
      <p>{t.html('learning.composers.lead')}</p>
      {done ? <Notice text={done} /> : ''}
      {composers.length ? (
        <ul class="learn-list">
          {composers.map((c) => (
            <li>
              <a href={`/${ctx.locale}/organisations/${c.id}`} safe>
                {name(c.name)}
              </a>{' '}
              <PostButton
                ctx={ctx}
                action={`/${ctx.locale}/paths/composers/${c.id}/withdraw`}
                label={t.t('learning.composers.withdraw')}
                ariaLabel={t.t('learning.composers.withdraw_named', { name: name(c.name) })}
              />
            </li>
          ))}
        </ul>
      ) : (
        <p class="empty">{t.html('learning.composers.none')}</p>
      )}
      <h2>{t.html('learning.composers.allow')}</h2>
      <Form
        ctx={ctx}
        action={`/${ctx.locale}/paths/composers`}
        submit={t.t('learning.composers.allow')}
        problems={problems}
      >
        {f.text('organisation', t.t('learning.composers.organisation'), {
          maxlength: 500,
          hint: t.t('learning.composers.organisation_hint'),
        })}
      </Form>
    </Layout>
  );
}
