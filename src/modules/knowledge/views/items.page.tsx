// The moderators' view of the shared worksheet lists: per list (obstacles, levers, tools) each item
// with its label in nl, fr and en (a missing one marked), where it comes from and how many published
// practices use it, each leading to its page to translate or merge it; filtered by list and by a
// missing language (a GET form).
import type { PageContext } from '../../../http/request-context.ts';
import { locales, pickText } from '../../../shared/i18n-text.ts';
import { Breadcrumb, languageNames } from '../../../views/components.tsx';
import { Notice } from '../../../views/forms.tsx';
import { Layout } from '../../../views/layout.tsx';
import type { ItemsPageData, ItemSummary } from '../items/item-pages-data.ts';
import { worksheetKinds } from '../knowledge.vocabulary.ts';

export function ItemLabels({ ctx, item }: { ctx: PageContext; item: ItemSummary }) {
  const { t } = ctx;
  return (
    <dl class="facts item-labels">
      {locales.map((lang) => (
        <div>
          <dt>{languageNames[lang]}</dt>
          {item.labels[lang] ? (
            <dd lang={lang} safe>
              {item.labels[lang]}
            </dd>
          ) : (
            <dd>
              <span class="badge demo">{t.html('knowledge.items.missing_label')}</span>
            </dd>
          )}
        </div>
      ))}
    </dl>
  );
}

/** Where an item comes from and how many published practices use it. */
export function itemFacts(ctx: PageContext, item: ItemSummary): string {
  const origin = ctx.t.t(item.seeded ? 'knowledge.items.seeded' : 'knowledge.items.added');
  return `${ctx.t.t('knowledge.items.used', { count: item.published })} · ${origin}`;
}

function Filters({ ctx, data }: { ctx: PageContext; data: ItemsPageData }) {
  const { t } = ctx;
  const { kind, missing } = data.filters;
  const option = (value: string, label: string, current: string | undefined) => (
    <option value={value} selected={value === (current ?? '') ? true : undefined} safe>
      {label}
    </option>
  );
  return (
    <form method="get" action={`/${ctx.locale}/practices/items`} class="search-form practices-search">
      <div class="near-bar">
        <label for="filter-kind">{t.html('knowledge.items.filter_kind')}</label>
        <select id="filter-kind" name="kind">
          {option('', t.t('knowledge.items.all_lists'), kind)}
          {worksheetKinds.map((k) => option(k, t.t(`knowledge.kind.${k}`), kind))}
        </select>
        <label for="filter-missing">{t.html('knowledge.items.filter_missing')}</label>
        <select id="filter-missing" name="missing">
          {option('', t.t('knowledge.items.all_items'), missing)}
          {option('any', t.t('knowledge.items.missing_any'), missing)}
          {locales.map((l) => option(l, t.t(`knowledge.items.missing_in.${l}`), missing))}
        </select>
        <button type="submit" class="secondary">
          {t.html('knowledge.library.apply')}
        </button>
      </div>
    </form>
  );
}

export function ItemsPage({ ctx, data, done }: { ctx: PageContext; data: ItemsPageData; done?: string }) {
  const { t } = ctx;
  const title = t.t('knowledge.items.title');
  return (
    <Layout ctx={ctx} title={title}>
      <Breadcrumb
        ctx={ctx}
        trail={[{ href: `/${ctx.locale}/practices`, label: t.t('knowledge.library.title') }]}
        current={title}
      />
      <h1 safe>{title}</h1>
      <p class="lead">{t.html('knowledge.items.lead')}</p>
      {done ? <Notice text={done} /> : ''}
      <Filters ctx={ctx} data={data} />
      {data.lists.map(({ kind, items }) => (
        <section aria-labelledby={`list-${kind}-title`}>
          <h2 id={`list-${kind}-title`} safe>
            {`${t.t(`knowledge.kind.${kind}`)} (${items.length})`}
          </h2>
          {items.length ? (
            <ul class="worksheet-items-list">
              {items.map((item) => {
                const name = pickText(item.labels, ctx.locale);
                return (
                  <li>
                    <h3 lang={name?.fallback ? name.lang : undefined}>
                      <a href={`/${ctx.locale}/practices/items/${item.id}`} safe>
                        {name?.text ?? ''}
                      </a>
                    </h3>
                    <ItemLabels ctx={ctx} item={item} />
                    <p class="hint" safe>
                      {itemFacts(ctx, item)}
                    </p>
                  </li>
                );
              })}
            </ul>
          ) : (
            <p class="empty">{t.html('knowledge.items.none')}</p>
          )}
        </section>
      ))}
    </Layout>
  );
}
