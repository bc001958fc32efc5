// A moderator's page of one item of the shared worksheet lists: its labels, where it comes from and
// how many published practices use it (a link to them in the library); the form to change its
// labels in nl, fr and en (mostly to translate one an organisation typed), and the form to merge it
// into another item of its list. Each form shows its own refusal.
import type { PageContext } from '../../../http/request-context.ts';
import type { FieldProblem } from '../../../shared/errors.ts';
import { pickText } from '../../../shared/i18n-text.ts';
import { Breadcrumb, Section } from '../../../views/components.tsx';
import { type FormValues, formFields } from '../../../views/form-fields.tsx';
import { Field, Form, Notice } from '../../../views/forms.tsx';
import { Layout } from '../../../views/layout.tsx';
import { type ItemPageData, mergeChoices } from '../items/item-pages-data.ts';
import { practiceLimits } from '../knowledge.vocabulary.ts';
import { ItemLabels, itemFacts } from './items.page.tsx';

type FormState = { values: FormValues; problems?: FieldProblem[] };

export function ItemPage({
  ctx,
  data,
  labels,
  merge,
  done,
}: {
  ctx: PageContext;
  data: ItemPageData;
  labels: FormState;
  merge: FormState;
  done?: string;
}) {
  const { t } = ctx;
  const { item } = data;
  const name = pickText(item.labels, ctx.locale);
  const title = t.t('knowledge.items.item_title', { label: name?.text ?? '' });
  const base = `/${ctx.locale}/practices/items`;
  const f = formFields(ctx, labels);
  const m = formFields(ctx, merge);
  // The library filters by obstacles and levers.
  const filter = item.kind === 'tool' ? null : `/${ctx.locale}/practices?${item.kind}=${item.id}`;
  const others = data.others
    .map((o) => ({
      value: o.id,
      label: `${pickText(o.labels, ctx.locale)?.text ?? ''} (${t.t('knowledge.items.used', { count: o.published })})`,
    }))
    .sort((a, b) => a.label.localeCompare(b.label, ctx.locale));
  return (
    <Layout ctx={ctx} title={title}>
      <Breadcrumb
        ctx={ctx}
        trail={[
          { href: `/${ctx.locale}/practices`, label: t.t('knowledge.library.title') },
          { href: base, label: t.t('knowledge.items.title') },
        ]}
        current={name?.text ?? ''}
      />
      <h1 safe>{title}</h1>
      {done ? <Notice text={done} /> : ''}
      <p>
        <span class="badge" safe>
          {t.t(`knowledge.kind.${item.kind}`)}
        </span>{' '}
        <span safe>{itemFacts(ctx, item)}</span>
      </p>
      <ItemLabels ctx={ctx} item={item} />
      {filter && item.published ? (
        <p>
          <a href={filter}>{t.html('knowledge.items.see_practices')}</a>
        </p>
      ) : (
        ''
      )}

      <Section id="translate" title={t.t('knowledge.items.translate')}>
        <p class="hint">{t.html('knowledge.items.translate_lead')}</p>
        <Form
          ctx={ctx}
          action={`${base}/${item.id}`}
          submit={t.t('knowledge.items.save')}
          problems={labels.problems}
          wide
        >
          <input type="hidden" name="version" value={f.value('version')} />
          {f.inLanguages('labels', t.t('knowledge.items.labels'), {
            maxlength: practiceLimits.itemLabel.max,
            hint: t.t('knowledge.items.labels_hint'),
          })}
        </Form>
      </Section>

      <Section id="merge" title={t.t('knowledge.items.merge')}>
        <p class="hint">{t.html('knowledge.items.merge_lead')}</p>
        {data.find !== undefined || data.othersTotal > mergeChoices ? (
          <FindOthers ctx={ctx} data={data} />
        ) : (
          ''
        )}
        {others.length ? (
          <Form
            ctx={ctx}
            action={`${base}/${item.id}/merge`}
            submit={t.t('knowledge.items.merge_submit')}
            problems={merge.problems}
            danger
          >
            {m.select('into', t.t('knowledge.items.merge_into'), others, {
              empty: t.t('knowledge.items.choose'),
            })}
          </Form>
        ) : (
          <p class="empty">
            {t.html(data.find === undefined ? 'knowledge.items.merge_none' : 'knowledge.items.find_none')}
          </p>
        )}
      </Section>
    </Layout>
  );
}

/** A list too long for one form: the items to keep are looked for by words (a GET form). */
function FindOthers({ ctx, data }: { ctx: PageContext; data: ItemPageData }) {
  const { t } = ctx;
  return (
    <form method="get" action={`/${ctx.locale}/practices/items/${data.item.id}#merge`} class="find-others">
      <Field
        ctx={ctx}
        name="find"
        label={t.t('knowledge.items.find')}
        value={data.find ?? ''}
        maxlength={200}
        hint={t.t('knowledge.items.find_hint', { shown: data.others.length, total: data.othersTotal })}
      />
      <button type="submit" class="secondary">
        {t.html('knowledge.items.find_submit')}
      </button>
    </form>
  );
}
